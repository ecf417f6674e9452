package dev.forgeline.mock.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forgeline.mock.MockSparkSession;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MERGE / UPDATE / DELETE snippet of docs/mock.md, compiled and run. */
class RowLevelDmlSnippetTest {
  @TempDir Path dir;

  @Test
  void theDocumentedSnippetRuns() {
    String path = dir.resolve("customers").toString();
    SparkSession spark = MockSparkSession.builder().build();
    spark.sql("SELECT 1 AS id, 'ann' AS name, 10 AS visits").write().format("delta").save(path);
    String table = "delta.`" + path + "`";

    Row merged =
        spark
            .sql(
                "MERGE INTO "
                    + table
                    + " t USING (SELECT 1 AS id, 'Ann' AS name, 1 AS visits"
                    + " UNION ALL SELECT 2, 'bob', 1) s ON t.id = s.id"
                    + " WHEN MATCHED THEN UPDATE SET name = s.name, visits = t.visits + s.visits"
                    + " WHEN NOT MATCHED THEN INSERT *")
            .first();
    spark.sql("UPDATE " + table + " SET visits = 0 WHERE name = 'bob'");
    long deleted = spark.sql("DELETE FROM " + table + " WHERE visits = 0").first().getLong(0);

    // num_affected_rows, num_updated_rows, num_deleted_rows, num_inserted_rows
    assertEquals(RowFactory.create(2L, 1L, 0L, 1L), merged);
    assertEquals(1L, deleted);
    assertEquals(
        List.of(RowFactory.create(1, "Ann", 11)),
        spark.sql("SELECT * FROM " + table).collectAsList());
    // each statement is one version: version 1 holds the merged rows
    assertEquals(2L, spark.read().format("delta").option("versionAsOf", 1).load(path).count());
  }
}
