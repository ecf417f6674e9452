package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.depts;
import static dev.forgeline.mock.kit.Fixtures.emptyPeople;
import static dev.forgeline.mock.kit.Fixtures.frame;
import static dev.forgeline.mock.kit.Fixtures.nested;
import static dev.forgeline.mock.kit.Fixtures.people;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.upper;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Cases for building frames and for select, withColumn, rename and drop. */
final class ProjectionCases {

  private ProjectionCases() {}

  static void addTo(CaseBook book) {
    construction(book.area("construction"));
    select(book.area("select"));
    columns(book.area("columns"));
  }

  private static void construction(CaseBook b) {
    b.rows("people", "createDataFrame from rows and a schema with nulls", Fixtures::people);
    b.rows("empty", "createDataFrame with a schema and no rows", Fixtures::emptyPeople);
    b.rows("nested", "createDataFrame with arrays, maps and structs", Fixtures::nested);
    b.rows("nums", "createDataFrame with every numeric type", Fixtures::nums);
    b.rows("events", "createDataFrame with dates", Fixtures::events);
    b.rows("range-end", "range(5) as a frame", sp -> sp.range(5).toDF());
    b.rows("range-start-end", "range(3, 8)", sp -> sp.range(3, 8).toDF());
    b.rows("range-step", "range(0, 10, 3)", sp -> sp.range(0, 10, 3).toDF());
    b.rows("range-negative-step", "range(10, 0, -4)", sp -> sp.range(10, 0, -4).toDF());
    b.rows("range-empty", "range(5, 5) is empty", sp -> sp.range(5, 5).toDF());
    b.rows("todf-rename", "toDF renames every column", sp -> depts(sp).toDF("d", "f"));
    b.fails(
        "todf-wrong-count",
        "toDF with too few names",
        "ASSIGNMENT_ARITY_MISMATCH",
        sp -> depts(sp).toDF("only"));
    b.rows(
        "empty-dataframe", "emptyDataFrame has no columns and no rows", sp -> sp.emptyDataFrame());
    b.rows(
        "non-nullable-field",
        "a non-nullable schema field stays non-nullable",
        sp ->
            frame(
                sp,
                new StructType().add("x", DataTypes.LongType, false),
                new Object[] {1L},
                new Object[] {2L}));
    b.rows(
        "binary",
        "createDataFrame with a binary column",
        sp ->
            frame(
                sp,
                new StructType().add("bin", DataTypes.BinaryType),
                new Object[] {new byte[] {1, 2, (byte) 255}},
                new Object[] {null}));
    b.rows(
        "boolean",
        "createDataFrame with booleans and null",
        sp ->
            frame(
                sp,
                new StructType().add("flag", DataTypes.BooleanType),
                new Object[] {true},
                new Object[] {false},
                new Object[] {null}));
    b.observed(
        "columns",
        "columns lists the names in order",
        Observation.action(Dataset::columns),
        Fixtures::people);
    b.observed(
        "dtypes",
        "dtypes pairs names with type names",
        Observation.action(
            df -> Arrays.stream(df.dtypes()).map(t -> t._1() + ":" + t._2()).toList()),
        Fixtures::nested);
    b.observed(
        "schema-tree",
        "schema().treeString() prints the nested schema",
        Observation.action(df -> df.schema().treeString()),
        Fixtures::nested);
    b.observed("count", "count of people", Observation.action(Dataset::count), Fixtures::people);
    b.observed(
        "count-empty",
        "count of an empty frame",
        Observation.action(Dataset::count),
        Fixtures::emptyPeople);
    b.observed(
        "is-empty",
        "isEmpty of an empty frame",
        Observation.action(Dataset::isEmpty),
        Fixtures::emptyPeople);
    b.observed(
        "is-empty-not",
        "isEmpty of a non-empty frame",
        Observation.action(Dataset::isEmpty),
        Fixtures::depts);
    b.observed(
        "first",
        "first row of an ordered frame",
        Observation.action(Dataset::first),
        sp -> people(sp).orderBy(col("id").desc()));
    b.observed(
        "head-n",
        "head(2) of an ordered frame",
        Observation.action(df -> df.head(2)),
        sp -> people(sp).orderBy("id"));
    b.observed(
        "take",
        "take(3) of an ordered frame",
        Observation.action(df -> df.take(3)),
        sp -> people(sp).orderBy("id"));
    b.observed(
        "tail",
        "tail(2) of an ordered frame",
        Observation.action(df -> df.tail(2)),
        sp -> people(sp).orderBy("id"));
    b.observed(
        "to-json",
        "toJSON renders rows as JSON, omitting nulls",
        Observation.action(df -> df.toJSON().collectAsList()),
        sp -> people(sp).orderBy("id"));
    b.observed(
        "first-empty-fails",
        "first() on an empty frame fails",
        Observation.action(
            df -> {
              try {
                return df.first();
              } catch (java.util.NoSuchElementException e) {
                return "NoSuchElementException";
              }
            }),
        Fixtures::emptyPeople);
  }

