package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.nums;
import static org.apache.spark.sql.functions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/** Cases for math functions over ints, doubles and decimals, including nulls and edge values. */
final class MathCases {

  private MathCases() {}

  /** nums without its row of extreme values, so int results do not overflow. */
  private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> small(
      org.apache.spark.sql.SparkSession sp) {
    return nums(sp).filter(col("i").isNull().or(col("i").lt(1000)));
  }

  static void addTo(CaseBook book) {
    CaseBook b = book.area("math");
    Map<String, Function<Column, Column>> fns = new LinkedHashMap<>();
    fns.put("abs", c -> abs(c));
    fns.put("round", c -> round(c));
    fns.put("round-1", c -> round(c, 1));
    fns.put("round-neg", c -> round(c, -1));
    fns.put("bround", c -> bround(c));
    fns.put("bround-1", c -> bround(c, 1));
    fns.put("floor", c -> floor(c));
    fns.put("ceil", c -> ceil(c));
    fns.put("signum", c -> signum(c));
    fns.put("sqrt", c -> sqrt(abs(c)));
    fns.put("cbrt", c -> cbrt(c));
    fns.put("exp", c -> exp(c.divide(lit(1e9))));
    fns.put("log", c -> log(abs(c).plus(lit(1))));
    fns.put("log10", c -> log10(abs(c).plus(lit(1))));
    fns.put("log2", c -> log2(abs(c).plus(lit(1))));
    fns.put("log1p", c -> log1p(abs(c)));
    fns.put("log-base", c -> log(2.0, abs(c).plus(lit(1))));
    fns.put("pow", c -> pow(c, 2));
    fns.put("sin", c -> sin(c));
    fns.put("cos", c -> cos(c));
    fns.put("tan", c -> tan(c));
    fns.put("atan", c -> atan(c));
    fns.put("atan2", c -> atan2(c, lit(2.0)));
    fns.put("tanh", c -> tanh(c));
    fns.put("degrees", c -> degrees(c));
    fns.put("radians", c -> radians(c));
    fns.put("hypot", c -> hypot(c, lit(3)));
    fns.put("greatest-lit", c -> greatest(c, lit(1)));
    fns.put("least-lit", c -> least(c, lit(1)));
    fns.put("negative", c -> negative(c));
    fns.put("positive", c -> positive(c));
    fns.put("rint", c -> rint(c));
    fns.put("bin", c -> bin(c.cast("bigint")));
    fns.put("hex-num", c -> hex(c.cast("bigint")));
    fns.put("factorial", c -> factorial(abs(c.cast("int")).mod(lit(15))));
    for (Map.Entry<String, Function<Column, Column>> fn : fns.entrySet()) {
      for (String column : new String[] {"i", "d", "dec"}) {
        b.rows(
            fn.getKey() + "-" + column,
            fn.getKey() + " of nums." + column,
            sp -> small(sp).select(col(column), fn.getValue().apply(col(column))));
      }
    }
    b.rows(
        "round-half-up",
        "round rounds half away from zero, bround half to even",
        sp ->
            sp.range(1)
                .select(
                    round(lit(2.5)),
                    round(lit(-2.5)),
                    bround(lit(2.5)),
                    bround(lit(3.5)),
                    round(lit(0.125), 2),
                    bround(lit(0.125), 2)));
    b.rows(
        "sqrt-negative",
        "sqrt of a negative number is NaN",
        sp -> sp.range(1).select(sqrt(lit(-4.0))));
    b.rows(
        "log-zero", "log of zero is null", sp -> sp.range(1).select(log(lit(0.0)), log10(lit(0))));
    b.rows(
        "pow-types",
        "pow always returns a double",
        sp -> sp.range(1).select(pow(lit(2), lit(10)), pow(lit(2L), lit(-1))));
    b.rows(
        "rand-seeded-count",
        "rand with a seed stays in [0, 1)",
        sp -> sp.range(20).select(rand(42).geq(0).and(rand(42).lt(1)).as("ok")).distinct());
    b.rows(
        "conv",
        "conv between bases",
        sp -> sp.range(1).select(conv(lit("ff"), 16, 10), conv(lit("255"), 10, 2)));
    b.rows(
        "shift",
        "shiftleft and shiftright",
        sp -> nums(sp).select(shiftleft(col("s"), 2), shiftright(col("i"), 1)));
    b.rows(
        "bitwise",
        "bitwise and/or/xor/not",
        sp ->
            nums(sp)
                .select(
                    col("s").bitwiseAND(lit(6)),
                    col("s").bitwiseOR(lit(8)),
                    col("s").bitwiseXOR(lit(1)),
                    bitwise_not(col("b"))));
    b.fails(
        "sqrt-of-string-array",
        "sqrt of an array",
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        sp -> Fixtures.nested(sp).select(sqrt(col("arr"))));
    b.fails(
        "round-overflow",
        "round(2147483647, -1) overflows an int",
        "ARITHMETIC_OVERFLOW",
        sp -> nums(sp).select(round(col("i"), -1)));
    b.fails(
        "abs-of-string",
        "abs of a non-numeric string fails casting it to double",
        "CAST_INVALID_INPUT",
        sp -> Fixtures.texts(sp).select(abs(col("s"))));
  }
}
