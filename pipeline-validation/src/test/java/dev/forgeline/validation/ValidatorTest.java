package dev.forgeline.validation;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.mock.MockSparkSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ValidatorTest {
  private final SparkSession spark = MockSparkSession.create();

  private Dataset<Row> orders() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("amount", DataTypes.DoubleType)
            .add("status", DataTypes.StringType)
            .add("email", DataTypes.StringType);
    return spark.createDataFrame(
        List.of(
            RowFactory.create(1, 10.0, "paid", "a@x.org"),
            RowFactory.create(2, -5.0, "paid", "not-an-email"),
            RowFactory.create(null, 20.0, "lost", null),
            RowFactory.create(4, null, null, "d@x.org")),
        schema);
  }

  @Test
  void countsEveryRuleInOnePassWithNullSemantics() {
    ValidationSummary s =
        Validator.check(
            orders(),
            List.of(
                Rule.notNull("id"),
                Rule.between("amount", 0, 1000),
                Rule.in("status", "paid", "cancelled"),
                Rule.matches("email", "^[^@]+@[^@]+$"),
                Rule.of("amount positive", col("amount").gt(0))));
    assertEquals(4, s.rows());
    assertEquals(1, s.failures("id is not null"));
    assertEquals(1, s.failures("amount between 0 and 1000"), "null amount passes a range");
    assertEquals(1, s.failures("status in [paid, cancelled]"));
    assertEquals(1, s.failures("email matches /^[^@]+@[^@]+$/"));
    assertEquals(2, s.failures("amount positive"), "a null condition fails a custom rule");
    assertFalse(s.passed());
  }

  @Test
  void cleanDataPassesAndEmptyDataHasNoFailures() {
    Dataset<Row> clean = orders().filter(col("id").equalTo(1));
    assertTrue(Validator.check(clean, List.of(Rule.notNull("id"))).passed());
    ValidationSummary empty = Validator.check(orders().limit(0), List.of(Rule.notNull("id")));
    assertEquals(0, empty.rows());
    assertEquals(0, empty.failures("id is not null"));
  }

  @Test
  void badRuleListsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Validator.check(orders(), List.of()));
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () -> Validator.check(orders(), List.of(Rule.notNull("id"), Rule.notNull("id"))));
    assertEquals("rule name [id is not null] is used twice", twice.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Validator.check(orders(), List.of(Rule.notNull("id"))).failures("nope"));
  }
}
