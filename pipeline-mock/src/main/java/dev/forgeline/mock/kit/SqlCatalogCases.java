package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.depts;
import static dev.forgeline.mock.kit.Fixtures.people;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Cases for the catalog: CREATE / DROP / ALTER of tables, views and databases, INSERT, DESCRIBE,
 * SHOW, SET, saveAsTable, insertInto, table() and writeTo. Each runs in its own database {@code
 * kitdb}, dropped afterwards, and its result is collected before the cleanup.
 */
final class SqlCatalogCases {

  private SqlCatalogCases() {}

  /** A program that sets up, runs and collects inside a fresh database, then cleans up. */
  interface Body {
    Dataset<Row> run(SparkSession sp) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
    throw (T) t;
  }

  static KitProgram scoped(Body body) {
    return sp -> {
      sp.sql("DROP DATABASE IF EXISTS kitdb CASCADE");
      sp.sql("CREATE DATABASE kitdb");
      sp.sql("USE kitdb");
      people(sp).createOrReplaceTempView("people");
      depts(sp).createOrReplaceTempView("depts");
      try {
        Dataset<Row> d = body.run(sp);
        return sp.createDataFrame(d.collectAsList(), d.schema());
      } catch (Exception e) {
        throw SqlCatalogCases.<RuntimeException>rethrow(e);
      } finally {
        sp.sql("USE default");
        sp.sql("DROP DATABASE IF EXISTS kitdb CASCADE");
        sp.catalog().dropTempView("v1");
        sp.catalog().dropGlobalTempView("gv1");
      }
    };
  }

  static KitProgram statements(String... sql) {
    return scoped(
        sp -> {
          Dataset<Row> last = null;
          for (String s : sql) {
            last = sp.sql(s);
          }
          // the reference session keeps other cases' temporary views: compare only this case's
          return sql[sql.length - 1].startsWith("SHOW TABLES")
              ? last.filter("isTemporary = false")
              : last;
        });
  }

