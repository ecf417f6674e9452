package dev.forgeline.mock;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.upper;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Runs in a surefire execution whose classpath has no spark-core, spark-sql or catalyst (see the
 * module pom): the mock works with spark-sql-api alone.
 */
class WithoutSparkCoreTest {

  @Test
  void classpathMatchesTheExecution() {
    boolean dedicated = Boolean.getBoolean("forgeline.mock.withoutSparkCore");
    assertEquals(!dedicated, isPresent("org.apache.spark.SparkContext"));
    assertEquals(!dedicated, isPresent("org.apache.spark.sql.catalyst.expressions.Expression"));
  }

  @Test
  void typicalProgramRunsOnTheMock() {
    SparkSession spark =
        MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").build();
    assertEquals(
        "UTC",
        MockSparkSession.create(java.util.Map.of("spark.sql.session.timeZone", "UTC"))
            .conf()
            .get("spark.sql.session.timeZone"));
    StructType schema =
        new StructType()
            .add("dept", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("salary", DataTypes.IntegerType);
    Dataset<Row> df =
        spark.createDataFrame(
            List.of(
                RowFactory.create("a", "x", 10),
                RowFactory.create("a", "y", 30),
                RowFactory.create("b", "z", 20)),
            schema);
    Dataset<Row> agg =
        df.groupBy(col("dept"))
            .agg(count(lit(1)).as("n"), avg(col("salary")).as("avg"))
            .orderBy(col("dept"));
    assertEquals(
        List.of(RowFactory.create("a", 2L, 20.0), RowFactory.create("b", 1L, 20.0)),
        agg.collectAsList());
    Dataset<Row> ranked =
        df.withColumn(
                "rn", row_number().over(Window.partitionBy("dept").orderBy(col("salary").desc())))
            .filter(col("rn").equalTo(1))
            .select(upper(col("name")).as("top"))
            .orderBy("top");
    assertEquals(List.of(RowFactory.create("Y"), RowFactory.create("Z")), ranked.collectAsList());
  }

  /**
   * The mock builds its builder through the JDK's serialization constructor because the ordinary
   * one (SparkSession.Builder's) looks up Spark's classic or Connect session and needs spark-sql:
   * here, without it, the fallback fails, while the JDK path above works. With spark-sql present
   * the fallback gives a working builder.
   */
  @Test
  void theOrdinaryBuilderConstructorNeedsSparkSqlWhichIsWhyTheJdkPathIsUsed() {
    boolean dedicated = Boolean.getBoolean("forgeline.mock.withoutSparkCore");
    if (dedicated) {
      org.junit.jupiter.api.Assertions.assertThrows(
          Throwable.class, () -> MockSparkSession.Builder.newInstance(null).build());
    } else {
      SparkSession viaFallback =
          MockSparkSession.Builder.newInstance(null)
              .config("spark.sql.session.timeZone", "UTC")
              .build();
      assertEquals(List.of(0L), viaFallback.range(1).collectAsList());
    }
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
