package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.emptyPeople;
import static dev.forgeline.mock.kit.Fixtures.nested;
import static dev.forgeline.mock.kit.Fixtures.nums;
import static dev.forgeline.mock.kit.Fixtures.people;
import static dev.forgeline.mock.kit.Fixtures.texts;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Map;

/**
 * Cases for the frame's helpers: na.fill/drop/replace, describe/summary, show() text, sample and
 * the typed map/filter with Java functions.
 */
final class FrameToolCases {

  private FrameToolCases() {}

  static void addTo(CaseBook book) {
    na(book.area("na"));
    describe(book.area("describe"));
    show(book.area("show"));
    typed(book.area("typed"));
  }

  private static void na(CaseBook b) {
    b.rows("fill-long", "na.fill(0) fills numeric columns only", sp -> people(sp).na().fill(0));
    b.rows(
        "fill-double",
        "na.fill(1.5) fills numeric columns, casting to int for ints",
        sp -> people(sp).na().fill(1.5));
    b.rows(
        "fill-string", "na.fill(\"?\") fills string columns only", sp -> people(sp).na().fill("?"));
    b.rows(
        "fill-subset",
        "na.fill on a subset of columns",
        sp -> people(sp).na().fill("none", new String[] {"dept"}));
    b.rows(
        "fill-map",
        "na.fill with a map of column to value",
        sp -> people(sp).na().fill(Map.of("age", 0, "dept", "n/a", "salary", -1.0)));
    b.rows(
        "fill-boolean",
        "na.fill(true) fills boolean columns",
        sp -> people(sp).select(col("age").gt(30).as("old")).na().fill(true));
    b.rows("drop-any", "na.drop() drops rows with any null", sp -> people(sp).na().drop());
    b.rows(
        "drop-all",
        "na.drop(\"all\") drops rows where all are null",
        sp -> nums(sp).na().drop("all"));
    b.rows("drop-subset", "na.drop on a subset", sp -> people(sp).na().drop(new String[] {"age"}));
    b.rows("drop-min-non-nulls", "na.drop(minNonNulls)", sp -> people(sp).na().drop(5));
    b.rows(
        "drop-nan",
        "na.drop treats NaN as missing",
        sp ->
            nums(sp)
                .select(col("d").divide(lit(2.0)).as("x"))
                .union(sp.range(1).select(lit(Double.NaN).as("x")))
                .na()
                .drop());
    b.rows(
        "replace-strings",
        "na.replace on a string column",
        sp -> people(sp).na().replace("dept", Map.of("eng", "engineering", "ops", "operations")));
    b.rows(
        "replace-numbers",
        "na.replace on numeric columns",
        sp -> people(sp).na().replace(new String[] {"age"}, Map.of(29, 30)));
    b.rows(
        "replace-all-columns",
        "na.replace(\"*\") on every compatible column",
        sp -> people(sp).na().replace("*", Map.of("hr", "HR")));
    b.rows("fill-empty", "na.fill on an empty frame", sp -> emptyPeople(sp).na().fill(0));
    b.fails(
        "fill-unknown-column",
        "na.fill of an unknown column",
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        sp -> people(sp).na().fill("x", new String[] {"nope"}));
  }

  private static void describe(CaseBook b) {
    b.rows("describe-all", "describe() of numeric and string columns", sp -> people(sp).describe());
    b.rows("describe-some", "describe(age, name)", sp -> people(sp).describe("age", "name"));
    b.rows(
        "describe-exact",
        "describe of values whose mean and stddev are exact (1, 3, 5)",
        sp -> sp.range(3).select(col("id").multiply(2).plus(1).as("x")).describe());
    b.rows("describe-empty", "describe of an empty frame", sp -> emptyPeople(sp).describe("age"));
    b.rows(
        "summary-default",
        "summary() with its default statistics",
        sp -> people(sp).select("age", "salary").summary());
    b.rows(
        "summary-some",
        "summary(count, min, max)",
        sp -> people(sp).select("age", "dept").summary("count", "min", "max"));
    b.rows(
        "summary-percentiles",
        "summary with percentiles",
        sp -> people(sp).select("age").summary("25%", "50%", "75%"));
  }

