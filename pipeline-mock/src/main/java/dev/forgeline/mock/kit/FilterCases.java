package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.emptyPeople;
import static dev.forgeline.mock.kit.Fixtures.frame;
import static dev.forgeline.mock.kit.Fixtures.nums;
import static dev.forgeline.mock.kit.Fixtures.people;
import static dev.forgeline.mock.kit.Fixtures.texts;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.ifnull;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.isnull;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nanvl;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.nvl;
import static org.apache.spark.sql.functions.nvl2;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Cases for filter/where, comparison, three-valued boolean logic and null functions. */
final class FilterCases {

  private static final StructType BOOLS =
      new StructType().add("p", DataTypes.BooleanType).add("q", DataTypes.BooleanType);

  private FilterCases() {}

  static void addTo(CaseBook book) {
    filter(book.area("filter"));
    nulls(book.area("nulls"));
  }

  private static void filter(CaseBook b) {
    b.rows("gt", "filter age > 30 drops nulls", sp -> people(sp).filter(col("age").gt(30)));
    b.rows("geq", "filter age >= 29", sp -> people(sp).filter(col("age").geq(29)));
    b.rows("lt", "filter salary < 5000", sp -> people(sp).filter(col("salary").lt(5000)));
    b.rows("leq", "filter id <= 2", sp -> people(sp).filter(col("id").leq(2)));
    b.rows("equal", "filter dept = 'eng'", sp -> people(sp).filter(col("dept").equalTo("eng")));
    b.rows(
        "not-equal",
        "filter dept != 'eng' drops null depts",
        sp -> people(sp).filter(col("dept").notEqual("eng")));
    b.rows(
        "where-string",
        "where with a SQL condition string",
        sp -> people(sp).where("age > 30 AND dept IS NOT NULL"));
    b.rows("where-column", "where with a Column", sp -> people(sp).where(col("age").lt(30)));
    b.rows(
        "and",
        "filter with and",
        sp -> people(sp).filter(col("age").gt(25).and(col("dept").equalTo("ops"))));
    b.rows(
        "or",
        "filter with or",
        sp -> people(sp).filter(col("age").gt(40).or(col("dept").equalTo("ops"))));
    b.rows(
        "not",
        "filter with not() keeps rows where the condition is false",
        sp -> people(sp).filter(not(col("age").gt(30))));
    b.rows("is-null", "filter isNull", sp -> people(sp).filter(col("age").isNull()));
    b.rows("is-not-null", "filter isNotNull", sp -> people(sp).filter(col("dept").isNotNull()));
    b.rows("isin", "filter isin", sp -> people(sp).filter(col("dept").isin("eng", "hr")));
    b.rows(
        "isin-with-null",
        "isin with a null literal never matches null",
        sp -> people(sp).filter(col("dept").isin("ops", null)));
    b.rows(
        "between",
        "filter between (inclusive)",
        sp -> people(sp).filter(col("age").between(29, 41)));
    b.rows("like", "filter like", sp -> people(sp).filter(col("name").like("%a%")));
    b.rows("rlike", "filter rlike", sp -> people(sp).filter(col("name").rlike("^[A-C]")));
    b.rows(
        "ilike",
        "filter ilike is case-insensitive",
        sp -> people(sp).filter(col("name").ilike("a%")));
    b.rows("contains", "filter contains", sp -> people(sp).filter(col("name").contains("o")));
    b.rows(
        "starts-with", "filter startsWith", sp -> people(sp).filter(col("name").startsWith("D")));
    b.rows("ends-with", "filter endsWith", sp -> people(sp).filter(col("name").endsWith("e")));
    b.rows("literal-true", "filter(lit(true)) keeps all", sp -> people(sp).filter(lit(true)));
    b.rows("literal-false", "filter(lit(false)) keeps none", sp -> people(sp).filter(lit(false)));
    b.rows(
        "literal-null",
        "filter(null) keeps none",
        sp -> people(sp).filter(lit(null).cast("boolean")));
    b.rows(
        "chained",
        "two filters in a row",
        sp -> people(sp).filter(col("age").gt(20)).filter(col("salary").gt(5000)));
    b.rows(
        "column-vs-column",
        "filter comparing two columns",
        sp -> nums(sp).filter(col("i").gt(col("l"))));
    b.rows(
        "int-vs-double",
        "an int compared with a double literal",
        sp -> people(sp).filter(col("age").gt(29.5)));
    b.rows(
        "string-vs-int",
        "a string column compared with an int casts the string",
        sp -> texts(sp).filter(col("k").equalTo("3")));
    b.rows(
        "empty-frame", "filter on an empty frame", sp -> emptyPeople(sp).filter(col("age").gt(1)));
    b.rows(
        "eq-null-safe",
        "<=> treats two nulls as equal",
        sp -> people(sp).filter(col("age").eqNullSafe(lit(null).cast("int"))));
    b.fails(
        "non-boolean",
        "filter on a non-boolean column",
        "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN",
        sp -> people(sp).filter(col("age")));
    b.fails(
        "unknown",
        "filter on an unknown column",
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        sp -> people(sp).filter(col("agee").gt(1)));
    b.fails(
        "and-non-boolean",
        "and() of an int column",
        "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
        sp -> people(sp).filter(col("age").and(lit(true))));
  }

