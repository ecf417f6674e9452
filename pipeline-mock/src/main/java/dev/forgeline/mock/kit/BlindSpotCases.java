package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.frame;
import static dev.forgeline.mock.kit.Fixtures.nested;
import static dev.forgeline.mock.kit.Fixtures.people;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The areas where programs written outside the project missed most: SQL literal forms inside
 * expression strings, lambdas in expression strings, floating-point grouping keys, field access
 * through arrays of structs, withField on nested paths, nullability at nested levels and after na
 * functions, aggregate variants, and the analysis error Spark raises for misuse.
 */
final class BlindSpotCases {

  private BlindSpotCases() {}

  static final StructType FLOATS =
      new StructType().add("k", DataTypes.DoubleType).add("v", DataTypes.IntegerType);

  static final StructType ORDERS =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add(
              "items",
              DataTypes.createArrayType(
                  new StructType()
                      .add("sku", DataTypes.StringType)
                      .add("qty", DataTypes.IntegerType)))
          .add(
              "ship",
              new StructType()
                  .add(
                      "addr",
                      new StructType()
                          .add("city", DataTypes.StringType)
                          .add("zip", DataTypes.StringType)));

  static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> floats(
      org.apache.spark.sql.SparkSession sp) {
    return frame(
        sp,
        FLOATS,
        new Object[] {0.0, 1},
        new Object[] {-0.0, 2},
        new Object[] {Double.NaN, 3},
        new Object[] {Double.NaN, 4},
        new Object[] {null, 5},
        new Object[] {1.5, 6});
  }

  static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> orders(
      org.apache.spark.sql.SparkSession sp) {
    return frame(
        sp,
        ORDERS,
        new Object[] {
          1,
          List.of(RowFactory.create("a", 2), RowFactory.create("b", null)),
          RowFactory.create(RowFactory.create("Oslo", "0150"))
        },
        new Object[] {2, List.of(), RowFactory.create(RowFactory.create(null, "9999"))},
        new Object[] {3, null, null});
  }

  private static final String[][] LITERALS = {
    {"typed-date", "DATE '2024-02-29' AS d"},
    {"typed-timestamp", "TIMESTAMP '2024-02-29 12:34:56' AS t"},
    {"typed-binary", "X'CAFE' AS b"},
    {"interval-minutes", "INTERVAL 90 MINUTES AS i"},
    {"interval-day-string", "INTERVAL '3' DAY AS i"},
    {"boolean-true", "true AS t"},
    {"boolean-false-upper", "FALSE AS f"},
    {"null-literal", "NULL AS n"},
    {"long-suffix", "7L AS l"},
    {"short-suffix", "7S AS s"},
    {"tinyint-suffix", "7Y AS y"},
    {"double-suffix", "7D AS d"},
    {"float-suffix", "7F AS f"},
    {"decimal-suffix", "7.10BD AS bd"},
    {"decimal-literal", "1.50 AS dec"},
    {"exponent-literal", "1.5E2 AS e"},
    {"bigint-literal", "4000000000 AS big"},
    {"try-cast-bad", "try_cast('x' AS INT) AS t"},
    {"try-cast-good", "try_cast('12' AS INT) AS t"},
    {"cast-colon", "'12'::int AS c"},
    {"div-operator", "7 div 2 AS d"},
    {"div-negative", "-7 DIV 2 AS d"},
    {"mod-operator", "-7 % 3 AS m"},
    {"pipe-concat", "'a' || 'b' || 'c' AS s"},
    {"string-doubled-quote", "'it''s' AS s"},
    {"string-escapes", "'a\\nb' AS s"},
    {"double-quoted-string", "\"dq\" AS s"},
    {"case-searched", "CASE WHEN 1 > 2 THEN 'x' ELSE 'y' END AS c"},
    {"case-simple", "CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END AS c"},
    {"between", "5 BETWEEN 1 AND 10 AS b"},
    {"not-between", "5 NOT BETWEEN 1 AND 3 AS b"},
    {"in-list", "3 IN (1, 2, 3) AS b"},
    {"in-list-null", "4 IN (1, NULL) AS b"},
    {"is-distinct", "NULL IS DISTINCT FROM 1 AS b"},
    {"null-safe-eq", "NULL <=> NULL AS b"},
    {"struct-constructor", "struct(1 AS a, 'x' AS b) AS s"},
    {"named-struct", "named_struct('a', 1, 'b', 'x') AS s"},
    {"array-subscript", "array(10, 20, 30)[1] AS x"},
    {"map-subscript", "map('a', 1)['a'] AS x"},
  };

