package dev.forgeline.writer;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.core.report.ErrorInfo;
import dev.forgeline.core.report.Phase;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The writer's behaviour, run on each backend: {@link LogWriterTest} on local Spark with real
 * Delta, {@link LogWriterOnMockTest} on the mock.
 */
abstract class LogWriterContract {
  final WriterBackend backend = backend();
  final SparkSession spark = backend.session();

  abstract WriterBackend backend();

  private Dataset<Row> read(String path) {
    return spark.read().format("delta").load(path);
  }

  private static Row only(Dataset<Row> rows) {
    List<Row> list = rows.collectAsList();
    assertEquals(1, list.size(), "rows: " + list);
    return list.get(0);
  }

  @Test
  void roundTripOfAReportWithEveryStatus() {
    String path = WriterSpark.freshPath("every");
    PipelineReport report =
        Reports.report("run-every", "shop", Reports.T0, Reports.everyStatus(Reports.T0));
    LogWriter.builder(spark).path(path).build().write(report);

    Dataset<Row> log = read(path);
    assertEquals(6, log.count());
    Row run = only(log.filter(col("row_kind").equalTo("RUN")));
    assertEquals("run-every", run.getAs("run_id"));
    assertEquals("FAILED", run.getAs("run_status"));
    assertEquals(5, (int) run.<Integer>getAs("steps_total"));
    assertEquals(1, (int) run.<Integer>getAs("steps_succeeded"));
    assertEquals(1, (int) run.<Integer>getAs("steps_failed"));
    assertEquals(1, (int) run.<Integer>getAs("steps_skipped"));
    assertEquals(1, (int) run.<Integer>getAs("steps_cached"));
    assertEquals(1, (int) run.<Integer>getAs("steps_cancelled"));
    assertNull(run.getAs("factory_id"), "the RUN row has no step columns");
    assertEquals(java.sql.Date.valueOf("2026-03-01"), run.getAs("run_date"));
    assertEquals(report.duration().toMillis(), (long) run.<Long>getAs("run_duration_ms"));
    assertEquals("prod", run.getAs("environment"));
    assertEquals("0.1.0-test", run.getAs("forgeline_version"));
    assertEquals("4.1.3", run.getAs("spark_version"));
    assertEquals("local-1234", run.getAs("spark_app_id"));
    assertEquals("abc123", run.getAs("config_hash"));
    assertEquals(Map.of("trigger", "schedule"), run.getJavaMap(run.fieldIndex("metadata")));

    Row ok = only(log.filter(col("factory_id").equalTo("ok")));
    assertEquals("SUCCESS", ok.getAs("status"));
    assertEquals(1_000L, (long) ok.<Long>getAs("rows"));
    assertEquals(120L, (long) ok.<Long>getAs("duration_ms"));
    assertEquals(60L, (long) ok.<Long>getAs("read_ms"));
    assertNull(ok.getAs("process_ms"), "a phase that did not run is null, not 0");
    assertNull(ok.getAs("error_id"));
    assertEquals("MISS", ok.getAs("cache_status"));
    assertEquals("key-ok", ok.getAs("cache_key"));
    assertTrue(ok.getList(ok.fieldIndex("upstream")).isEmpty());
    assertNull(ok.getAs("valid_rows"), "a step that was not validated has no validation figures");
    assertNull(ok.getAs("metadata"));
    assertNull(ok.getAs("rows_written"));

    Row broken = only(log.filter(col("factory_id").equalTo("broken")));
    assertEquals("FAILED", broken.getAs("status"));
    assertEquals("StepFailed", broken.getAs("error_id"));
    assertEquals("WRITE", broken.getAs("error_phase"));
    assertEquals(IllegalStateException.class.getName(), broken.getAs("error_class"));
    assertEquals("sink full", broken.getAs("error_message"));
    assertTrue(
        broken.<String>getAs("error_stack").contains("LogWriterTest")
            || broken.<String>getAs("error_stack").contains("Reports"));
    assertEquals(3, (int) broken.<Integer>getAs("attempts"));
    assertNull(broken.getAs("rows"), "unknown rows are null, never 0");
    assertEquals(List.of("ok"), broken.getList(broken.fieldIndex("upstream")));
    assertEquals(1_000L, (long) broken.<Long>getAs("validated_rows"));
    assertEquals(990L, (long) broken.<Long>getAs("valid_rows"));
    assertEquals(10L, (long) broken.<Long>getAs("invalid_rows"));
    assertEquals(0.99, broken.<Double>getAs("pass_rate"), 0.0);
    assertEquals(List.of("amount_positive"), broken.getList(broken.fieldIndex("failed_rules")));
    assertEquals(
        Map.of("amount_positive", 10L, "id_not_null", 0L),
        broken.getJavaMap(broken.fieldIndex("failures_by_rule")));
    assertEquals(Map.of("owner", "team-a"), broken.getJavaMap(broken.fieldIndex("metadata")));

    Row skipped = only(log.filter(col("factory_id").equalTo("after")));
    assertEquals("SKIPPED", skipped.getAs("status"));
    assertEquals("input [broken] failed", skipped.getAs("reason"));
    assertNull(skipped.getAs("step_start"));
    assertNull(skipped.getAs("duration_ms"));
    assertEquals(0, (int) skipped.<Integer>getAs("attempts"));

    Row cached = only(log.filter(col("factory_id").equalTo("cached")));
    assertEquals("CACHED", cached.getAs("status"));
    assertEquals("HIT", cached.getAs("cache_status"));
    assertEquals("key-123", cached.getAs("cache_key"));

    Row cancelled = only(log.filter(col("factory_id").equalTo("slow")));
    assertEquals("CANCELLED", cancelled.getAs("status"));
    assertEquals("Cancelled", cancelled.getAs("error_id"));
    assertNull(cancelled.getAs("error_stack"), "an engine error has no stack trace");
    assertEquals(4, (int) cancelled.<Integer>getAs("step_index"));
    assertEquals(40L, (long) cancelled.<Long>getAs("rows_written"));
    assertEquals(
        Map.of("/data/silver/orders", 7L),
        cancelled.getJavaMap(cancelled.fieldIndex("table_versions")));
  }

