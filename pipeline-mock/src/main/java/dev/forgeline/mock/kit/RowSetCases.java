package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.depts;
import static dev.forgeline.mock.kit.Fixtures.emptyPeople;
import static dev.forgeline.mock.kit.Fixtures.nums;
import static dev.forgeline.mock.kit.Fixtures.people;
import static dev.forgeline.mock.kit.Fixtures.sales;
import static org.apache.spark.sql.functions.asc_nulls_last;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.desc_nulls_first;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Cases for ordering with null placement, limit/offset, distinct/dropDuplicates and the set
 * operations (union, unionByName, intersect, except and their ALL forms).
 */
final class RowSetCases {

  private RowSetCases() {}

  static void addTo(CaseBook book) {
    ordering(book.area("ordering"));
    limits(book.area("limit"));
    distinct(book.area("distinct"));
    sets(book.area("setops"));
  }

  private static void ordering(CaseBook b) {
    b.ordered(
        "asc-default-nulls-first",
        "orderBy(age) puts nulls first",
        sp -> people(sp).orderBy("age", "id"));
    b.ordered(
        "desc-nulls-last",
        "desc puts nulls last",
        sp -> people(sp).orderBy(col("age").desc(), col("id")));
    b.ordered(
        "asc-nulls-last",
        "asc_nulls_last",
        sp -> people(sp).orderBy(col("age").asc_nulls_last(), col("id")));
    b.ordered(
        "desc-nulls-first",
        "desc_nulls_first",
        sp -> people(sp).orderBy(col("age").desc_nulls_first(), col("id")));
    b.ordered(
        "functions-asc-nulls-last",
        "functions.asc_nulls_last by name",
        sp -> people(sp).orderBy(asc_nulls_last("dept"), col("id")));
    b.ordered(
        "functions-desc-nulls-first",
        "functions.desc_nulls_first by name",
        sp -> people(sp).orderBy(desc_nulls_first("salary")));
    b.ordered(
        "sort-strings",
        "sort strings: uppercase before lowercase",
        sp -> Fixtures.texts(sp).sort("s"));
    b.ordered(
        "sort-two-keys",
        "sort by two keys with mixed directions",
        sp -> sales(sp).sort(col("region").asc(), desc("amount")));
    b.ordered(
        "sort-expression",
        "orderBy an expression",
        sp -> people(sp).orderBy(col("salary").multiply(-1), col("id")));
    b.ordered(
        "sort-doubles-nan",
        "NaN sorts after every other double",
        sp ->
            nums(sp)
                .withColumn("x", col("d").divide(lit(0.5)))
                .union(nums(sp).withColumn("x", lit(Double.NaN)))
                .select("x")
                .orderBy("x"));
    b.ordered(
        "sort-dates", "sort dates descending", sp -> Fixtures.events(sp).orderBy(col("d").desc()));
    b.ordered("sort-decimals", "sort decimals", sp -> nums(sp).orderBy("dec"));
    b.ordered(
        "sort-booleans",
        "false sorts before true",
        sp -> people(sp).select(col("age").gt(30).as("old"), col("id")).orderBy("old", "id"));
    b.ordered(
        "sort-stable-ties",
        "ties broken by a second key",
        sp -> people(sp).orderBy(col("dept"), col("id").desc()));
    b.ordered(
        "sort-then-select",
        "select after orderBy keeps the order",
        sp -> people(sp).orderBy(col("salary").desc_nulls_last()).select("name"));
    b.ordered("sort-empty", "sorting an empty frame", sp -> emptyPeople(sp).orderBy("age"));
    b.fails(
        "sort-unknown",
        "orderBy an unknown column",
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        sp -> people(sp).orderBy("agee"));
    b.fails(
        "sort-map",
        "ordering by a map column is not allowed",
        "DATATYPE_MISMATCH.INVALID_ORDERING_TYPE",
        sp -> Fixtures.nested(sp).orderBy("m"));
  }

  private static void limits(CaseBook b) {
    b.ordered("limit", "limit after an order", sp -> people(sp).orderBy("id").limit(3));
    b.ordered("limit-zero", "limit(0) is empty", sp -> people(sp).orderBy("id").limit(0));
    b.ordered(
        "limit-more-than-rows",
        "limit larger than the frame",
        sp -> people(sp).orderBy("id").limit(100));
    b.ordered("offset", "offset skips rows", sp -> people(sp).orderBy("id").offset(4));
    b.ordered(
        "offset-limit",
        "offset then limit pages through rows",
        sp -> people(sp).orderBy("id").offset(1).limit(2));
    b.ordered(
        "limit-offset", "limit then offset", sp -> people(sp).orderBy("id").limit(4).offset(2));
    b.ordered(
        "offset-past-end",
        "offset past the end is empty",
        sp -> people(sp).orderBy("id").offset(10));
    b.rows("limit-count", "count of a limited frame", sp -> people(sp).limit(2).groupBy().count());
    b.fails(
        "limit-negative",
        "a negative limit is rejected",
        "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE",
        sp -> people(sp).limit(-1));
  }