  private static final String[][] LAMBDAS = {
    {"transform", "transform(arr, x -> x * 10) AS t"},
    {"transform-index", "transform(arr, (x, i) -> x + i) AS t"},
    {"filter", "filter(arr, x -> x IS NOT NULL AND x > 1) AS f"},
    {"exists", "exists(arr, x -> x = 5) AS e"},
    {"forall", "forall(arr, x -> x > 0) AS a"},
    {"aggregate", "aggregate(arr, 0, (acc, x) -> acc + coalesce(x, 0)) AS s"},
    {
      "aggregate-finish", "aggregate(arr, 0, (acc, x) -> acc + coalesce(x, 0), acc -> acc * 2) AS s"
    },
    {"zip-with", "zip_with(arr, arr, (a, b) -> a + b) AS z"},
    {"transform-keys", "transform_values(m, (k, v) -> v + 1) AS t"},
    {"map-filter", "map_filter(m, (k, v) -> v > 1) AS f"},
    {
      "array-sort-comparator",
      "array_sort(arr, (a, b) -> CASE WHEN a < b THEN 1 WHEN a > b THEN -1 ELSE 0 END) AS s"
    },
    {
      "nested-lambda",
      "transform(tags, t -> concat(t, cast(size(filter(arr, x -> x > 1)) AS STRING))) AS n"
    },
    {"lambda-outer-column", "transform(arr, x -> x + k) AS t"},
  };

