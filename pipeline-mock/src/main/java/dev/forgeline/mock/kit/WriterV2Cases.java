package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.depts;
import static dev.forgeline.mock.kit.Fixtures.people;
import static dev.forgeline.mock.kit.SqlCatalogCases.scoped;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code df.writeTo(table)} (DataFrameWriterV2) on catalog tables: append, overwrite by a
 * condition, overwritePartitions, create, replace and createOrReplace on Delta tables, and Spark's
 * errors for missing tables, existing tables and file (V1) tables. These run on Spark with Delta's
 * catalog.
 */
final class WriterV2Cases {
  private WriterV2Cases() {}

  private static final String T = "kitdb.t";

  /** A Delta table {@code kitdb.t} holding the depts fixture. */
  private static void deltaDepts(SparkSession sp) throws Exception {
    sp.sql("CREATE TABLE kitdb.t (dept STRING, floor INT) USING delta");
    depts(sp).writeTo(T).append();
  }

  private static Dataset<Row> changes(SparkSession sp) {
    return sp.sql("SELECT * FROM VALUES ('ops', 4), ('lab', 5) AS c(dept, floor)");
  }

  static void addTo(CaseBook book) {
    CaseBook b = book.area("writer-v2");
    b.rows(
        "append",
        "append into a Delta table",
        scoped(
            sp -> {
              deltaDepts(sp);
              changes(sp).writeTo(T).append();
              return sp.table(T);
            }));
    b.rows(
        "append-by-name",
        "append matches columns by name",
        scoped(
            sp -> {
              deltaDepts(sp);
              changes(sp).select("floor", "dept").writeTo(T).append();
              return sp.table(T);
            }));
    b.rows(
        "overwrite-condition",
        "overwrite(condition) replaces the rows that match it",
        scoped(
            sp -> {
              deltaDepts(sp);
              changes(sp).writeTo(T).overwrite(col("floor").gt(3));
              return sp.table(T);
            }));
    b.rows(
        "overwrite-condition-keeps-nulls",
        "overwrite(condition) keeps rows where the condition is NULL",
        scoped(
            sp -> {
              deltaDepts(sp);
              changes(sp).filter("dept = 'ops'").writeTo(T).overwrite(col("dept").equalTo("ops"));
              return sp.table(T);
            }));
    b.rows(
        "overwrite-true",
        "overwrite(lit(true)) replaces every row",
        scoped(
            sp -> {
              deltaDepts(sp);
              changes(sp).writeTo(T).overwrite(lit(true));
              return sp.table(T);
            }));
    b.rows(
        "overwrite-no-match",
        "overwrite(condition) that matches no existing row appends",
        scoped(
            sp -> {
              deltaDepts(sp);
              changes(sp).writeTo(T).overwrite(col("floor").geq(4));
              return sp.table(T);
            }));
    b.fails(
        "overwrite-condition-mismatch",
        "overwrite(condition) with new rows outside the condition",
        "DELTA_REPLACE_WHERE_MISMATCH",
        scoped(
            sp -> {
              deltaDepts(sp);
              changes(sp).writeTo(T).overwrite(col("floor").gt(4));
              return sp.table(T);
            }));
    b.rows(
        "overwrite-condition-mismatch-leaves-table",
        "a rejected overwrite(condition) leaves the table as it was",
        scoped(
            sp -> {
              deltaDepts(sp);
              try {
                changes(sp).writeTo(T).overwrite(col("floor").gt(4));
              } catch (Exception e) {
                // rejected as the case above checks
              }
              return sp.table(T);
            }));
    b.rows(
        "overwrite-partitions-unpartitioned",
        "overwritePartitions() of an unpartitioned table replaces it",
        scoped(
            sp -> {
              deltaDepts(sp);
              changes(sp).writeTo(T).overwritePartitions();
              return sp.table(T);
            }));
    b.rows(
        "create-or-replace-new",
        "createOrReplace() of a missing table creates it",
        scoped(
            sp -> {
              changes(sp).writeTo(T).using("delta").createOrReplace();
              return sp.table(T);
            }));
    b.rows(
        "create-or-replace-existing",
        "createOrReplace() of a Delta table replaces rows and schema",
        scoped(
            sp -> {
              deltaDepts(sp);
              people(sp).writeTo(T).using("delta").createOrReplace();
              return sp.table(T);
            }));
    b.rows(
        "replace-existing",
        "replace() of a Delta table",
        scoped(
            sp -> {
              deltaDepts(sp);
              changes(sp).select(col("dept").as("d")).writeTo(T).using("delta").replace();
              return sp.table(T);
            }));
    b.rows(
        "create-then-append",
        "create() then append()",
        scoped(
            sp -> {
              changes(sp).writeTo(T).using("delta").create();
              depts(sp).writeTo(T).append();
              return sp.sql("SELECT count(*) AS c, max(floor) AS m FROM kitdb.t");
            }));
    b.fails(
        "create-existing",
        "create() of an existing table",
        "TABLE_OR_VIEW_ALREADY_EXISTS",
        scoped(
            sp -> {
              deltaDepts(sp);
              changes(sp).writeTo(T).using("delta").create();
              return sp.table(T);
            }));
    b.fails(
        "replace-missing",
        "replace() of a missing table",
        "TABLE_OR_VIEW_NOT_FOUND",
        scoped(
            sp -> {
              changes(sp).writeTo(T).using("delta").replace();
              return sp.table(T);
            }));
    b.fails(
        "append-missing",
        "append() to a missing table",
        "TABLE_OR_VIEW_NOT_FOUND",
        scoped(
            sp -> {
              changes(sp).writeTo(T).append();
              return sp.table(T);
            }));
    b.fails(
        "overwrite-missing",
        "overwrite(condition) of a missing table",
        "TABLE_OR_VIEW_NOT_FOUND",
        scoped(
            sp -> {
              changes(sp).writeTo(T).overwrite(col("floor").gt(3));
              return sp.table(T);
            }));
    b.fails(
        "overwrite-partitions-missing",
        "overwritePartitions() of a missing table",
        "TABLE_OR_VIEW_NOT_FOUND",
        scoped(
            sp -> {
              changes(sp).writeTo(T).overwritePartitions();
              return sp.table(T);
            }));
    b.fails(
        "overwrite-file-table",
        "overwrite(condition) of a parquet (V1) table",
        "_LEGACY_ERROR_TEMP_1012",
        scoped(
            sp -> {
              sp.sql("CREATE TABLE kitdb.t (dept STRING, floor INT) USING parquet");
              changes(sp).writeTo(T).overwrite(col("floor").gt(3));
              return sp.table(T);
            }));
    b.fails(
        "overwrite-partitions-file-table",
        "overwritePartitions() of a parquet (V1) table",
        "_LEGACY_ERROR_TEMP_1012",
        scoped(
            sp -> {
              sp.sql("CREATE TABLE kitdb.t (dept STRING, floor INT) USING parquet");
              changes(sp).writeTo(T).overwritePartitions();
              return sp.table(T);
            }));
  }
}
