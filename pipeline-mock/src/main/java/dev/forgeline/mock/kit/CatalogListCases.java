package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.SqlCatalogCases.scoped;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Table;

/**
 * The list methods of {@code spark.catalog()}: listDatabases, listTables and listColumns, with and
 * without patterns, as frames and as decoded catalog records, and their errors. Each runs in the
 * database {@code kitdb} of {@link SqlCatalogCases#scoped}; rows are filtered to the names the case
 * made, since the shared Spark session holds other cases' temporary views.
 */
// listColumns(db, table) is deprecated in Spark, but still API the mock must match.
@SuppressWarnings("deprecation")
final class CatalogListCases {
  private CatalogListCases() {}

  private static void setUp(SparkSession sp) {
    sp.sql("CREATE TABLE kitdb.t1 (id INT, name STRING, amount DECIMAL(10,2)) USING parquet");
    sp.sql("CREATE TABLE kitdb.t2 (k BIGINT, tags ARRAY<STRING>) USING parquet");
    sp.sql("CREATE VIEW kitdb.v1 AS SELECT id, upper(name) AS n FROM kitdb.t1");
    sp.sql("CREATE OR REPLACE TEMPORARY VIEW v1 AS SELECT 1 AS x");
  }

  private static final Object[] NAMES = {"t1", "t2", "v1", "people", "depts"};

  private static Dataset<Row> ours(Dataset<Row> tables) {
    return tables.filter(col("name").isin(NAMES));
  }

  static void addTo(CaseBook book) {
    CaseBook b = book.area("sql-catalog-list");
    b.rows(
        "databases",
        "listDatabases holds the default database and a new one",
        scoped(
            sp ->
                sp.catalog()
                    .listDatabases()
                    .toDF()
                    .select("name", "catalog", "description")
                    .filter(col("name").isin("default", "kitdb"))));
    b.rows(
        "databases-pattern",
        "listDatabases with a pattern",
        scoped(
            sp -> {
              sp.sql("CREATE DATABASE kitdb_other COMMENT 'second'");
              try {
                return sp.createDataFrame(
                    sp.catalog()
                        .listDatabases("kitdb_o*|kitdb|nothing")
                        .toDF()
                        .select("name", "description")
                        .collectAsList(),
                    sp.catalog().listDatabases().toDF().select("name", "description").schema());
              } finally {
                sp.sql("DROP DATABASE kitdb_other");
              }
            }));
    b.rows(
        "tables",
        "listTables of a database: tables, views and temporary views",
        scoped(
            sp -> {
              setUp(sp);
              return ours(sp.catalog().listTables("kitdb").toDF());
            }));
    b.rows(
        "tables-current",
        "listTables of the current database",
        scoped(
            sp -> {
              setUp(sp);
              return ours(sp.catalog().listTables().toDF()).select("name", "tableType");
            }));
    b.rows(
        "tables-pattern",
        "listTables with a pattern",
        scoped(
            sp -> {
              setUp(sp);
              return sp.catalog().listTables("kitdb", "T*|v1").toDF().select("name", "isTemporary");
            }));
    b.rows(
        "tables-decoded",
        "listTables collected as Table records",
        scoped(
            sp -> {
              setUp(sp);
              List<Table> ts = sp.catalog().listTables("kitdb", "t*").collectAsList();
              List<String> described =
                  ts.stream()
                      .map(
                          t ->
                              t.name()
                                  + "/"
                                  + t.tableType()
                                  + "/"
                                  + t.isTemporary()
                                  + "/"
                                  + String.join(".", t.namespace()))
                      .toList();
              return sp.createDataset(described, Encoders.STRING()).toDF();
            }));
    b.fails(
        "tables-missing-database",
        "listTables of a database that does not exist",
        "SCHEMA_NOT_FOUND",
        scoped(sp -> sp.catalog().listTables("kit_no_such_db").toDF()));
    b.rows(
        "columns",
        "listColumns of a table",
        scoped(
            sp -> {
              setUp(sp);
              return sp.catalog().listColumns("kitdb.t1").toDF();
            }));
    b.rows(
        "columns-two-args",
        "listColumns by database and table",
        scoped(
            sp -> {
              setUp(sp);
              return sp.catalog().listColumns("kitdb", "t2").toDF();
            }));
    b.rows(
        "columns-view",
        "listColumns of a view",
        scoped(
            sp -> {
              setUp(sp);
              return sp.catalog().listColumns("kitdb.v1").toDF().select("name", "dataType");
            }));
    b.rows(
        "columns-decoded",
        "listColumns collected as Column records",
        scoped(
            sp -> {
              setUp(sp);
              List<String> out =
                  sp.catalog().listColumns("kitdb.t1").collectAsList().stream()
                      .map(c -> c.name() + ":" + c.dataType() + ":" + c.nullable())
                      .toList();
              return sp.createDataset(out, Encoders.STRING()).toDF();
            }));
    b.fails(
        "columns-missing-table",
        "listColumns of a table that does not exist",
        "TABLE_OR_VIEW_NOT_FOUND",
        scoped(sp -> sp.catalog().listColumns("kitdb.nope").toDF()));
  }
}
