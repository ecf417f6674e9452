package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.nested;
import static dev.forgeline.mock.kit.Fixtures.nums;
import static dev.forgeline.mock.kit.Fixtures.people;
import static org.apache.spark.sql.functions.*;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Harder corners across areas: decimal result types at the precision limit, string-to-number
 * parsing details, overflow of abs and negation, DST gaps, month arithmetic at month ends,
 * three-valued collection predicates, map columns where Spark forbids them, nested sort keys.
 */
final class EdgeCases {

  private EdgeCases() {}

  private static Dataset<Row> one(SparkSession sp) {
    return sp.range(1).toDF();
  }

  static void addTo(CaseBook book) {
    decimals(book.area("edge-decimal"));
    parsing(book.area("edge-parse"));
    overflow(book.area("edge-overflow"));
    dates(book.area("edge-dates"));
    collections(book.area("edge-collections"));
    misc(book.area("edge-misc"));
  }

  private static void decimals(CaseBook b) {
    BigDecimal big = new BigDecimal("12345678901234567890.123456789012345678");
    b.rows(
        "multiply-at-38",
        "decimal(38,18) * decimal(38,18) loses scale down to 6",
        sp -> one(sp).select(lit(big).multiply(lit(new BigDecimal("1.000000000000000001")))));
    b.rows(
        "divide-scale",
        "decimal 1 / decimal 3 takes Spark's division scale",
        sp -> one(sp).select(lit(BigDecimal.ONE).divide(lit(new BigDecimal("3")))));
    b.rows("sum-type", "sum(decimal(10,2)) is decimal(20,2)", sp -> nums(sp).agg(sum("dec")));
    b.rows("avg-type", "avg(decimal(10,2)) is decimal(14,6)", sp -> nums(sp).agg(avg("dec")));
    b.rows(
        "round-keeps-decimal",
        "round(decimal(10,2), 1) stays a decimal",
        sp -> nums(sp).select(round(col("dec"), 1), bround(col("dec"), 0)));
    b.rows(
        "decimal-compare-int",
        "decimal compared with int",
        sp -> nums(sp).filter(col("dec").gt(lit(0))));
    b.rows(
        "decimal-mod",
        "decimal % decimal",
        sp -> nums(sp).select(col("dec").mod(lit(new BigDecimal("0.3")))));
    b.rows(
        "decimal-negate-abs",
        "negation and abs of decimals",
        sp -> nums(sp).select(negate(col("dec")), abs(col("dec"))));
    b.fails(
        "sum-decimal-overflow",
        "sum of decimal(38,0) values overflowing",
        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        sp ->
            sp.range(2)
                .select(lit(new BigDecimal("99999999999999999999999999999999999999")).as("x"))
                .agg(sum("x")));
  }

  private static void parsing(CaseBook b) {
    b.rows(
        "string-to-double-forms",
        "CAST of signed, exponent, Infinity and NaN strings",
        sp ->
            one(sp)
                .select(
                    lit("+5").cast("double"),
                    lit(" 1.5e2 ").cast("double"),
                    lit("Infinity").cast("double"),
                    lit("-infinity").cast("double"),
                    lit("NaN").cast("double"),
                    lit("1e400").cast("double")));
    b.rows(
        "string-to-int-forms",
        "CAST of '+7', ' 8 ' and '007' AS INT",
        sp ->
            one(sp).select(lit("+7").cast("int"), lit(" 8 ").cast("int"), lit("007").cast("int")));
    b.rows(
        "string-to-boolean-forms",
        "CAST of t, yes, 1, n AS BOOLEAN",
        sp ->
            one(sp)
                .select(
                    lit("t").cast("boolean"),
                    lit("yes").cast("boolean"),
                    lit("1").cast("boolean"),
                    lit("n").cast("boolean")));
    b.fails(
        "string-off-to-boolean",
        "CAST('off' AS BOOLEAN) fails under ANSI",
        "CAST_INVALID_INPUT",
        sp -> one(sp).select(lit("off").cast("boolean")));
    b.rows(
        "string-to-date-forms",
        "CAST of short date forms AS DATE",
        sp ->
            one(sp)
                .select(
                    lit("2024").cast("date"),
                    lit("2024-3").cast("date"),
                    lit("2024-03-05T10:00").cast("date")));
    b.fails(
        "nan-to-int",
        "CAST(NaN AS INT) fails under ANSI",
        "CAST_OVERFLOW",
        sp -> one(sp).select(lit(Double.NaN).cast("int")));
    b.rows(
        "to-date-format",
        "to_date with dd/MM/yyyy",
        sp -> one(sp).select(to_date(lit("05/03/2024"), "dd/MM/yyyy")));
    b.rows(
        "upper-sharp-s",
        "upper of ß is SS; lower of İ",
        sp -> one(sp).select(upper(lit("straße")), lower(lit("İ")), length(upper(lit("ß")))));
  }

