package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.people;
import static dev.forgeline.mock.kit.Fixtures.sales;
import static dev.forgeline.mock.kit.KitFiles.fresh;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Delta's row-level SQL: {@code MERGE INTO}, {@code UPDATE} and {@code DELETE} on path tables
 * ({@code delta.`/path`}) and on catalog tables, the result rows each statement returns, the
 * table's rows afterwards, and the errors for multiple matches and non-Delta targets. These run on
 * Spark with Delta's SQL extension.
 */
final class DeltaSqlCases {
  private DeltaSqlCases() {}

  /** An updates frame for the people table: two matches (2, 5), one new row (7). */
  private static Dataset<Row> changes(SparkSession sp) {
    return sp.sql(
        "SELECT * FROM VALUES (2, 'Bobby', 44, 'ops', 4200.0, false),"
            + " (5, 'Eve', 30, 'eng', 5000.0, true), (7, 'Gus', 38, 'fin', 3000.0, false)"
            + " AS s(id, name, age, dept, salary, gone)");
  }

  private static String table(SparkSession sp, Dataset<Row> data) {
    String path = fresh("table");
    data.write().format("delta").save(path);
    return "delta.`" + path + "`";
  }

  private static Dataset<Row> read(SparkSession sp, String ref) {
    return sp.sql("SELECT * FROM " + ref);
  }

  /** Runs {@code statement} (with {@code %s} for the table) on a people table; returns its rows. */
  private static KitProgram after(String statement) {
    return sp -> {
      String t = table(sp, people(sp));
      changes(sp).createOrReplaceTempView("changes");
      sp.sql(String.format(statement, t));
      return read(sp, t);
    };
  }

  /** Runs {@code statement} on a people table; returns the statement's result rows. */
  private static KitProgram returned(String statement) {
    return sp -> {
      String t = table(sp, people(sp));
      changes(sp).createOrReplaceTempView("changes");
      return sp.sql(String.format(statement, t));
    };
  }

  private static void both(CaseBook b, String name, String description, String statement) {
    b.rows(name, description + " (table after)", after(statement));
    b.rows(name + "-result", description + " (result row)", returned(statement));
  }

