package dev.forgeline.test;

import static dev.forgeline.test.DatasetAssertions.assertRowsEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

@SparkTest(isolation = SparkTest.Isolation.PER_CLASS)
class RowGeneratorTest {
  private static final StructType CUSTOMERS =
      new StructType()
          .add("id", DataTypes.LongType, false)
          .add("name", DataTypes.StringType)
          .add("email", DataTypes.StringType)
          .add("country", DataTypes.StringType)
          .add("birth_date", DataTypes.DateType);
  private static final StructType ORDERS =
      new StructType()
          .add("order_id", DataTypes.StringType, false)
          .add("customer_id", DataTypes.LongType, false)
          .add("amount", DataTypes.createDecimalType(10, 2))
          .add("quantity", DataTypes.IntegerType)
          .add("ordered_at", DataTypes.TimestampType);

  SparkSession spark;

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    List<Row> a = RowGenerator.forSchema(CUSTOMERS).seed(7).rows(50);
    assertEquals(a, RowGenerator.forSchema(CUSTOMERS).seed(7).rows(50));
    assertNotEquals(a, RowGenerator.forSchema(CUSTOMERS).seed(8).rows(50));
  }

  @Test
  void addingAColumnLeavesTheOtherColumnsValuesAlone() {
    List<Row> before = RowGenerator.forSchema(CUSTOMERS).seed(3).rows(20);
    List<Row> after =
        RowGenerator.forSchema(CUSTOMERS.add("vip", DataTypes.BooleanType)).seed(3).rows(20);
    for (int i = 0; i < before.size(); i++) {
      for (int c = 0; c < CUSTOMERS.size(); c++) {
        assertEquals(before.get(i).get(c), after.get(i).get(c), "row " + i + " column " + c);
      }
    }
  }

  @Test
  void valuesAreRealisticByColumnName() {
    List<Row> rows = RowGenerator.forSchema(CUSTOMERS).seed(1).rows(200);
    Set<String> countries = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      assertEquals(i + 1L, r.getLong(0), "id counts from 1");
      assertTrue(r.getString(1).matches("\\p{L}+ \\p{L}[\\p{L}']+"), r.getString(1));
      assertTrue(
          r.getString(2).matches("[a-z]+\\.[a-z]+\\d{1,2}@example\\.(com|org|net)"),
          r.getString(2));
      assertTrue(r.getString(3).matches("[A-Z]{2}"), r.getString(3));
      countries.add(r.getString(3));
      int year = ((Date) r.get(4)).toLocalDate().getYear();
      assertTrue(year >= 1940 && year <= 2005, "birth year " + year);
    }
    assertTrue(countries.size() > 5, "countries vary: " + countries);
    for (Row r : RowGenerator.forSchema(ORDERS).seed(1).rows(200)) {
      BigDecimal amount = r.getDecimal(2);
      assertEquals(2, amount.scale());
      assertTrue(
          amount.signum() >= 0 && amount.compareTo(new BigDecimal("1000")) <= 0, "" + amount);
      assertTrue(r.getInt(3) >= 1 && r.getInt(3) <= 20, "quantity " + r.getInt(3));
    }
  }

  @Test
  void nullRatiosApplyPerColumn() {
    List<Row> rows = RowGenerator.forSchema(CUSTOMERS).seed(5).nullRatio("email", 0.3).rows(1000);
    long nullEmails = rows.stream().filter(r -> r.isNullAt(2)).count();
    long nullNames = rows.stream().filter(r -> r.isNullAt(1)).count();
    assertTrue(nullEmails > 240 && nullEmails < 360, "null emails: " + nullEmails);
    assertEquals(0, nullNames);
    long all =
        RowGenerator.forSchema(CUSTOMERS).seed(5).nullRatio(1.0).rows(10).stream()
            .filter(
                r ->
                    r.isNullAt(1)
                        && r.isNullAt(2)
                        && r.isNullAt(3)
                        && r.isNullAt(4)
                        && !r.isNullAt(0))
            .count();
    assertEquals(10, all, "every nullable column null, the key column never");
  }

  @Test
  void aNonNullableColumnCannotGetNulls() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RowGenerator.forSchema(CUSTOMERS).nullRatio("id", 0.1));
    assertEquals(
        "column [id] is not nullable, so it cannot be null with ratio [0.1]; make it nullable in"
            + " the schema or leave its ratio at 0",
        e.getMessage());
  }

  @Test
  void keysJoinAcrossTwoGeneratedTables() {
    KeySpace customers = KeySpace.of("C", 30);
    Dataset<Row> c =
        RowGenerator.forSchema(CUSTOMERS).uniqueKeys("id", customers).seed(2).dataset(spark, 30);
    Dataset<Row> o =
        RowGenerator.forSchema(ORDERS)
            .keysFrom("customer_id", customers)
            .seed(2)
            .dataset(spark, 300);
    assertEquals(30, c.select("id").distinct().count());
    assertEquals(300, o.join(c, o.col("customer_id").equalTo(c.col("id"))).count());
    assertThrows(
        IllegalArgumentException.class,
        () -> RowGenerator.forSchema(CUSTOMERS).uniqueKeys("id", customers).rows(31));
  }

  @Test
  void edgeCasesComeFirstWhenAskedFor() {
    StructType s =
        new StructType()
            .add("name", DataTypes.StringType)
            .add("score", DataTypes.DoubleType, false)
            .add("day", DataTypes.DateType, false)
            .add("at", DataTypes.TimestampType, false);
    RowGenerator g = RowGenerator.forSchema(s).withEdgeCases();
    List<Row> rows = g.rows(g.edgeCaseRows() + 5);
    List<Object> names = rows.stream().map(r -> r.get(0)).toList();
    assertTrue(names.contains(""), "empty string");
    assertTrue(names.contains(null), "null in a nullable column");
    assertTrue(names.contains("emoji 😀👍🏽"), "unicode");
    assertTrue(rows.stream().anyMatch(r -> Double.isNaN(r.getDouble(1))), "NaN");
    assertTrue(rows.stream().anyMatch(r -> r.getDouble(1) == Double.NEGATIVE_INFINITY));
    assertTrue(rows.stream().anyMatch(r -> r.get(2).toString().equals("2024-02-29")), "leap day");
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    ((Timestamp) r.get(3))
                        .toInstant()
                        .equals(Instant.parse("2024-03-31T01:00:00Z"))),
        "DST border");
    assertTrue(
        rows.stream().skip(g.edgeCaseRows()).noneMatch(r -> r.isNullAt(0)), "no nulls after");
  }

  @Test
  void nestedTypesAreGeneratedAndAcceptedBySpark() {
    StructType s =
        new StructType()
            .add("tags", DataTypes.createArrayType(DataTypes.StringType, false))
            .add("prices", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
            .add(
                "address",
                new StructType()
                    .add("city", DataTypes.StringType)
                    .add("zip", DataTypes.IntegerType)
                    .add("since", DataTypes.TimestampNTZType));
    RowGenerator g = RowGenerator.forSchema(s).seed(11).withEdgeCases();
    List<Row> rows = g.rows(g.edgeCaseRows() + 20);
    Dataset<Row> ds = spark.createDataFrame(rows, s);
    assertRowsEqual(rows, ds, Comparison.strict().treatingNaNAsEqual());
  }

  @Test
  void everySupportedTypeRoundTripsThroughTheSession() {
    StructType s =
        new StructType()
            .add("b", DataTypes.BooleanType)
            .add("t", DataTypes.ByteType)
            .add("sm", DataTypes.ShortType)
            .add("i", DataTypes.IntegerType)
            .add("l", DataTypes.LongType)
            .add("f", DataTypes.FloatType)
            .add("d", DataTypes.DoubleType)
            .add("dec", DataTypes.createDecimalType(5, 3))
            .add("s", DataTypes.StringType)
            .add("bin", DataTypes.BinaryType)
            .add("dt", DataTypes.DateType)
            .add("ts", DataTypes.TimestampType)
            .add("ntz", DataTypes.TimestampNTZType);
    RowGenerator g = RowGenerator.forSchema(s).seed(4).withEdgeCases().nullRatio(0.1);
    List<Row> rows = g.rows(g.edgeCaseRows() + 50);
    assertRowsEqual(rows, spark.createDataFrame(rows, s), Comparison.strict().treatingNaNAsEqual());
  }

  @Test
  void anUnsupportedTypeIsNamedWithItsColumn() {
    StructType s =
        new StructType()
            .add("id", DataTypes.LongType)
            .add("wait", DataTypes.CalendarIntervalType)
            .add("nested", new StructType().add("n", DataTypes.NullType));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RowGenerator.forSchema(s));
    Golden.assertMatches("generator-unsupported", e.getMessage());
  }
}
