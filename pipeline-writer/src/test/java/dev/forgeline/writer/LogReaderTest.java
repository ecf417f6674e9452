package dev.forgeline.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The reader on local Spark with Delta: the contract, the docs' SQL and maintenance. */
class LogReaderTest extends LogReaderContract {

  @Override
  WriterBackend backend() {
    return WriterBackend.SPARK;
  }

  @Test
  void theDocsQueriesRunAndAgreeWithTheReader() {
    List<String> sql = Docs.blocks("writer.md", "sql");
    assertEquals(3, sql.size());
    SparkSession spark = WriterSpark.session();
    reader.log().createOrReplaceTempView("run_log");
    List<Row> history = spark.sql(sql.get(0)).collectAsList();
    assertEquals(RUNS, history.size());
    assertEquals("trend-9", history.get(0).getAs("run_id"));
    Row a = step(spark.sql(sql.get(1)).collectAsList(), "a");
    assertEquals(percentile(A_MS, 0.5), a.<Double>getAs("median_ms"), 1e-9);
    assertEquals(percentile(A_MS, 0.95), a.<Double>getAs("p95_ms"), 1e-9);
    List<Row> failures = spark.sql(sql.get(2)).collectAsList();
    assertEquals("c", failures.get(0).getAs("factory_id"));
    assertEquals(2L, failures.get(0).<Long>getAs("failed"));
  }

  @Test
  void maintenanceCompactsAndRefusesAShortRetention() {
    LogMaintenance m = LogMaintenance.of(WriterSpark.session(), LogSettings.of(readerTarget));
    long before = reader.log().count();
    m.optimize();
    assertEquals(before, reader.log().count());
    assertEquals(
        WriterError.LOG_RETENTION_TOO_SHORT,
        assertThrows(LogException.class, () -> m.vacuum(java.time.Duration.ofHours(1))).id());
    m.vacuum();
    assertEquals(before, reader.log().count());
  }
}