  static void addTo(CaseBook book) {
    CaseBook b = book.area("delta-sql");
    both(b, "delete-where", "DELETE with a condition", "DELETE FROM %s WHERE age > 30");
    both(b, "delete-all", "DELETE without a condition", "DELETE FROM %s");
    both(b, "delete-none", "DELETE matching no row", "DELETE FROM %s WHERE dept = 'nowhere'");
    both(
        b,
        "delete-alias",
        "DELETE through a table alias",
        "DELETE FROM %s AS p WHERE p.dept = 'eng' OR p.name IS NULL");
    both(
        b,
        "update-where",
        "UPDATE with a condition",
        "UPDATE %s SET salary = salary * 2, name = upper(name) WHERE dept = 'eng'");
    both(b, "update-all", "UPDATE without a condition", "UPDATE %s SET age = coalesce(age, 0) + 1");
    both(
        b,
        "update-null",
        "UPDATE setting null where the condition is null for some rows",
        "UPDATE %s SET dept = NULL WHERE age < 35");
    both(
        b,
        "update-alias",
        "UPDATE through a table alias",
        "UPDATE %s t SET t.age = t.age + 10 WHERE t.id IN (1, 3)");
    both(
        b,
        "update-cast",
        "UPDATE casts the value to the column type",
        "UPDATE %s SET age = 7.9, salary = 1 WHERE id = 1");
    both(
        b,
        "merge-upsert",
        "MERGE with UPDATE SET * and INSERT *",
        "MERGE INTO %s t USING (SELECT id, name, age, dept, salary FROM changes) s ON t.id = s.id"
            + " WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *");
    both(
        b,
        "merge-conditional",
        "MERGE with conditional matched clauses, the first that holds wins",
        "MERGE INTO %s t USING changes s ON t.id = s.id"
            + " WHEN MATCHED AND s.gone THEN DELETE"
            + " WHEN MATCHED THEN UPDATE SET t.age = s.age, t.name = s.name"
            + " WHEN NOT MATCHED AND s.salary > 1000 THEN INSERT (id, name, age, dept, salary)"
            + " VALUES (s.id, s.name, s.age, s.dept, s.salary)");
    both(
        b,
        "merge-insert-some-columns",
        "MERGE inserting only some columns; the others are null",
        "MERGE INTO %s t USING changes s ON t.id = s.id"
            + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, concat(s.name, '!'))");
    both(
        b,
        "merge-by-source-delete",
        "MERGE deleting target rows no source row matches",
        "MERGE INTO %s t USING changes s ON t.id = s.id"
            + " WHEN MATCHED THEN UPDATE SET salary = s.salary"
            + " WHEN NOT MATCHED BY SOURCE AND t.age > 40 THEN DELETE");
    both(
        b,
        "merge-by-source-update",
        "MERGE updating target rows no source row matches",
        "MERGE INTO %s t USING changes s ON t.id = s.id"
            + " WHEN NOT MATCHED BY SOURCE THEN UPDATE SET dept = 'gone', salary = 0");
    both(
        b,
        "merge-matched-delete",
        "MERGE deleting every matched row",
        "MERGE INTO %s t USING changes s ON t.id = s.id WHEN MATCHED THEN DELETE");
    both(
        b,
        "merge-insert-only-duplicates",
        "an insert-only MERGE accepts a source with duplicate keys",
        "MERGE INTO %s t USING (SELECT * FROM changes UNION ALL SELECT * FROM changes) s"
            + " ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)");
    both(
        b,
        "merge-extra-condition",
        "MERGE whose ON clause filters target rows too",
        "MERGE INTO %s t USING changes s ON t.id = s.id AND t.dept = 'ops'"
            + " WHEN MATCHED THEN UPDATE SET name = 'matched'"
            + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id + 100, s.name)");
    both(
        b,
        "merge-source-table",
        "MERGE from a temporary view without aliases",
        "MERGE INTO %s USING changes ON false WHEN NOT MATCHED THEN INSERT *");
    b.rows(
        "merge-update-set-star-by-name",
        "UPDATE SET * and INSERT * match source columns by name",
        sp -> {
          String t = table(sp, people(sp));
          sp.sql(
              String.format(
                  "MERGE INTO %s t USING (SELECT salary, dept, age, name, id FROM"
                      + " VALUES (1, 'A', 1, 'x', 1.0), (9, 'Z', 9, 'z', 9.0)"
                      + " AS v(id, name, age, dept, salary)) s ON t.id = s.id"
                      + " WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *",
                  t));
          return read(sp, t);
        });
    b.rows(
        "merge-partitioned",
        "MERGE into a partitioned table",
        sp -> {
          String path = fresh("table");
          sales(sp).write().format("delta").partitionBy("year").save(path);
          String t = "delta.`" + path + "`";
          sp.sql(
              String.format(
                  "MERGE INTO %s t USING (SELECT 'north' AS region, 2024 AS year,"
                      + " 'apples' AS product, 100L AS amount UNION ALL SELECT 'east', 2025,"
                      + " 'plums', 5L) s ON t.region = s.region AND t.year = s.year"
                      + " AND t.product = s.product"
                      + " WHEN MATCHED THEN UPDATE SET amount = t.amount + s.amount"
                      + " WHEN NOT MATCHED THEN INSERT *",
                  t));
          return read(sp, t);
        });
    b.rows(
        "dml-versions",
        "each statement is one version; an older version still reads the old rows",
        sp -> {
          String path = fresh("table");
          people(sp).write().format("delta").save(path);
          String t = "delta.`" + path + "`";
          sp.sql("DELETE FROM " + t + " WHERE id = 1");
          sp.sql("UPDATE " + t + " SET age = 0 WHERE id = 2");
          return sp.read().format("delta").option("versionAsOf", 1).load(path);
        });
    b.rows(
        "query-parquet-files",
        "a query reads files directly as parquet.`path`",
        sp -> {
          String p = fresh("plain");
          sales(sp).write().parquet(p);
          return sp.sql(
              "SELECT region, sum(amount) AS total FROM parquet.`" + p + "` GROUP BY region");
        });
    b.fails(
        "merge-multiple-matches",
        "MERGE fails when several source rows match one target row",
        "DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE",
        after(
            "MERGE INTO %s t USING (SELECT * FROM changes UNION ALL SELECT * FROM changes) s"
                + " ON t.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name"));
    b.fails(
        "update-unknown-column",
        "UPDATE of a column the table does not have",
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        after("UPDATE %s SET nosuch = 1"));
    b.fails(
        "delete-not-delta",
        "DELETE on a directory of parquet files",
        "DELTA_TABLE_NOT_FOUND",
        sp -> {
          String p = fresh("plain");
          sales(sp).write().parquet(p);
          return sp.sql("DELETE FROM delta.`" + p + "` WHERE year = 2023");
        });
    b.rows(
        "catalog-table",
        "MERGE, UPDATE and DELETE on a catalog table created USING delta",
        SqlCatalogCases.scoped(
            sp -> {
              sp.sql("CREATE TABLE kitdb.t (id INT, name STRING, age INT) USING delta");
              sp.sql("INSERT INTO kitdb.t VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)");
              sp.sql("UPDATE kitdb.t SET age = age + 1 WHERE id >= 2");
              sp.sql("DELETE FROM kitdb.t WHERE id = 3");
              sp.sql(
                  "MERGE INTO kitdb.t USING (SELECT 2 AS id, 'B' AS name, 0 AS age"
                      + " UNION ALL SELECT 4, 'd', 40) s ON t.id = s.id"
                      + " WHEN MATCHED THEN UPDATE SET name = s.name"
                      + " WHEN NOT MATCHED THEN INSERT *");
              return sp.table("kitdb.t");
            }));
    b.rows(
        "catalog-table-result",
        "MERGE on a catalog table returns its counts",
        SqlCatalogCases.scoped(
            sp -> {
              sp.sql("CREATE TABLE kitdb.t (id INT, name STRING) USING delta");
              sp.sql("INSERT INTO kitdb.t VALUES (1, 'a'), (2, 'b')");
              return sp.sql(
                  "MERGE INTO kitdb.t AS t USING (SELECT 2 AS id, 'B' AS name"
                      + " UNION ALL SELECT 4, 'd') s ON t.id = s.id"
                      + " WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *");
            }));
    b.fails(
        "catalog-not-delta",
        "DELETE on a catalog table that is not a Delta table",
        "UNSUPPORTED_FEATURE.TABLE_OPERATION",
        SqlCatalogCases.scoped(
            sp -> {
              sp.sql("CREATE TABLE kitdb.p (id INT) USING parquet");
              return sp.sql("DELETE FROM kitdb.p WHERE id = 1");
            }));
  }
}