  private static Dataset<Row> bool(SparkSession sp, boolean... values) {
    StructType schema = new StructType();
    Object[] row = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      schema = schema.add("b" + i, DataTypes.BooleanType, false);
      row[i] = values[i];
    }
    return sp.createDataFrame(List.of(RowFactory.create(row)), schema);
  }

  private static final String[][] STATEMENTS = {
    {
      "create-insert-select",
      "CREATE TABLE t (a INT, b STRING) USING parquet",
      "INSERT INTO t VALUES (1, 'x'), (2, 'y')",
      "SELECT * FROM t"
    },
    {
      "create-default-provider",
      "CREATE TABLE t (a INT)",
      "INSERT INTO t VALUES (5)",
      "SELECT a FROM t"
    },
    {
      "insert-twice",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO t VALUES (1)",
      "INSERT INTO t VALUES (2), (3)",
      "SELECT * FROM t"
    },
    {
      "insert-overwrite",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO t VALUES (1), (2)",
      "INSERT OVERWRITE t VALUES (9)",
      "SELECT * FROM t"
    },
    {
      "insert-select",
      "CREATE TABLE t (id INT, name STRING) USING parquet",
      "INSERT INTO t SELECT id, name FROM people WHERE id < 4",
      "SELECT * FROM t"
    },
    {
      "insert-casts",
      "CREATE TABLE t (a BIGINT, b DOUBLE, c STRING) USING parquet",
      "INSERT INTO t VALUES (1, 2, 3)",
      "SELECT * FROM t"
    },
    {
      "insert-table-keyword",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO TABLE t VALUES (4)",
      "SELECT * FROM t"
    },
    {
      "insert-by-name",
      "CREATE TABLE t (a INT, b STRING) USING parquet",
      "INSERT INTO t BY NAME SELECT 'q' AS b, 7 AS a",
      "SELECT * FROM t"
    },
    {
      "ctas",
      "CREATE TABLE t USING parquet AS SELECT id, upper(name) AS n FROM people",
      "SELECT * FROM t"
    },
    {
      "ctas-schema-nullable",
      "CREATE TABLE t USING parquet AS SELECT id FROM people",
      "DESCRIBE TABLE t"
    },
    {
      "ctas-aggregate",
      "CREATE TABLE t USING parquet AS SELECT dept, count(*) AS c FROM people GROUP BY dept",
      "SELECT * FROM t WHERE c > 1"
    },
    {
      "create-if-not-exists",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO t VALUES (1)",
      "CREATE TABLE IF NOT EXISTS t (b STRING) USING parquet",
      "SELECT * FROM t"
    },
    {
      "qualified-table",
      "CREATE TABLE kitdb.t (a INT) USING parquet",
      "INSERT INTO kitdb.t VALUES (3)",
      "SELECT * FROM spark_catalog.kitdb.t"
    },
    {"drop-table", "CREATE TABLE t (a INT) USING parquet", "DROP TABLE t", "SHOW TABLES"},
    {"drop-table-if-exists", "DROP TABLE IF EXISTS nothing_here", "SHOW TABLES"},
    {
      "truncate",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO t VALUES (1)",
      "TRUNCATE TABLE t",
      "SELECT * FROM t"
    },
    {
      "rename",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO t VALUES (1)",
      "ALTER TABLE t RENAME TO u",
      "SELECT * FROM u"
    },
    {
      "rename-lists",
      "CREATE TABLE t (a INT) USING parquet",
      "ALTER TABLE t RENAME TO u",
      "SHOW TABLES"
    },
    {
      "add-columns",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO t VALUES (1)",
      "ALTER TABLE t ADD COLUMNS (b STRING, c DOUBLE)",
      "SELECT * FROM t"
    },
    {
      "add-columns-then-insert",
      "CREATE TABLE t (a INT) USING parquet",
      "ALTER TABLE t ADD COLUMNS (b STRING)",
      "INSERT INTO t VALUES (2, 'z')",
      "SELECT * FROM t"
    },
    {
      "tblproperties",
      "CREATE TABLE t (a INT) USING parquet",
      "ALTER TABLE t SET TBLPROPERTIES ('team' = 'kit', 'x' = '1')",
      "SELECT * FROM t"
    },
    {
      "describe",
      "CREATE TABLE t (a INT, b STRING, c DECIMAL(10,2)) USING parquet",
      "DESCRIBE TABLE t"
    },
    {
      "describe-short",
      "CREATE TABLE t (a ARRAY<INT>, m MAP<STRING, BIGINT>) USING parquet",
      "DESC t"
    },
    {"describe-query", "DESCRIBE QUERY SELECT id, name FROM people"},
    {"describe-temp-view", "DESCRIBE people"},
    {
      "show-tables",
      "CREATE TABLE t1 (a INT) USING parquet",
      "CREATE TABLE t2 (a INT) USING parquet",
      "SHOW TABLES"
    },
    {"show-tables-in", "CREATE TABLE t1 (a INT) USING parquet", "SHOW TABLES IN kitdb"},
    {
      "show-tables-like",
      "CREATE TABLE abc (a INT) USING parquet",
      "CREATE TABLE xyz (a INT) USING parquet",
      "SHOW TABLES LIKE 'a*'"
    },
    {"show-databases-like", "SHOW DATABASES LIKE 'kit*'"},
    {"show-columns", "CREATE TABLE t (a INT, b STRING) USING parquet", "SHOW COLUMNS IN t"},
    {"show-current-namespace", "SHOW CURRENT NAMESPACE"},
    {
      "view",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO t VALUES (1), (2)",
      "CREATE VIEW w AS SELECT a * 10 AS b FROM t",
      "SELECT * FROM w"
    },
    {
      "view-sees-new-rows",
      "CREATE TABLE t (a INT) USING parquet",
      "CREATE VIEW w AS SELECT a FROM t",
      "INSERT INTO t VALUES (7)",
      "SELECT * FROM w"
    },
    {
      "view-column-names",
      "CREATE TABLE t (a INT, b STRING) USING parquet",
      "INSERT INTO t VALUES (1, 'x')",
      "CREATE VIEW w (x, y) AS SELECT a, b FROM t",
      "SELECT * FROM w"
    },
    {
      "temp-view-column-names",
      "CREATE TEMP VIEW v1 (x, y) AS SELECT id, name FROM people",
      "SELECT * FROM v1"
    },
    {
      "view-or-replace",
      "CREATE VIEW w AS SELECT 1 AS a",
      "CREATE OR REPLACE VIEW w AS SELECT 2 AS a",
      "SELECT * FROM w"
    },
    {"view-drop", "CREATE VIEW w AS SELECT 1 AS a", "DROP VIEW w", "SHOW TABLES"},
    {
      "temp-view-sql",
      "CREATE TEMPORARY VIEW v1 AS SELECT id FROM people WHERE id > 4",
      "SELECT * FROM v1"
    },
    {
      "temp-view-or-replace",
      "CREATE TEMP VIEW v1 AS SELECT 1 AS a",
      "CREATE OR REPLACE TEMP VIEW v1 AS SELECT 2 AS a",
      "SELECT * FROM v1"
    },
    {"temp-view-drop", "CREATE TEMP VIEW v1 AS SELECT 1 AS a", "DROP VIEW v1", "SELECT 1 AS ok"},
    {
      "global-temp-view",
      "CREATE GLOBAL TEMPORARY VIEW gv1 AS SELECT 3 AS a",
      "SELECT * FROM global_temp.gv1"
    },
    {
      "temp-view-shadows-table",
      "CREATE TABLE v1 (a INT) USING parquet",
      "INSERT INTO v1 VALUES (1)",
      "CREATE TEMP VIEW v1 AS SELECT 100 AS a",
      "SELECT * FROM v1"
    },
    {
      "temp-view-shadow-qualified",
      "CREATE TABLE v1 (a INT) USING parquet",
      "INSERT INTO v1 VALUES (1)",
      "CREATE TEMP VIEW v1 AS SELECT 100 AS a",
      "SELECT * FROM kitdb.v1"
    },
    {
      "database-create-use",
      "CREATE DATABASE IF NOT EXISTS kitdb",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO t VALUES (1)",
      "SELECT * FROM kitdb.t"
    },
    {"set-key-value", "SET spark.forgeline.kit.x=7", "SET spark.forgeline.kit.x"},
    {"set-returns", "SET spark.forgeline.kit.y = abc"},
    {
      "join-two-tables",
      "CREATE TABLE a (k INT, v STRING) USING parquet",
      "CREATE TABLE b (k INT, w STRING) USING parquet",
      "INSERT INTO a VALUES (1, 'x'), (2, 'y')",
      "INSERT INTO b VALUES (2, 'z'), (3, 'q')",
      "SELECT a.k, v, w FROM a JOIN b ON a.k = b.k"
    },
    {
      "insert-from-table",
      "CREATE TABLE a (k INT) USING parquet",
      "CREATE TABLE b (k INT) USING parquet",
      "INSERT INTO a VALUES (1), (2)",
      "INSERT INTO b SELECT k * 2 FROM a",
      "SELECT * FROM b"
    },
    {
      "cache-table",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO t VALUES (1)",
      "CACHE TABLE t",
      "UNCACHE TABLE t",
      "SELECT * FROM t"
    },
  };

  private static final String[][] FAILING = {
    {
      "create-existing",
      "TABLE_OR_VIEW_ALREADY_EXISTS",
      "CREATE TABLE t (a INT) USING parquet",
      "CREATE TABLE t (a INT) USING parquet"
    },
    {"drop-missing", "TABLE_OR_VIEW_NOT_FOUND", "DROP TABLE missing_t"},
    {"drop-view-missing", "TABLE_OR_VIEW_NOT_FOUND", "DROP VIEW missing_v"},
    {"view-of-temp-view", "INVALID_TEMP_OBJ_REFERENCE", "CREATE VIEW w AS SELECT id FROM people"},
    {
      "reserved-property",
      "UNSUPPORTED_FEATURE.SET_TABLE_PROPERTY",
      "CREATE TABLE t (a INT) USING parquet",
      "ALTER TABLE t SET TBLPROPERTIES ('owner' = 'kit')"
    },
    {"insert-missing", "TABLE_OR_VIEW_NOT_FOUND", "INSERT INTO missing_t VALUES (1)"},
    {
      "insert-too-many",
      "INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO t VALUES (1, 2)"
    },
    {
      "insert-not-enough",
      "INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS",
      "CREATE TABLE t (a INT, b INT) USING parquet",
      "INSERT INTO t VALUES (1)"
    },
    {
      "insert-unsafe-cast",
      "INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST",
      "CREATE TABLE t (a INT) USING parquet",
      "INSERT INTO t VALUES ('x')"
    },
    {"use-missing-db", "SCHEMA_NOT_FOUND", "USE no_such_db"},
    {"create-db-existing", "SCHEMA_ALREADY_EXISTS", "CREATE DATABASE kitdb"},
    {
      "drop-db-not-empty",
      "SCHEMA_NOT_EMPTY",
      "CREATE DATABASE kitdb2",
      "CREATE TABLE kitdb2.t (a INT) USING parquet",
      "DROP DATABASE kitdb2"
    },
    {
      "temp-view-exists",
      "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS",
      "CREATE TEMP VIEW v1 AS SELECT 1 AS a",
      "CREATE TEMP VIEW v1 AS SELECT 2 AS a"
    },
    {
      "view-exists",
      "TABLE_OR_VIEW_ALREADY_EXISTS",
      "CREATE VIEW w AS SELECT 1 AS a",
      "CREATE VIEW w AS SELECT 2 AS a"
    },
    {
      "select-dropped",
      "TABLE_OR_VIEW_NOT_FOUND",
      "CREATE TABLE t (a INT) USING parquet",
      "DROP TABLE t",
      "SELECT * FROM t"
    },
    {
      "drop-table-on-view",
      "WRONG_COMMAND_FOR_OBJECT_TYPE",
      "CREATE VIEW w AS SELECT 1 AS a",
      "DROP TABLE w"
    },
    {
      "drop-view-on-table",
      "WRONG_COMMAND_FOR_OBJECT_TYPE",
      "CREATE TABLE t (a INT) USING parquet",
      "DROP VIEW t"
    },
    {"describe-missing", "TABLE_OR_VIEW_NOT_FOUND", "DESCRIBE TABLE missing_t"},
    {"show-tables-missing-db", "SCHEMA_NOT_FOUND", "SHOW TABLES IN no_such_db"},
  };

  static void addTo(CaseBook book) {
    CaseBook b = book.area("sql-catalog");
    for (String[] c : STATEMENTS) {
      String[] sql = java.util.Arrays.copyOfRange(c, 1, c.length);
      b.rows(c[0], String.join("; ", sql), statements(sql));
    }
    for (String[] c : FAILING) {
      String[] sql = java.util.Arrays.copyOfRange(c, 2, c.length);
      b.fails(c[0], String.join("; ", sql), c[1], statements(sql));
    }
    b.rows(
        "save-as-table",
        "saveAsTable then table()",
        scoped(
            sp -> {
              people(sp).write().saveAsTable("t");
              return sp.table("t");
            }));
    b.rows(
        "save-as-table-sql",
        "saveAsTable then SQL",
        scoped(
            sp -> {
              people(sp).write().format("parquet").saveAsTable("t");
              return sp.sql("SELECT dept, count(*) AS c FROM t GROUP BY dept");
            }));
    b.rows(
        "save-as-table-append",
        "saveAsTable twice with append",
        scoped(
            sp -> {
              depts(sp).write().saveAsTable("t");
              depts(sp).write().mode(SaveMode.Append).saveAsTable("t");
              return sp.table("t");
            }));
    b.rows(
        "save-as-table-overwrite",
        "saveAsTable overwrite replaces the schema",
        scoped(
            sp -> {
              depts(sp).write().saveAsTable("t");
              people(sp).write().mode(SaveMode.Overwrite).saveAsTable("t");
              return sp.table("t");
            }));
    b.rows(
        "save-as-table-ignore",
        "saveAsTable with ignore keeps the table",
        scoped(
            sp -> {
              depts(sp).write().saveAsTable("t");
              people(sp).write().mode(SaveMode.Ignore).saveAsTable("t");
              return sp.table("t");
            }));
    b.fails(
        "save-as-table-exists",
        "saveAsTable twice with errorIfExists",
        "TABLE_OR_VIEW_ALREADY_EXISTS",
        scoped(
            sp -> {
              depts(sp).write().saveAsTable("t");
              depts(sp).write().saveAsTable("t");
              return sp.table("t");
            }));
    b.rows(
        "insert-into-api",
        "insertInto appends by position",
        scoped(
            sp -> {
              sp.sql("CREATE TABLE t (dept STRING, floor INT) USING parquet");
              depts(sp).write().insertInto("t");
              depts(sp).filter("floor > 2").write().insertInto("t");
              return sp.table("t");
            }));
    b.rows(
        "insert-into-api-overwrite",
        "insertInto with overwrite",
        scoped(
            sp -> {
              sp.sql("CREATE TABLE t (dept STRING, floor INT) USING parquet");
              depts(sp).write().insertInto("t");
              depts(sp).filter("floor > 2").write().mode(SaveMode.Overwrite).insertInto("t");
              return sp.table("t");
            }));
    b.fails(
        "table-missing",
        "table() of a missing table",
        "TABLE_OR_VIEW_NOT_FOUND",
        scoped(sp -> sp.table("missing_t")));
    b.rows(
        "write-to-create",
        "writeTo(...).create()",
        scoped(
            sp -> {
              depts(sp).writeTo("t").create();
              return sp.table("t");
            }));
    b.fails(
        "write-to-append",
        "writeTo(...).append() to a file table (a V1 table)",
        "_LEGACY_ERROR_TEMP_1012",
        scoped(
            sp -> {
              depts(sp).writeTo("t").create();
              depts(sp).filter("floor = 1").writeTo("t").append();
              return sp.table("t");
            }));
    b.fails(
        "write-to-create-or-replace",
        "writeTo(...).createOrReplace() of a file table (a V1 table)",
        "UNSUPPORTED_FEATURE.TABLE_OPERATION",
        scoped(
            sp -> {
              depts(sp).writeTo("t").create();
              people(sp).writeTo("t").createOrReplace();
              return sp.table("t");
            }));
    b.rows(
        "catalog-api",
        "tableExists, databaseExists, currentDatabase after SQL",
        scoped(
            sp -> {
              sp.sql("CREATE TABLE t (a INT) USING parquet");
              return bool(
                  sp,
                  sp.catalog().tableExists("t"),
                  sp.catalog().tableExists("kitdb.t"),
                  sp.catalog().tableExists("nope"),
                  sp.catalog().databaseExists("kitdb"),
                  sp.catalog().databaseExists("nodb"),
                  sp.catalog().currentDatabase().equals("kitdb"));
            }));
    b.rows(
        "catalog-temp-views",
        "createOrReplaceTempView and dropTempView",
        scoped(
            sp -> {
              depts(sp).createOrReplaceTempView("v1");
              boolean before = sp.catalog().tableExists("v1");
              boolean dropped = sp.catalog().dropTempView("v1");
              return bool(sp, before, dropped, sp.catalog().tableExists("v1"));
            }));
    b.rows(
        "catalog-set-current-database",
        "setCurrentDatabase then unqualified names",
        scoped(
            sp -> {
              sp.sql("CREATE TABLE t (a INT) USING parquet");
              sp.sql("INSERT INTO t VALUES (11)");
              sp.catalog().setCurrentDatabase("default");
              Dataset<Row> d = sp.table("kitdb.t");
              sp.catalog().setCurrentDatabase("kitdb");
              return d;
            }));
    b.rows(
        "catalog-get-table",
        "getTable of a table, a view and a temporary view",
        scoped(
            sp -> {
              sp.sql("CREATE TABLE t (a INT) USING parquet");
              sp.sql("CREATE VIEW w AS SELECT 1 AS a");
              depts(sp).createOrReplaceTempView("v1");
              StructType schema =
                  new StructType()
                      .add("name", DataTypes.StringType)
                      .add("type", DataTypes.StringType)
                      .add("temp", DataTypes.BooleanType)
                      .add("ns", DataTypes.StringType);
              List<Row> rows = new java.util.ArrayList<>();
              for (String n : new String[] {"t", "w", "v1"}) {
                org.apache.spark.sql.catalog.Table t = sp.catalog().getTable(n);
                rows.add(
                    RowFactory.create(
                        t.name(), t.tableType(), t.isTemporary(), String.join(".", t.namespace())));
              }
              return sp.createDataFrame(rows, schema);
            }));
    b.fails(
        "catalog-get-table-missing",
        "getTable of a missing table",
        "TABLE_OR_VIEW_NOT_FOUND",
        scoped(
            sp -> {
              sp.catalog().getTable("missing_t");
              return sp.range(1).toDF();
            }));
    b.rows(
        "catalog-get-database",
        "getDatabase names the database",
        scoped(
            sp ->
                sp.createDataFrame(
                    List.of(
                        RowFactory.create(
                            sp.catalog().getDatabase("kitdb").name(),
                            sp.catalog().getDatabase("kitdb").catalog())),
                    new StructType()
                        .add("name", DataTypes.StringType)
                        .add("catalog", DataTypes.StringType))));
    b.fails(
        "catalog-get-database-missing",
        "getDatabase of a missing database",
        "SCHEMA_NOT_FOUND",
        scoped(
            sp -> {
              sp.catalog().getDatabase("no_such_db");
              return sp.range(1).toDF();
            }));
    b.rows(
        "catalog-create-table",
        "catalog().createTable with a schema, then insert",
        scoped(
            sp -> {
              sp.catalog()
                  .createTable(
                      "t",
                      "parquet",
                      new StructType()
                          .add("k", DataTypes.IntegerType)
                          .add("v", DataTypes.StringType),
                      java.util.Map.of());
              sp.sql("INSERT INTO t VALUES (1, 'one')");
              return sp.table("t");
            }));
    b.rows(
        "global-temp-view-api",
        "createGlobalTempView then global_temp",
        scoped(
            sp -> {
              depts(sp).createOrReplaceGlobalTempView("gv1");
              return sp.sql("SELECT * FROM global_temp.gv1 WHERE floor > 1");
            }));
  }
}