  private static void select(CaseBook b) {
    b.rows("names", "select two columns by name", sp -> people(sp).select("name", "age"));
    b.rows("columns", "select columns via col()", sp -> people(sp).select(col("id"), col("dept")));
    b.rows(
        "case-insensitive",
        "select resolves names case-insensitively",
        sp -> people(sp).select(col("NAME"), col("Age")));
    b.rows("star", "select * keeps every column", sp -> people(sp).select(col("*")));
    b.rows(
        "star-and-more",
        "select *, and a computed column",
        sp -> depts(sp).select(col("*"), col("floor").plus(1).as("up")));
    b.rows("alias", "select with alias", sp -> people(sp).select(col("name").as("who")));
    b.rows(
        "literal",
        "select literals of several types",
        sp -> depts(sp).select(lit(1), lit("x"), lit(2.5), lit(true), lit(7L), lit(null)));
    b.rows("literal-alias", "literal with alias", sp -> depts(sp).select(lit(42).as("answer")));
    b.rows(
        "expression-name",
        "a computed column gets Spark's generated name",
        sp -> people(sp).select(col("age").plus(1), upper(col("name"))));
    b.rows(
        "same-column-twice",
        "the same column selected twice keeps both",
        sp -> people(sp).select(col("id"), col("id")));
    b.rows(
        "struct-field",
        "select a struct field with a dotted name",
        sp -> nested(sp).select(col("st.x"), col("st.y")));
    b.rows("struct-star", "st.* expands a struct", sp -> nested(sp).select(col("st.*")));
    b.rows(
        "get-field",
        "getField on a struct column",
        sp -> nested(sp).select(col("st").getField("y")));
    b.rows(
        "get-item-array",
        "getItem on an array is 0-based",
        sp -> nested(sp).filter(col("k").equalTo(1)).select(col("k"), col("arr").getItem(0)));
    b.fails(
        "get-item-out-of-bounds",
        "getItem past the end of an array fails under ANSI",
        "INVALID_ARRAY_INDEX",
        sp -> nested(sp).select(col("arr").getItem(0)));
    b.rows(
        "get-item-map",
        "getItem on a map looks up the key",
        sp -> nested(sp).select(col("k"), col("m").getItem("x")));
    b.rows(
        "backticks",
        "backticks quote a name containing a dot",
        sp -> depts(sp).withColumnRenamed("dept", "a.b").select(col("`a.b`")));
    b.rows(
        "col-regex",
        "colRegex selects matching columns",
        sp -> {
          Dataset<Row> df = people(sp);
          return df.select(df.colRegex("`(na|ag).*`"));
        });
    b.rows(
        "dataset-col",
        "df.col() refers to a column of that frame",
        sp -> {
          Dataset<Row> df = people(sp);
          return df.select(df.col("salary"));
        });
    b.rows("select-empty-frame", "select on an empty frame", sp -> emptyPeople(sp).select("name"));
    b.rows(
        "select-expr",
        "selectExpr with a SQL expression",
        sp -> people(sp).selectExpr("id * 2 AS twice", "upper(name)"));
    b.rows(
        "expr-function",
        "expr() builds a column from SQL text",
        sp -> people(sp).select(expr("age + 1 AS next")));
    b.fails(
        "unknown",
        "select of an unknown column",
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        sp -> people(sp).select(col("agee")));
    b.fails(
        "unknown-string",
        "select(String) of an unknown column",
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        sp -> people(sp).select("nam"));
    b.fails(
        "unknown-struct-field",
        "select of a missing struct field",
        "FIELD_NOT_FOUND",
        sp -> nested(sp).select(col("st.zz")));
    b.fails(
        "unknown-in-expression",
        "an unknown column inside an expression",
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        sp -> people(sp).select(col("ag").plus(1)));
    b.fails(
        "unknown-empty-frame",
        "unknown column on an empty frame",
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        sp -> emptyPeople(sp).select("zzz"));
  }