  private static void overflow(CaseBook b) {
    b.fails(
        "abs-min-int",
        "abs(Integer.MIN_VALUE) overflows",
        "ARITHMETIC_OVERFLOW",
        sp -> one(sp).select(abs(lit(Integer.MIN_VALUE))));
    b.fails(
        "negate-min-long",
        "-Long.MIN_VALUE overflows",
        "ARITHMETIC_OVERFLOW",
        sp -> one(sp).select(negate(lit(Long.MIN_VALUE))));
    b.rows(
        "sum-ints-no-overflow",
        "sum of max ints widens to bigint",
        sp -> sp.range(3).select(lit(Integer.MAX_VALUE).as("x")).agg(sum("x")));
    b.fails(
        "multiply-int-overflow",
        "int * int overflowing",
        "ARITHMETIC_OVERFLOW",
        sp -> one(sp).select(lit(65536).multiply(lit(65536))));
    b.rows(
        "byte-plus-byte",
        "tinyint + tinyint stays tinyint within range",
        sp -> nums(sp).filter(col("b").lt(100)).select(col("b").plus(col("b"))));
    b.fails(
        "byte-overflow",
        "tinyint + tinyint overflowing",
        "BINARY_ARITHMETIC_OVERFLOW",
        sp -> nums(sp).select(col("b").plus(col("b"))));
  }

  private static void dates(CaseBook b) {
    b.rows(
        "add-months-end",
        "add_months from Jan 31 lands on the last day of February",
        sp ->
            one(sp)
                .select(
                    add_months(lit("2024-01-31").cast("date"), 1),
                    add_months(lit("2023-01-31").cast("date"), 1)));
    b.rows(
        "months-between-ends",
        "months_between of two month ends is whole",
        sp ->
            one(sp)
                .select(
                    months_between(
                        lit("2024-02-29").cast("date"), lit("2024-01-31").cast("date"))));
    b.rows(
        "datediff-negative",
        "datediff is negative backwards",
        sp ->
            one(sp)
                .select(datediff(lit("2024-01-01").cast("date"), lit("2024-03-01").cast("date"))));
    b.withConf(
        "dst-gap",
        "a local time in the DST gap moves forward (New York)",
        Map.of("spark.sql.session.timeZone", "America/New_York"),
        sp ->
            one(sp)
                .select(
                    to_timestamp(lit("2024-03-10 02:30:00")).cast("string"),
                    unix_timestamp(to_timestamp(lit("2024-03-10 02:30:00")))));
    b.withConf(
        "dst-overlap",
        "a local time in the DST overlap takes the earlier offset",
        Map.of("spark.sql.session.timeZone", "America/New_York"),
        sp -> one(sp).select(unix_timestamp(to_timestamp(lit("2024-11-03 01:30:00")))));
    b.rows(
        "from-utc-dst",
        "from_utc_timestamp across the DST change",
        sp ->
            one(sp)
                .select(
                    from_utc_timestamp(
                            lit("2024-03-10 06:59:59").cast("timestamp"), "America/New_York")
                        .cast("string"),
                    from_utc_timestamp(
                            lit("2024-03-10 07:00:00").cast("timestamp"), "America/New_York")
                        .cast("string")));
    b.rows(
        "date-format-letters",
        "date_format with quarter, day name and week-based letters",
        sp -> one(sp).select(date_format(lit("2024-12-30").cast("date"), "QQQ EEEE MMM")));
    b.rows(
        "timestamp-micros",
        "timestamps keep microseconds",
        sp ->
            one(sp)
                .select(
                    to_timestamp(lit("2024-01-01 00:00:00.123456")),
                    date_format(to_timestamp(lit("2024-01-01 00:00:00.123456")), "SSSSSS")));
    b.show(
        "show-timestamp-micros",
        "show prints timestamps with their fraction",
        20,
        20,
        false,
        sp ->
            one(sp)
                .select(
                    to_timestamp(lit("2024-01-01 10:00:00.5")).as("t"),
                    lit(1.0e10).as("big"),
                    lit(1.0e-5).as("small"),
                    lit(new BigDecimal("1.50")).as("d")));
  }