  @Test
  void replayingAReportAddsNothingFromTheSameOrAnotherWriter() {
    String path = WriterSpark.freshPath("replay");
    PipelineReport report = Reports.successful("run-replay", "shop", Reports.T0, 3);
    LogWriter first = LogWriter.builder(spark).path(path).build();
    first.write(report);
    long version = backend.version(path);

    first.write(report);
    // A new writer stands for another process, or this one restarted after a crash that came
    // between Delta's commit and the acknowledgement.
    LogWriter.builder(spark).path(path).build().write(report);

    assertEquals(4, read(path).count());
    assertEquals(version, backend.version(path));
  }

  @Test
  void fourThreadsWritingTwentyFiveReportsEachGiveExactlyOneHundredRuns() throws Exception {
    String path = WriterSpark.freshPath("concurrent");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CyclicBarrier start = new CyclicBarrier(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  LogWriter w = LogWriter.builder(spark).path(path).build();
                  start.await();
                  for (int i = 0; i < 25; i++) {
                    w.write(Reports.successful("run-" + thread + "-" + i, "shop", Reports.T0, 2));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(20, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    Dataset<Row> log = read(path);
    assertEquals(100, log.filter(col("row_kind").equalTo("RUN")).count());
    assertEquals(100, log.select("run_id").distinct().count());
    assertEquals(300, log.count());
    assertEquals(300, log.select("run_id", "row_kind", "step_index").distinct().count());
  }

  @Test
  void twoWritersCreatingTheTableAtOnceBothSucceed() throws Exception {
    String path = WriterSpark.freshPath("race");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier start = new CyclicBarrier(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        String run = "race-" + t;
        done.add(
            pool.submit(
                () -> {
                  LogWriter w = LogWriter.builder(spark).path(path).build();
                  start.await();
                  return w.write(Reports.successful(run, "shop", Reports.T0, 1));
                }));
      }
      for (Future<?> f : done) {
        f.get(20, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Row> runs =
        read(path).filter(col("row_kind").equalTo("RUN")).orderBy("run_id").collectAsList();
    assertEquals(
        List.of("race-0", "race-1"), runs.stream().map(r -> r.<String>getAs("run_id")).toList());
  }

  @Test
  void aReportWithFiveThousandStepsIsOneCommit() {
    String path = WriterSpark.freshPath("big");
    LogWriter w = LogWriter.builder(spark).path(path).build();
    w.write(Reports.successful("small", "shop", Reports.T0, 1));
    long before = backend.version(path);
    w.write(Reports.successful("big", "shop", Reports.T0, 5_000));
    assertEquals(before + 1, backend.version(path));
    assertEquals(5_001, read(path).filter(col("run_id").equalTo("big")).count());
  }

  @Test
  void hugeMessagesAndStackTracesAreCutToTheDocumentedLimits() {
    String path = WriterSpark.freshPath("huge");
    StepResult huge =
        StepResult.builder("huge", "com.example.Huge", "stage", Status.FAILED)
            .start(Reports.T0)
            .end(Reports.T0.plusMillis(1))
            .attempts(1)
            .error(
                new ErrorInfo(
                    "StepFailed",
                    Phase.READ,
                    "java.lang.Error",
                    "m".repeat(1_000_000),
                    "s".repeat(5_000_000)))
            .build();
    LogWriter.builder(spark)
        .path(path)
        .build()
        .write(Reports.report("huge", "shop", Reports.T0, List.of(huge)));
    Row row = only(read(path).filter(col("factory_id").equalTo("huge")));
    String message = row.getAs("error_message");
    String stack = row.getAs("error_stack");
    assertEquals(Flattener.MAX_MESSAGE, message.length());
    // ErrorInfo caps a message itself first; the writer cuts what it received to its own limit
    // and names the length it received.
    String received = huge.error().message();
    int kept = message.indexOf("... [truncated ");
    assertTrue(kept > 0, message.substring(4_000));
    assertEquals(
        received.substring(0, kept) + "... [truncated " + received.length() + " chars]", message);
    assertEquals(Flattener.MAX_STACK, stack.length());
    assertTrue(stack.startsWith("sssss"));
  }

  @Test
  void anOlderTableGainsTheNewColumnsWithoutRewritingItsRows() {
    String path = WriterSpark.freshPath("older");
    // The older version: the same schema without the validation, cache and metadata columns.
    List<String> newer =
        List.of(
            "validated_rows",
            "valid_rows",
            "invalid_rows",
            "pass_rate",
            "failed_rules",
            "failures_by_rule",
            "cache_status",
            "cache_key",
            "metadata");
    PipelineReport old = Reports.successful("old-run", "shop", Reports.T0, 2);
    Dataset<Row> oldRows =
        spark
            .createDataFrame(RunLog.rows(old), LogWriter.WRITE_SCHEMA)
            .drop(newer.toArray(String[]::new));
    oldRows.write().format("delta").partitionBy("run_date").save(path);
    List<Row> before = read(path).orderBy("row_kind", "step_index").collectAsList();

    LogWriter.builder(spark)
        .path(path)
        .build()
        .write(Reports.report("new-run", "shop", Reports.T0, Reports.everyStatus(Reports.T0)));

    Dataset<Row> log = read(path);
    for (String c : newer) {
      assertTrue(List.of(log.columns()).contains(c), c);
    }
    Dataset<Row> oldNow = log.filter(col("run_id").equalTo("old-run"));
    assertEquals(
        before,
        oldNow
            .drop(newer.toArray(String[]::new))
            .orderBy("row_kind", "step_index")
            .collectAsList());
    assertEquals(
        3, oldNow.filter(col("cache_status").isNull().and(col("metadata").isNull())).count());
    assertEquals(
        "HIT",
        only(log.filter(col("factory_id").equalTo("cached").and(col("run_id").equalTo("new-run"))))
            .getAs("cache_status"));
  }

  @Test
  void anIncompatibleTableIsRefusedShowingBothSchemasAndNothingIsWritten() {
    String path = WriterSpark.freshPath("incompatible");
    spark
        .createDataFrame(
            RunLog.rows(Reports.successful("old", "shop", Reports.T0, 1)), LogWriter.WRITE_SCHEMA)
        .withColumn("rows", col("rows").cast("string"))
        .write()
        .format("delta")
        .partitionBy("run_date")
        .save(path);
    long version = backend.version(path);

    LogException e =
        assertThrows(
            LogException.class,
            () ->
                LogWriter.builder(spark)
                    .path(path)
                    .build()
                    .write(Reports.successful("new", "shop", Reports.T0, 1)));

    assertEquals(WriterError.LOG_SCHEMA_INCOMPATIBLE, e.id());
    assertTrue(
        e.getMessage().contains("column rows: the table has string, the log writes bigint"),
        e.getMessage());
    assertTrue(e.getMessage().contains("the table's schema:\n    root\n"), e.getMessage());
    assertTrue(e.getMessage().contains("the log's schema (version 1):"), e.getMessage());
    assertTrue(e.getMessage().contains("|-- rows: string"), e.getMessage());
    assertTrue(e.getMessage().contains("|-- rows: long"), e.getMessage());
    assertEquals(version, backend.version(path));
  }

  @Test
  void aPathHoldingSomethingElseIsRefusedAndNothingIsWritten() throws Exception {
    Path dir = Path.of(WriterSpark.freshPath("notdelta"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("orders.csv"), "id,amount\n1,2\n");

    LogException e =
        assertThrows(
            LogException.class,
            () ->
                LogWriter.builder(spark)
                    .path(dir.toString())
                    .build()
                    .write(Reports.successful("r", "shop", Reports.T0, 1)));

    assertEquals(WriterError.LOG_NOT_DELTA, e.id());
    assertTrue(e.getMessage().contains("found: orders.csv"), e.getMessage());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("orders.csv")), files.toList());
    }
  }
}
