package dev.forgeline.test;

import static dev.forgeline.test.DatasetAssertions.assertDatasetEquals;
import static dev.forgeline.test.DatasetAssertions.assertRowsEqual;
import static dev.forgeline.test.DatasetAssertions.assertSchemaEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Dataset equality and its failure messages, on whichever backend the switch selects. */
@SparkTest(isolation = SparkTest.Isolation.PER_CLASS)
class DatasetAssertionsTest {
  private static final StructType ORDERS =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("customer", DataTypes.StringType)
          .add("amount", DataTypes.DoubleType);

  SparkSession spark;

  private Dataset<Row> orders(Row... rows) {
    return spark.createDataFrame(Arrays.asList(rows), ORDERS);
  }

  private static Row r(Object... values) {
    return RowFactory.create(values);
  }

  @Test
  void equalDatasetsPass() {
    assertDatasetEquals(
        orders(r(1, "Ann", 10.0), r(2, "Bob", null)), orders(r(1, "Ann", 10.0), r(2, "Bob", null)));
  }

  @Test
  void differingCellsAreMarkedSideBySide() {
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () ->
                assertDatasetEquals(
                    orders(r(1, "Ann", 10.0), r(2, "Bob", 20.0), r(3, "Cy", 5.0)),
                    orders(
                        r(1, "Ann", 10.0), r(2, "Bob", 20.5), r(3, "Cy", 5.0), r(4, "Di", 1.0))));
    Golden.assertMatches("rows-ordered", e.getMessage());
    assertEquals(
        "id int not null, customer string, amount double\n"
            + "[1, \"Ann\", 10.0]\n[2, \"Bob\", 20.0]\n[3, \"Cy\", 5.0]\n",
        e.getExpected().getStringRepresentation());
    assertEquals(
        "id int not null, customer string, amount double\n"
            + "[1, \"Ann\", 10.0]\n[2, \"Bob\", 20.5]\n[3, \"Cy\", 5.0]\n[4, \"Di\", 1.0]\n",
        e.getActual().getStringRepresentation());
  }

  @Test
  void rowOrderCanBeIgnoredAndUnmatchedRowsArePairedWithTheirClosestRow() {
    Comparison anyOrder = Comparison.strict().ignoringRowOrder();
    assertDatasetEquals(
        orders(r(1, "Ann", 10.0), r(2, "Bob", 20.0)),
        orders(r(2, "Bob", 20.0), r(1, "Ann", 10.0)),
        anyOrder);
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () ->
                assertDatasetEquals(
                    orders(r(1, "Ann", 10.0), r(2, "Bob", 20.0), r(3, "Cy", 5.0)),
                    orders(
                        r(3, "Cy", 5.0), r(2, "Bob", 21.0), r(1, "Ann", 10.0), r(1, "Ann", 10.0)),
                    anyOrder));
    Golden.assertMatches("rows-any-order", e.getMessage());
  }

  @Test
  void duplicateRowsCountWhenOrderIsIgnored() {
    assertThrows(
        AssertionFailedError.class,
        () ->
            assertDatasetEquals(
                orders(r(1, "Ann", 10.0), r(1, "Ann", 10.0)),
                orders(r(1, "Ann", 10.0), r(2, "Bob", 10.0)),
                Comparison.strict().ignoringRowOrder()));
  }

  @Test
  void differentSchemasGiveASchemaDiffNotARowDump() {
    StructType other =
        new StructType()
            .add("customer", DataTypes.StringType)
            .add("id", DataTypes.LongType, false)
            .add("note", DataTypes.StringType);
    Dataset<Row> actual = spark.createDataFrame(List.of(r("Ann", 1L, "x")), other);
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () -> assertDatasetEquals(orders(r(1, "Ann", 10.0)), actual));
    Golden.assertMatches("schema-diff", e.getMessage());
    assertEquals(
        "id int not null\ncustomer string\namount double\n",
        e.getExpected().getStringRepresentation());
  }

  @Test
  void columnOrderAndNullabilityCanBeIgnored() {
    StructType reordered =
        new StructType()
            .add("amount", DataTypes.DoubleType)
            .add("id", DataTypes.IntegerType, true)
            .add("customer", DataTypes.StringType);
    Dataset<Row> actual = spark.createDataFrame(List.of(r(10.0, 1, "Ann")), reordered);
    Dataset<Row> expected = orders(r(1, "Ann", 10.0));
    assertThrows(AssertionFailedError.class, () -> assertDatasetEquals(expected, actual));
    assertThrows(
        AssertionFailedError.class,
        () -> assertDatasetEquals(expected, actual, Comparison.strict().ignoringColumnOrder()));
    assertDatasetEquals(
        expected, actual, Comparison.strict().ignoringColumnOrder().ignoringNullability());
  }

  @Test
  void nestedNullabilityIsPartOfTheSchema() {
    StructType strictArray =
        new StructType().add("xs", DataTypes.createArrayType(DataTypes.IntegerType, false));
    StructType looseArray =
        new StructType().add("xs", DataTypes.createArrayType(DataTypes.IntegerType, true));
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> assertSchemaEquals(strictArray, looseArray));
    Golden.assertMatches("schema-nested-nullability", e.getMessage());
    assertSchemaEquals(strictArray, looseArray, Comparison.strict().ignoringNullability());
  }

  @Test
  void numericToleranceIsAbsoluteOrRelative() {
    Dataset<Row> expected = orders(r(1, "Ann", 100.0));
    Dataset<Row> actual = orders(r(1, "Ann", 100.4));
    assertThrows(AssertionFailedError.class, () -> assertDatasetEquals(expected, actual));
    assertDatasetEquals(expected, actual, Comparison.strict().withAbsoluteTolerance(0.5));
    assertThrows(
        AssertionFailedError.class,
        () ->
            assertDatasetEquals(expected, actual, Comparison.strict().withAbsoluteTolerance(0.3)));
    assertDatasetEquals(expected, actual, Comparison.strict().withRelativeTolerance(0.005));
    assertThrows(
        AssertionFailedError.class,
        () ->
            assertDatasetEquals(
                expected, actual, Comparison.strict().withRelativeTolerance(0.001)));
  }

  @Test
  void decimalsCompareByValueAndHonourTolerance() {
    StructType money = new StructType().add("v", DataTypes.createDecimalType(10, 2));
    Dataset<Row> expected = spark.createDataFrame(List.of(r(new BigDecimal("1.00"))), money);
    Dataset<Row> actual = spark.createDataFrame(List.of(r(new BigDecimal("1.01"))), money);
    assertThrows(AssertionFailedError.class, () -> assertDatasetEquals(expected, actual));
    assertDatasetEquals(expected, actual, Comparison.strict().withAbsoluteTolerance(0.01));
  }

  @Test
  void nanEqualsNanOnlyWhenAsked() {
    Dataset<Row> nan = orders(r(1, "Ann", Double.NaN));
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> assertDatasetEquals(nan, nan));
    Golden.assertMatches("nan", e.getMessage());
    assertDatasetEquals(nan, nan, Comparison.strict().treatingNaNAsEqual());
    assertDatasetEquals(nan, nan, Comparison.strict().treatingNaNAsEqual().ignoringRowOrder());
  }

  @Test
  void timestampToleranceAppliesToTimestamps() {
    StructType events = new StructType().add("at", DataTypes.TimestampType);
    Instant t = Instant.parse("2024-03-31T00:59:59Z");
    Dataset<Row> expected = spark.createDataFrame(List.of(r(Timestamp.from(t))), events);
    Dataset<Row> actual =
        spark.createDataFrame(List.of(r(Timestamp.from(t.plusMillis(800)))), events);
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> assertDatasetEquals(expected, actual));
    Golden.assertMatches("timestamp", e.getMessage());
    assertDatasetEquals(
        expected, actual, Comparison.strict().withTimestampTolerance(Duration.ofSeconds(1)));
  }

  @Test
  void nestedValuesAreComparedDeeply() {
    StructType nested =
        new StructType()
            .add("tags", DataTypes.createArrayType(DataTypes.StringType))
            .add(
                "address",
                new StructType()
                    .add("city", DataTypes.StringType)
                    .add("zip", DataTypes.StringType));
    Dataset<Row> expected =
        spark.createDataFrame(List.of(r(List.of("a", "b"), r("Paris", "75001"))), nested);
    Dataset<Row> same =
        spark.createDataFrame(List.of(r(List.of("a", "b"), r("Paris", "75001"))), nested);
    Dataset<Row> other =
        spark.createDataFrame(List.of(r(List.of("a", "c"), r("Paris", "75001"))), nested);
    assertDatasetEquals(expected, same);
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> assertDatasetEquals(expected, other));
    Golden.assertMatches("nested", e.getMessage());
  }

  @Test
  void rowsCanBeGivenAsAList() {
    Dataset<Row> actual = orders(r(1, "Ann", 10.0));
    assertRowsEqual(List.of(r(1, "Ann", 10.0)), actual);
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () -> assertRowsEqual(List.of(r(1, "Ann\n", 10.0)), actual));
    Golden.assertMatches("rows-list", e.getMessage());
  }

  @Test
  void manyDifferencesAreCutAtTheLimit() {
    Row[] e = new Row[15];
    Row[] a = new Row[15];
    for (int i = 0; i < 15; i++) {
      e[i] = r(i, "c" + i, (double) i);
      a[i] = r(i, "c" + i, i + 0.5);
    }
    AssertionFailedError err =
        assertThrows(
            AssertionFailedError.class,
            () ->
                assertDatasetEquals(orders(e), orders(a), Comparison.strict().showingDiffRows(3)));
    Golden.assertMatches("rows-limit", err.getMessage());
  }

  @Test
  void badOptionsAreRejectedWithTheirValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Comparison.strict().withAbsoluteTolerance(-1));
    assertEquals("absoluteTolerance was [-1.0] but must be a finite number >= 0", e.getMessage());
  }
}