  private static void collections(CaseBook b) {
    b.rows(
        "array-contains-null",
        "array_contains is null when not found and nulls present",
        sp -> nested(sp).select(col("k"), array_contains(col("arr"), 7)));
    b.rows(
        "sort-array-nulls",
        "sort_array puts nulls first ascending, last descending",
        sp -> nested(sp).select(sort_array(col("arr")), sort_array(col("arr"), false)));
    b.rows(
        "array-distinct-null",
        "array_distinct keeps one null",
        sp -> one(sp).select(array_distinct(array(lit(1), lit(null), lit(1), lit(null)))));
    b.rows(
        "map-missing-key",
        "element_at on a map with a missing key is null",
        sp -> nested(sp).select(element_at(col("m"), "nope"), size(col("m"))));
    b.rows(
        "explode-outer-map",
        "explode_outer on null and empty maps",
        sp -> nested(sp).select(col("k"), explode_outer(col("m"))));
    b.rows(
        "concat-null-array",
        "concat of arrays with a null array is null",
        sp -> nested(sp).select(concat(col("arr"), array(lit(1)))));
    b.rows(
        "isin-empty", "isin() with no values is false", sp -> people(sp).select(col("id").isin()));
    b.fails(
        "distinct-map",
        "distinct over a map column is not allowed",
        "UNSUPPORTED_FEATURE.SET_OPERATION_ON_MAP_TYPE",
        sp -> nested(sp).select("m").distinct());
    b.rows(
        "group-by-map",
        "grouping by a map column is allowed in Spark 4.1",
        sp -> nested(sp).groupBy("m").count());
    b.ordered(
        "order-by-struct",
        "ordering by a struct compares fields in order",
        sp -> nested(sp).orderBy(col("st"), col("k")).select("k", "st"));
    b.ordered(
        "order-by-array",
        "ordering by an array compares element-wise",
        sp -> nested(sp).orderBy(col("arr").desc(), col("k")).select("k", "arr"));
    b.rows("group-by-struct", "grouping by a struct key", sp -> nested(sp).groupBy("st").count());
    b.rows(
        "hash-nested",
        "hash and xxhash64 of arrays and structs",
        sp -> nested(sp).select(hash(col("arr")), xxhash64(col("st")), hash(col("tags"))));
  }

  private static void misc(CaseBook b) {
    b.rows(
        "like-escape",
        "like with an escaped percent",
        sp -> one(sp).select(lit("50%").like("50\\%"), lit("500").like("50\\%")));
    b.rows(
        "regexp-group-zero",
        "regexp_extract with group 0 returns the whole match",
        sp -> one(sp).select(regexp_extract(lit("abc123"), "[a-z]+([0-9])", 0)));
    b.rows(
        "split-empty-pattern",
        "split with an empty pattern splits characters",
        sp -> one(sp).select(split(lit("abc"), "")));
    b.rows(
        "lpad-empty-pad",
        "lpad with an empty pad string",
        sp -> one(sp).select(lpad(lit("ab"), 5, ""), rpad(lit("ab"), 1, "xy")));
    b.rows(
        "union-struct-names",
        "union of structs keeps the left field names",
        sp ->
            one(sp)
                .select(struct(lit(1).as("a")).as("s"))
                .union(one(sp).select(struct(lit(2).as("b")).as("t"))));
    b.rows(
        "window-range-desc",
        "a range frame over a descending order",
        sp ->
            people(sp)
                .select(
                    col("id"),
                    sum("id").over(Window.orderBy(col("age").desc()).rangeBetween(-5, 0))));
    b.rows(
        "lag-default-widening",
        "lag with a default of a wider type",
        sp -> people(sp).select(col("id"), lag(col("age"), 1, 1.5).over(Window.orderBy("id"))));
    b.rows(
        "pivot-all-null",
        "pivot where a cell aggregates only nulls",
        sp ->
            people(sp).groupBy("dept").pivot("age", java.util.List.of(29, 34)).agg(max("salary")));
    b.rows(
        "na-fill-long-into-int",
        "na.fill with a long value into int columns",
        sp -> people(sp).select("id", "age").na().fill(7L));
    b.rows(
        "coalesce-all-null",
        "coalesce of typed nulls is a typed null",
        sp -> one(sp).select(coalesce(lit(null).cast("int"), lit(null).cast("bigint"))));
    b.rows(
        "when-null-branch",
        "when with a null literal branch takes the other branch's type",
        sp -> people(sp).select(when(col("age").gt(30), lit(null)).otherwise(col("salary"))));
  }
}