  private static void show(CaseBook b) {
    b.show("default", "show() of people", 20, 20, false, sp -> people(sp).orderBy("id"));
    b.show(
        "two-rows",
        "show(2) says only showing top 2 rows",
        2,
        20,
        false,
        sp -> people(sp).orderBy("id"));
    b.show(
        "truncate",
        "show truncates long strings to 20 characters",
        20,
        20,
        false,
        sp ->
            texts(sp).select(org.apache.spark.sql.functions.repeat(col("s"), 3)).orderBy(col("k")));
    b.show("truncate-5", "show(truncate=5)", 20, 5, false, sp -> texts(sp).orderBy("k"));
    b.show("no-truncate", "show without truncation", 20, 0, false, sp -> texts(sp).orderBy("k"));
    b.show("vertical", "show vertical", 20, 20, true, sp -> people(sp).orderBy("id").limit(2));
    b.show("empty", "show of an empty frame", 20, 20, false, sp -> emptyPeople(sp));
    b.show(
        "numbers",
        "show of every numeric type, decimals and nulls",
        20,
        20,
        false,
        sp -> nums(sp).orderBy(col("i").asc_nulls_first()));
    b.show(
        "nested", "show of arrays, maps and structs", 20, 20, false, sp -> nested(sp).orderBy("k"));
    b.show(
        "dates",
        "show of dates and timestamps",
        20,
        20,
        false,
        sp -> DateTimeCases.stamped(sp).orderBy("k"));
    b.show(
        "unicode",
        "show pads by display width",
        20,
        20,
        false,
        sp -> texts(sp).filter(col("k").equalTo(5)));
    b.show(
        "no-columns",
        "show of a frame with rows but no columns",
        20,
        20,
        false,
        sp -> people(sp).drop("id", "name", "age", "dept", "salary"));
    b.show(
        "booleans-binary",
        "show of booleans and binary",
        20,
        20,
        false,
        sp -> people(sp).orderBy("id").select(col("age").gt(30), col("name").cast("binary")));
    b.observed(
        "print-schema",
        "printSchema prints the tree",
        Observation.action(df -> ConsoleCapture.capture(df::printSchema)),
        Fixtures::nested);
  }

  private static void typed(CaseBook b) {
    b.rows(
        "map-function",
        "map with a Java MapFunction and a string encoder",
        sp ->
            people(sp)
                .map(
                    (org.apache.spark.api.java.function.MapFunction<
                            org.apache.spark.sql.Row, String>)
                        r -> r.getString(1) + "!",
                    org.apache.spark.sql.Encoders.STRING())
                .toDF());
    b.rows(
        "filter-function",
        "filter with a Java FilterFunction",
        sp ->
            people(sp)
                .filter(
                    (org.apache.spark.api.java.function.FilterFunction<org.apache.spark.sql.Row>)
                        r -> r.getInt(0) % 2 == 0));
    b.rows(
        "flat-map-function",
        "flatMap with a Java FlatMapFunction",
        sp ->
            depts(sp)
                .flatMap(
                    (org.apache.spark.api.java.function.FlatMapFunction<
                            org.apache.spark.sql.Row, Integer>)
                        r -> List.of(1, 2).iterator(),
                    org.apache.spark.sql.Encoders.INT())
                .toDF());
    b.rows(
        "sample-fraction-one",
        "sample(1.0) without replacement keeps every row",
        sp -> people(sp).sample(1.0, 7L));
    b.rows("sample-fraction-zero", "sample(0.0) keeps none", sp -> people(sp).sample(0.0));
  }

  private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> depts(
      org.apache.spark.sql.SparkSession sp) {
    return Fixtures.depts(sp);
  }
}