  private static void distinct(CaseBook b) {
    b.rows(
        "distinct", "distinct removes duplicate rows", sp -> people(sp).select("dept").distinct());
    b.rows(
        "distinct-nulls",
        "distinct keeps one null",
        sp -> people(sp).select("age").union(people(sp).select("age")).distinct());
    b.rows(
        "distinct-all-columns",
        "distinct over all columns of a doubled frame",
        sp -> people(sp).union(people(sp)).distinct());
    b.rows(
        "drop-duplicates",
        "dropDuplicates() over all columns",
        sp -> sales(sp).select("region", "year").dropDuplicates());
    b.rows(
        "drop-duplicates-subset-count",
        "dropDuplicates(subset) keeps one row per key",
        sp -> sales(sp).dropDuplicates("region").groupBy().count());
    b.rows(
        "drop-duplicates-subset-keys",
        "dropDuplicates(subset) keeps each key once",
        sp -> sales(sp).dropDuplicates("region", "year").select("region", "year"));
    b.rows("distinct-empty", "distinct on an empty frame", sp -> emptyPeople(sp).distinct());
    b.rows(
        "distinct-doubles",
        "0.0 and -0.0 are one distinct value; NaN is one value",
        sp ->
            sp.range(4)
                .select(
                    org.apache
                        .spark
                        .sql
                        .functions
                        .when(col("id").equalTo(0), lit(0.0))
                        .when(col("id").equalTo(1), lit(-0.0))
                        .otherwise(lit(Double.NaN))
                        .as("x"))
                .distinct());
    b.fails(
        "drop-duplicates-unknown",
        "dropDuplicates of an unknown column",
        "_LEGACY_ERROR_TEMP_1201",
        sp -> sales(sp).dropDuplicates("nope"));
  }

  private static void sets(CaseBook b) {
    b.rows("union", "union keeps duplicates", sp -> depts(sp).union(depts(sp)));
    b.rows("union-all", "unionAll is union", sp -> depts(sp).unionAll(depts(sp).limit(1)));
    b.rows(
        "union-by-position",
        "union matches columns by position, not name",
        sp ->
            depts(sp)
                .union(
                    depts(sp)
                        .select(
                            org.apache.spark.sql.functions.upper(col("dept")).as("zzz"),
                            col("floor").plus(10).as("dept"))));
    b.rows(
        "union-widening",
        "union widens int and bigint to bigint",
        sp -> depts(sp).select("floor").union(sp.range(2).toDF("floor")));
    b.rows(
        "union-by-name",
        "unionByName matches columns by name",
        sp -> depts(sp).unionByName(depts(sp).select("floor", "dept")));
    b.rows(
        "union-by-name-missing",
        "unionByName with allowMissingColumns fills nulls",
        sp -> depts(sp).unionByName(people(sp).select("dept", "name"), true));
    b.fails(
        "union-by-name-missing-not-allowed",
        "unionByName with a missing column",
        "_LEGACY_ERROR_TEMP_1201",
        sp -> depts(sp).unionByName(people(sp).select("dept")));
    b.fails(
        "union-by-name-unknown",
        "unionByName with a differently named column",
        "_LEGACY_ERROR_TEMP_1201",
        sp -> depts(sp).unionByName(people(sp).select("dept", "name")));
    b.fails(
        "union-column-count",
        "union of frames with different column counts",
        "NUM_COLUMNS_MISMATCH",
        sp -> depts(sp).union(people(sp)));
    b.fails(
        "union-incompatible",
        "union of string and array columns",
        "INCOMPATIBLE_COLUMN_TYPE",
        sp -> depts(sp).select("dept").union(Fixtures.nested(sp).select("arr")));
    b.rows(
        "intersect",
        "intersect is distinct",
        sp -> sales(sp).select("region").intersect(people(sp).select(lit("north").as("region"))));
    b.rows(
        "intersect-nulls",
        "intersect matches null with null",
        sp -> people(sp).select("dept").intersect(depts(sp).select("dept")));
    b.rows(
        "intersect-all",
        "intersectAll keeps duplicates",
        sp -> sales(sp).select("region").intersectAll(sales(sp).select("region").limit(4)));
    b.rows(
        "except",
        "except is distinct",
        sp -> people(sp).select("dept").except(depts(sp).select("dept")));
    b.rows(
        "except-all",
        "exceptAll subtracts counts",
        sp ->
            sales(sp)
                .select("region")
                .exceptAll(sales(sp).select("region").filter(col("year").equalTo(2023))));
    b.rows(
        "except-empty", "except of the frame itself is empty", sp -> depts(sp).except(depts(sp)));
    b.rows(
        "union-empty",
        "union with an empty frame",
        sp -> emptyPeople(sp).union(people(sp).limit(2)));
    b.fails(
        "intersect-column-count",
        "intersect of frames with different widths",
        "NUM_COLUMNS_MISMATCH",
        sp -> depts(sp).intersect(people(sp)));
    b.fails(
        "except-column-count",
        "except of frames with different widths",
        "NUM_COLUMNS_MISMATCH",
        sp -> depts(sp).except(depts(sp).select("dept")));
    b.rows(
        "union-names-from-left",
        "union takes names from the left frame",
        sp -> {
          Dataset<Row> a = depts(sp).toDF("a", "b");
          return a.union(depts(sp)).select("a");
        });
  }
}
