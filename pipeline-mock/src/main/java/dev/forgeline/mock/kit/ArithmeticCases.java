package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.nums;
import static dev.forgeline.mock.kit.Fixtures.people;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.try_add;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.try_multiply;
import static org.apache.spark.sql.functions.try_subtract;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.apache.spark.sql.Column;

/**
 * Cases for arithmetic operators over every pair of numeric types (result types follow Spark's
 * coercion), decimal arithmetic, division and remainder by zero, overflow, and try_ variants.
 */
final class ArithmeticCases {

  private static final String[] NUMERIC = {"i", "l", "d", "dec", "s", "b", "f"};

  private ArithmeticCases() {}

  static void addTo(CaseBook book) {
    CaseBook b = book.area("arithmetic");
    Map<String, BinaryOperator<Column>> ops = new java.util.LinkedHashMap<>();
    ops.put("plus", Column::plus);
    ops.put("minus", Column::minus);
    ops.put("times", Column::multiply);
    ops.put("div", Column::divide);
    for (Map.Entry<String, BinaryOperator<Column>> op : ops.entrySet()) {
      for (String right : NUMERIC) {
        if (op.getKey().equals("div") && !right.equals("d") && !right.equals("f")) {
          continue;
        }
        b.rows(
            "i-" + op.getKey() + "-" + right,
            "int " + op.getKey() + " " + right + " (result type by coercion)",
            sp ->
                nums(sp)
                    .filter(col("i").lt(100).and(col(right).notEqual(0)))
                    .select(col("i"), col(right), op.getValue().apply(col("i"), col(right))));
      }
    }
    b.rows(
        "div-int-int-is-double",
        "int / int is a double",
        sp -> people(sp).select(col("age").divide(col("id"))));
    b.rows(
        "div-long-long",
        "long / long is a double",
        sp -> sp.range(1, 6).select(col("id").divide(lit(4L))));
    b.rows(
        "div-decimal",
        "decimal / decimal follows decimal result rules",
        sp -> nums(sp).select(col("dec").divide(lit(new BigDecimal("3.0")))));
    b.rows(
        "decimal-plus-decimal",
        "decimal(10,2) + decimal(10,2) is decimal(11,2)",
        sp -> nums(sp).select(col("dec").plus(col("dec"))));
    b.rows(
        "decimal-times-decimal",
        "decimal(10,2) * decimal(10,2) is decimal(21,4)",
        sp -> nums(sp).select(col("dec").multiply(col("dec"))));
    b.rows(
        "decimal-plus-int",
        "decimal + int widens to decimal(13,2)",
        sp -> nums(sp).select(col("dec").plus(col("i"))));
    b.rows(
        "decimal-plus-long",
        "decimal + bigint widens to decimal(23,2)",
        sp -> nums(sp).select(col("dec").plus(col("l"))));
    b.rows(
        "decimal-plus-double",
        "decimal + double is double",
        sp -> nums(sp).select(col("dec").plus(col("d"))));
    b.rows(
        "mod",
        "% keeps the sign of the dividend",
        sp ->
            nums(sp).filter(col("i").lt(100)).select(col("i").mod(lit(2)), col("d").mod(lit(0.3))));
    b.rows("pmod", "pmod is never negative", sp -> nums(sp).select(pmod(col("i"), lit(5))));
    b.rows(
        "unary-minus",
        "negate and unary minus",
        sp -> nums(sp).filter(col("i").lt(100)).select(negate(col("i")), col("d").unary_$minus()));
    b.rows(
        "string-plus-int",
        "string + int casts the string by Spark's coercion rule",
        sp -> sp.range(1).select(lit("5").plus(lit(3))));
    b.rows(
        "string-times-double",
        "string * double casts the string to double",
        sp -> sp.range(1).select(lit("1.5").multiply(lit(2.0))));
    b.rows("literal-long-plus-int", "7L + 3 is bigint", sp -> sp.range(1).select(lit(7L).plus(3)));
    b.fails(
        "double-div-zero",
        "double / 0.0 raises DIVIDE_BY_ZERO under ANSI",
        "DIVIDE_BY_ZERO",
        sp -> nums(sp).select(col("d").divide(lit(0.0))));
    b.fails(
        "int-div-zero",
        "1 / 0 raises DIVIDE_BY_ZERO under ANSI",
        "DIVIDE_BY_ZERO",
        sp -> nums(sp).select(col("i").divide(lit(0))));
    b.fails(
        "int-div-zero-column",
        "division by a zero in the data",
        "DIVIDE_BY_ZERO",
        sp -> nums(sp).select(lit(1).divide(col("i"))));
    b.fails(
        "decimal-div-zero",
        "decimal / 0 raises DIVIDE_BY_ZERO",
        "DIVIDE_BY_ZERO",
        sp -> nums(sp).select(col("dec").divide(lit(BigDecimal.ZERO))));
    b.fails(
        "mod-zero",
        "int % 0 raises REMAINDER_BY_ZERO",
        "REMAINDER_BY_ZERO",
        sp -> nums(sp).select(col("i").mod(lit(0))));
    b.fails(
        "int-overflow",
        "int + int overflow raises ARITHMETIC_OVERFLOW",
        "ARITHMETIC_OVERFLOW",
        sp -> nums(sp).select(col("i").plus(lit(1))));
    b.fails(
        "long-overflow",
        "bigint * bigint overflow raises ARITHMETIC_OVERFLOW",
        "ARITHMETIC_OVERFLOW",
        sp -> nums(sp).select(col("l").multiply(lit(Long.MAX_VALUE / 2))));
    b.withConf(
        "legacy-div-zero",
        "non-ANSI: 1 / 0 is null",
        Map.of("spark.sql.ansi.enabled", "false"),
        sp -> nums(sp).select(col("i").divide(lit(0))));
    b.withConf(
        "legacy-overflow-wraps",
        "non-ANSI: int overflow wraps",
        Map.of("spark.sql.ansi.enabled", "false"),
        sp -> nums(sp).select(col("i").plus(lit(1))));
    b.rows(
        "try-divide",
        "try_divide by zero is null",
        sp -> nums(sp).select(try_divide(col("i"), lit(0)), try_divide(col("i"), lit(2))));
    b.rows(
        "try-add-overflow",
        "try_add overflow is null",
        sp -> nums(sp).select(try_add(col("i"), lit(1))));
    b.rows("try-subtract", "try_subtract", sp -> nums(sp).select(try_subtract(col("l"), col("i"))));
    b.rows(
        "try-multiply-overflow",
        "try_multiply overflow is null",
        sp -> nums(sp).select(try_multiply(col("l"), lit(Long.MAX_VALUE / 2))));
    b.fails(
        "string-minus-array",
        "int - array is a type mismatch",
        "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
        sp -> Fixtures.nested(sp).select(col("k").minus(col("arr"))));
    b.fails(
        "non-numeric-string",
        "'abc' + 1 fails at runtime under ANSI",
        "CAST_INVALID_INPUT",
        sp -> sp.range(1).select(lit("abc").plus(lit(1))));
    b.fails(
        "boolean-plus-int",
        "boolean + int is a type mismatch",
        "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
        sp -> sp.range(1).select(lit(true).plus(lit(1))));
  }
}
