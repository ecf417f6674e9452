package dev.forgeline.examples.bench;

import dev.forgeline.mock.MockCapabilities;
import dev.forgeline.mock.MockSparkSession;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;

/**
 * The statement kinds of Spark's SQL grammar (the labelled alternatives of {@code statement}, of
 * the DML statements and of SET / RESET) and which of them the mock runs: each sample statement is
 * parsed with Spark's grammar to learn its kind and run on a fresh mock session; a kind counts as
 * supported when a sample of it runs without an error.
 */
final class SqlStatementSurface {

  /** Sample statements, run in order on one session (later ones use what earlier ones made). */
  private static final String[] SAMPLES = {
    "SELECT 1",
    "CREATE DATABASE audit_db",
    "CREATE TABLE t (a INT) USING parquet",
    "INSERT INTO t VALUES (1)",
    "CREATE VIEW v AS SELECT a FROM t",
    "CREATE TEMPORARY VIEW tv AS SELECT 1 AS x",
    "ALTER TABLE t ADD COLUMNS (b STRING)",
    "ALTER TABLE t SET TBLPROPERTIES ('k' = 'v')",
    "DESCRIBE TABLE t",
    "DESCRIBE QUERY SELECT a FROM t",
    "SHOW TABLES",
    "SHOW VIEWS",
    "SHOW DATABASES",
    "SHOW COLUMNS IN t",
    "SHOW CURRENT NAMESPACE",
    "SHOW TBLPROPERTIES t",
    "CACHE TABLE t",
    "UNCACHE TABLE t",
    "CLEAR CACHE",
    "REFRESH TABLE t",
    "SET spark.forgeline.audit=1",
    "RESET spark.forgeline.audit",
    "USE audit_db",
    "USE NAMESPACE default",
    "CREATE TABLE t2 USING parquet AS SELECT * FROM t",
    "ALTER TABLE t2 RENAME TO t3",
    "TRUNCATE TABLE t3",
    "DROP TABLE t3",
    "DROP VIEW v",
    "DROP DATABASE audit_db",
    "CREATE TABLE d (a INT) USING delta",
    "INSERT INTO d VALUES (1), (2)",
    "MERGE INTO d USING t s ON d.a = s.a WHEN MATCHED THEN DELETE",
    "UPDATE d SET a = 3 WHERE a = 2",
    "DELETE FROM d WHERE a = 3",
    "EXPLAIN SELECT 1",
    "CREATE FUNCTION f AS 'x.Y'",
  };

  private SqlStatementSurface() {}

  /** Every statement kind of the grammar, by the simple name of its parse-tree class. */
  static Set<String> grammarKinds() {
    return MockCapabilities.sqlStatementKinds();
  }

  /** The kinds a sample of which runs on the mock. */
  static Set<String> supportedKinds(PrintStream log) {
    SparkSession mock = MockSparkSession.create();
    Set<String> ok = new TreeSet<>();
    List<String> failed = new ArrayList<>();
    for (String sql : SAMPLES) {
      String kind = kind(sql);
      try {
        mock.sql(sql).collectAsList();
        ok.add(kind);
      } catch (RuntimeException e) {
        failed.add(kind + " [" + sql + "]: " + e.getClass().getSimpleName());
      }
    }
    failed.forEach(f -> log.println("  sql statement not supported: " + f));
    return ok;
  }

  private static String kind(String sql) {
    return MockCapabilities.sqlStatementKind(sql);
  }
}