  static void addTo(CaseBook book) {
    CaseBook b = book.area("expr-literals");
    for (String[] c : LITERALS) {
      String e = c[1];
      b.rows(c[0], "selectExpr(" + e + ")", sp -> sp.range(1).selectExpr(e));
    }
    b.fails(
        "cast-bad",
        "CAST of a non-number under ANSI",
        "CAST_INVALID_INPUT",
        sp -> sp.range(1).selectExpr("CAST('x' AS INT) AS c"));
    b.fails(
        "div-by-zero",
        "div by zero under ANSI",
        "DIVIDE_BY_ZERO",
        sp -> sp.range(1).selectExpr("7 div 0 AS d"));
    b.fails(
        "parse-error",
        "a malformed expression string",
        "PARSE_SYNTAX_ERROR",
        sp -> sp.range(1).selectExpr("1 +* 2"));
    b = book.area("expr-lambdas");
    for (String[] c : LAMBDAS) {
      String e = c[1];
      b.rows(c[0], "selectExpr(" + e + ")", sp -> nested(sp).selectExpr("k", e));
    }
    b.rows(
        "filter-string-lambda",
        "filter(String) with a lambda",
        sp -> nested(sp).filter("exists(arr, x -> x > 2)").select("k"));
    b.rows(
        "expr-lambda-in-select",
        "functions.expr with a lambda",
        sp -> nested(sp).select(col("k"), expr("transform(arr, x -> x - 1)").as("t")));

    b = book.area("float-keys");
    b.rows(
        "group-zero-signs", "groupBy merges 0.0 and -0.0", sp -> floats(sp).groupBy("k").count());
    b.rows("distinct-nan", "distinct keeps one NaN", sp -> floats(sp).select("k").distinct());
    b.rows(
        "drop-duplicates-float",
        "dropDuplicates on a double key",
        sp -> floats(sp).dropDuplicates("k").select("k"));
    b.rows(
        "join-nan-keys",
        "NaN keys equal each other in joins",
        sp ->
            floats(sp)
                .as("a")
                .join(floats(sp).as("b"), col("a.k").equalTo(col("b.k")))
                .select("a.v", "b.v"));
    b.rows(
        "nan-equals-nan",
        "NaN = NaN is true in Spark",
        sp -> floats(sp).select(col("v"), col("k").equalTo(lit(Double.NaN)).as("isnan")));
    b.rows(
        "count-distinct-zero-signs",
        "countDistinct treats 0.0 and -0.0 as one",
        sp -> floats(sp).selectExpr("count(DISTINCT k) AS c"));

    b = book.area("nested-access");
    b.rows(
        "array-of-struct-field",
        "items.sku gives an array",
        sp -> orders(sp).select(col("id"), col("items.sku")));
    b.rows(
        "array-of-struct-expr",
        "selectExpr items.qty",
        sp -> orders(sp).selectExpr("id", "items.qty AS q"));
    b.rows(
        "nested-struct-path",
        "ship.addr.city",
        sp -> orders(sp).select(col("id"), col("ship.addr.city")));
    b.rows(
        "get-field-chain",
        "getField twice",
        sp -> orders(sp).select(col("ship").getField("addr").getField("zip")));
    b.rows(
        "with-field-nested",
        "withField on a nested path",
        sp -> orders(sp).select(col("id"), col("ship").withField("addr.city", lit("X")).as("s")));
    b.rows(
        "with-field-add",
        "withField adds a nested field",
        sp -> orders(sp).select(col("ship").withField("addr.country", lit("NO")).as("s")));
    b.rows(
        "drop-fields-nested",
        "dropFields on a nested path",
        sp ->
            orders(sp)
                .select(
                    col("ship")
                        .dropFields(dev.forgeline.mock.engine.Scala.seq(List.of("addr.zip")))
                        .as("s")));
    b.rows(
        "explode-array-of-struct",
        "explode then field access",
        sp ->
            orders(sp)
                .selectExpr("id", "explode(items) AS it")
                .selectExpr("id", "it.sku", "it.qty"));
    b.rows(
        "inline-array-of-struct",
        "inline of an array of structs",
        sp -> orders(sp).selectExpr("id", "inline(items)"));

    b = book.area("nullability");
    b.rows(
        "na-fill-nullable",
        "na.fill keeps columns nullable as Spark does",
        sp -> people(sp).na().fill(0).select("age"));
    b.rows("na-drop-schema", "na.drop keeps the schema", sp -> people(sp).na().drop());
    b.rows(
        "coalesce-lit",
        "coalesce with a literal is not null",
        sp ->
            people(sp).select(org.apache.spark.sql.functions.coalesce(col("age"), lit(0)).as("a")));
    b.rows(
        "nested-struct-nullability",
        "struct of nullable and not-null fields",
        sp ->
            people(sp)
                .select(org.apache.spark.sql.functions.struct(col("id"), col("age")).as("s")));
    b.rows(
        "array-element-nullability",
        "array of a nullable column",
        sp ->
            people(sp).select(org.apache.spark.sql.functions.array(col("id"), col("age")).as("a")));
    b.fails(
        "map-value-nullability",
        "map() with a null key fails though a later filter drops its row",
        "NULL_MAP_KEY",
        sp ->
            people(sp)
                .select(org.apache.spark.sql.functions.map(col("name"), col("age")).as("m"))
                .filter("name IS NOT NULL"));
    b.rows(
        "map-value-nullability-filtered",
        "map of nullable values after filtering the null keys",
        sp ->
            people(sp)
                .filter("name IS NOT NULL")
                .select(org.apache.spark.sql.functions.map(col("name"), col("age")).as("m")));

    b = book.area("aggregate-variants");
    b.rows("count-if", "count_if", sp -> people(sp).selectExpr("count_if(age > 30) AS c"));
    b.rows("sum-distinct", "sum(DISTINCT)", sp -> people(sp).selectExpr("sum(DISTINCT age) AS s"));
    b.rows("avg-distinct", "avg(DISTINCT)", sp -> people(sp).selectExpr("avg(DISTINCT age) AS a"));
    b.rows(
        "any-value",
        "any_value over one group",
        sp -> people(sp).filter("id = 1").selectExpr("any_value(name) AS n"));
    b.rows(
        "bool-and-or",
        "bool_and / bool_or",
        sp -> people(sp).selectExpr("bool_and(id > 0) AS a", "bool_or(age > 50) AS o"));
    b.rows(
        "max-by-min-by",
        "max_by / min_by",
        sp -> people(sp).selectExpr("max_by(name, salary) AS mx", "min_by(name, salary) AS mn"));
    b.rows(
        "first-ignore-nulls",
        "first(x, true)",
        sp -> people(sp).orderBy("id").selectExpr("first(age, true) AS f"));
    b.rows(
        "collect-set-sorted",
        "sort_array(collect_set)",
        sp -> people(sp).selectExpr("sort_array(collect_set(age)) AS s"));

    b = book.area("misuse-errors");
    b.fails(
        "non-aggregated-column",
        "a column neither grouped nor aggregated",
        "MISSING_AGGREGATION",
        sp -> people(sp).groupBy("dept").agg(col("name")));
    b.fails(
        "aggregate-in-where",
        "an aggregate in filter",
        "INVALID_WHERE_CONDITION",
        sp -> people(sp).filter("sum(age) > 1"));
    b.fails(
        "nested-aggregate",
        "an aggregate inside an aggregate",
        "NESTED_AGGREGATE_FUNCTION",
        sp -> people(sp).selectExpr("sum(max(age))"));
    b.fails(
        "window-without-over",
        "row_number without OVER",
        "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE",
        sp -> people(sp).selectExpr("row_number()"));
    b.fails(
        "wrong-arg-count",
        "a function with too many arguments",
        "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
        sp -> people(sp).selectExpr("upper(name, name)"));
    b.fails(
        "unknown-field",
        "a missing struct field",
        "FIELD_NOT_FOUND",
        sp -> orders(sp).select(col("ship.addr.nope")));
    b.fails(
        "lambda-wrong-arity",
        "a lambda with too many arguments",
        "INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH",
        sp -> nested(sp).selectExpr("transform(arr, (a, b, c) -> a)"));
  }
}