  private static void columns(CaseBook b) {
    b.rows(
        "with-column-new",
        "withColumn appends a column",
        sp -> people(sp).withColumn("bonus", col("salary").multiply(0.1)));
    b.rows(
        "with-column-replace",
        "withColumn replaces a column in place",
        sp -> people(sp).withColumn("age", col("age").plus(1)));
    b.rows(
        "with-column-case",
        "withColumn replaces a column matched case-insensitively",
        sp -> people(sp).withColumn("AGE", lit(0)));
    b.rows(
        "with-column-literal",
        "withColumn with a literal",
        sp -> depts(sp).withColumn("one", lit(1)));
    b.rows(
        "with-columns-map",
        "withColumns adds several columns",
        sp ->
            depts(sp).withColumns(Map.of("a", lit(1))).withColumns(Map.of("b", col("a").plus(1))));
    b.rows(
        "renamed",
        "withColumnRenamed renames one column",
        sp -> people(sp).withColumnRenamed("name", "full_name"));
    b.rows(
        "renamed-missing",
        "withColumnRenamed of a missing column is a no-op",
        sp -> people(sp).withColumnRenamed("nope", "x"));
    b.rows(
        "renamed-case",
        "withColumnRenamed matches case-insensitively",
        sp -> people(sp).withColumnRenamed("NAME", "n"));
    b.rows(
        "renamed-many",
        "withColumnsRenamed renames several",
        sp -> people(sp).withColumnsRenamed(Map.of("id", "pid", "age", "years")));
    b.rows("drop-one", "drop one column", sp -> people(sp).drop("salary"));
    b.rows("drop-many", "drop several columns", sp -> people(sp).drop("salary", "age"));
    b.rows("drop-missing", "drop of a missing column is a no-op", sp -> people(sp).drop("zz"));
    b.rows("drop-column", "drop(Column)", sp -> people(sp).drop(col("dept")));
    b.rows(
        "drop-all",
        "drop every column leaves rows without columns",
        sp -> depts(sp).drop("dept", "floor"));
    b.rows(
        "to-renamed",
        "toDF after withColumn",
        sp -> depts(sp).withColumn("x", lit(1)).toDF("a", "b", "c"));
    b.rows(
        "duplicate-names",
        "toDF can create duplicate column names",
        sp -> depts(sp).toDF("c", "c"));
    b.fails(
        "duplicate-names-ambiguous",
        "selecting a duplicated name is ambiguous",
        "AMBIGUOUS_REFERENCE",
        sp -> depts(sp).toDF("c", "c").select("c"));
    b.rows(
        "duplicate-names-drop",
        "drop removes every column with the name",
        sp -> depts(sp).withColumn("x", lit(1)).toDF("c", "c", "k").drop("c"));
    b.rows(
        "chain",
        "a chain of withColumn, filter and select",
        sp ->
            people(sp)
                .withColumn("a2", col("age").multiply(2))
                .filter(col("a2").gt(60))
                .select("name", "a2"));
    b.fails(
        "with-column-null-name",
        "withColumn with a null name is an internal error in Spark",
        "INTERNAL_ERROR",
        sp -> people(sp).withColumn(null, lit(1)));
    b.fails(
        "renamed-to-null",
        "withColumnRenamed to a null name",
        "INTERNAL_ERROR",
        sp -> people(sp).withColumnRenamed("id", null));
    b.fails(
        "alias-null",
        "an alias that is null",
        "INTERNAL_ERROR",
        sp -> people(sp).select(col("id").as((String) null)));
    b.rows(
        "drop-null-name", "drop of a null name is a no-op", sp -> people(sp).drop((String) null));
    b.rows(
        "many-columns",
        "select of a generated list of columns",
        sp -> depts(sp).select(cols(List.of("floor", "dept", "floor"))));
  }

  private static Column[] cols(List<String> names) {
    return names.stream().map(n -> col(n)).toArray(Column[]::new);
  }
}
