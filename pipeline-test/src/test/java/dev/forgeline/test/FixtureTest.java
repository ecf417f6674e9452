package dev.forgeline.test;

import static dev.forgeline.test.DatasetAssertions.assertRowsEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

@SparkTest
class FixtureTest {
  private static final StructType ORDERS =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("customer", DataTypes.StringType)
          .add("amount", DataTypes.createDecimalType(6, 2))
          .add("day", DataTypes.DateType)
          .add("tags", DataTypes.createArrayType(DataTypes.StringType, false))
          .add(
              "attrs", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false));

  @Test
  void rowsBecomeADatasetOfTheSession(SparkSession spark) {
    Fixture f =
        Fixture.of(ORDERS)
            .row(
                1,
                "Ann",
                new BigDecimal("12.50"),
                Date.valueOf("2024-02-29"),
                List.of("a"),
                Map.of("k", 1))
            .row(2, null, null, null, null, null);
    Dataset<Row> ds = f.strict().dataset(spark);
    assertEquals(2, ds.count());
    assertRowsEqual(f.rows(), ds);
  }

  @Test
  void strictModeListsEveryValueThatDoesNotFit() {
    Fixture f =
        Fixture.of(ORDERS)
            .row(null, "Ann", 12.5, "2024-02-29", Arrays.asList("a", null), Map.of("k", 1L))
            .row(2, "Bob", new BigDecimal("12345.6"), null, null, null)
            .row(3, "Cy")
            .strict();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, f::rows);
    Golden.assertMatches("fixture-strict", e.getMessage());
  }

  @Test
  void withoutStrictModeTheSessionJudgesAsSparkDoes(SparkSession spark) {
    Fixture nullElement =
        Fixture.of(ORDERS).row(1, "Ann", null, null, Arrays.asList("a", null), null);
    assertEquals(1, nullElement.rows().size(), "not checked without strict()");
    assertThrows(IllegalArgumentException.class, () -> nullElement.strict().rows());
    Fixture wrongType = Fixture.of(ORDERS).row(1, "Ann", 12.5, null, null, null);
    assertThrows(RuntimeException.class, () -> wrongType.dataset(spark).collectAsList());
  }

  @Test
  void rowsCanBeAddedAsAList() {
    Row r = RowFactory.create(1, "Ann", null, null, null, null);
    assertEquals(List.of(r, r), Fixture.of(ORDERS).rows(List.of(r)).rows(List.of(r)).rows());
  }
}