  private static void nulls(CaseBook b) {
    b.rows(
        "and-truth-table",
        "three-valued AND over all pairs",
        sp -> bools(sp).select(col("p"), col("q"), col("p").and(col("q"))));
    b.rows(
        "or-truth-table",
        "three-valued OR over all pairs",
        sp -> bools(sp).select(col("p"), col("q"), col("p").or(col("q"))));
    b.rows(
        "not-truth-table",
        "NOT of true, false and null",
        sp -> bools(sp).select(col("p"), not(col("p"))));
    b.rows("equal-null", "= with null is null", sp -> bools(sp).select(col("p").equalTo(col("q"))));
    b.rows(
        "null-safe-equal",
        "<=> is never null",
        sp -> bools(sp).select(col("p").eqNullSafe(col("q"))));
    b.rows(
        "coalesce",
        "coalesce picks the first non-null",
        sp -> people(sp).select(coalesce(col("dept"), col("name"), lit("none"))));
    b.rows(
        "coalesce-types",
        "coalesce widens int and double",
        sp -> people(sp).select(coalesce(col("age"), col("salary"))));
    b.rows("ifnull", "ifnull", sp -> people(sp).select(ifnull(col("age"), lit(0))));
    b.rows("nvl", "nvl", sp -> people(sp).select(nvl(col("dept"), lit("?"))));
    b.rows("nvl2", "nvl2", sp -> people(sp).select(nvl2(col("age"), lit("has"), lit("none"))));
    b.rows(
        "nullif",
        "nullif returns null when equal",
        sp -> people(sp).select(nullif(col("age"), lit(29))));
    b.rows("isnull-fn", "isnull() function", sp -> people(sp).select(isnull(col("dept"))));
    b.rows(
        "isnan",
        "isnan on doubles with NaN and null",
        sp ->
            nums(sp)
                .select(isnan(col("d")), isnan(lit(Double.NaN)), isnan(lit("NaN").cast("double"))));
    b.rows(
        "nanvl",
        "nanvl replaces NaN",
        sp ->
            nums(sp)
                .select(
                    nanvl(when(col("d").gt(1), lit(Double.NaN)).otherwise(col("d")), lit(-1.0))));
    b.rows(
        "when-otherwise",
        "when/otherwise with several branches",
        sp ->
            people(sp)
                .select(
                    col("id"),
                    when(col("age").lt(30), "young")
                        .when(col("age").lt(50), "mid")
                        .otherwise("senior")));
    b.rows(
        "when-no-otherwise",
        "when without otherwise yields null",
        sp -> people(sp).select(when(col("dept").equalTo("eng"), lit(1))));
    b.rows(
        "when-null-condition",
        "a null condition falls through",
        sp -> people(sp).select(when(col("age").gt(30), "old").otherwise("not old")));
    b.rows(
        "when-type-widening",
        "when branches of int and double widen to double",
        sp -> people(sp).select(when(col("age").gt(30), lit(1)).otherwise(lit(2.5))));
    b.fails(
        "when-mixed-types",
        "when branches of int and array cannot be combined",
        "DATATYPE_MISMATCH.DATA_DIFF_TYPES",
        sp ->
            people(sp)
                .select(
                    when(col("age").gt(30), lit(1))
                        .otherwise(org.apache.spark.sql.functions.array(lit(1)))));
    b.rows(
        "greatest",
        "greatest skips nulls",
        sp -> people(sp).select(greatest(col("age"), col("id"), lit(null).cast("int"))));
    b.rows("least", "least skips nulls", sp -> people(sp).select(least(col("age"), col("id"))));
    b.rows(
        "null-arithmetic",
        "arithmetic with null is null",
        sp -> people(sp).select(col("age").plus(col("salary")), col("age").multiply(lit(null))));
    b.rows(
        "null-comparison",
        "comparison with null is null",
        sp -> people(sp).select(col("age").gt(lit(null)), col("age").lt(30)));
    b.rows("is-null-literal", "lit(null).isNull()", sp -> people(sp).select(lit(null).isNull()));
  }

  private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> bools(
      org.apache.spark.sql.SparkSession sp) {
    Boolean t = Boolean.TRUE;
    Boolean f = Boolean.FALSE;
    return frame(
        sp,
        BOOLS,
        new Object[] {t, t},
        new Object[] {t, f},
        new Object[] {t, null},
        new Object[] {f, t},
        new Object[] {f, f},
        new Object[] {f, null},
        new Object[] {null, t},
        new Object[] {null, f},
        new Object[] {null, null});
  }
}
