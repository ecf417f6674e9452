package dev.forgeline.mock.kit;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forgeline.mock.MockSparkSession;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The usage snippet of docs/mock.md, kept here so it compiles and runs. */
class MockUsageSnippetTest {

  // --- docs/mock.md snippet start ---
  /** Code under test: written against Spark's abstract API only. */
  static Dataset<Row> averageAgeByDept(Dataset<Row> people) {
    return people.groupBy("dept").agg(avg("age").as("avg_age")).orderBy("dept");
  }

  @Test
  void averagesAgesPerDepartment() {
    SparkSession spark =
        MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").build();
    StructType schema =
        new StructType()
            .add("name", DataTypes.StringType)
            .add("age", DataTypes.IntegerType)
            .add("dept", DataTypes.StringType);
    Dataset<Row> people =
        spark.createDataFrame(
            List.of(
                RowFactory.create("Ann", 30, "eng"),
                RowFactory.create("Bo", 40, "eng"),
                RowFactory.create("Cy", 25, "ops")),
            schema);

    List<Row> rows = averageAgeByDept(people).collectAsList();

    assertEquals(List.of(RowFactory.create("eng", 35.0), RowFactory.create("ops", 25.0)), rows);
  }

  @Test
  void raisesSparksOwnErrors() {
    SparkSession spark = MockSparkSession.builder().build();
    AnalysisException e =
        assertThrows(
            AnalysisException.class, () -> spark.range(3).select(col("idd")).collectAsList());
    assertEquals("UNRESOLVED_COLUMN.WITH_SUGGESTION", e.getCondition());
  }
  // --- docs/mock.md snippet end ---
}
