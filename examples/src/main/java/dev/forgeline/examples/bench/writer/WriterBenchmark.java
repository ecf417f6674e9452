package dev.forgeline.examples.bench.writer;

import static org.apache.spark.sql.functions.col;

import dev.forgeline.core.report.Phase;
import dev.forgeline.core.report.PipelineMetrics;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.examples.bench.Benchmark;
import dev.forgeline.examples.bench.Results;
import dev.forgeline.writer.LogWriter;
import dev.forgeline.writer.RunLog;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;

/**
 * The run log's costs and guarantees on local Spark with Delta: a 1,000-step report written by the
 * LogWriter against a plain Delta append of the same rows (alternating, same session), the median
 * time of small reports, 4 x 25 concurrent reports and replays.
 */
public final class WriterBenchmark implements Benchmark {
  private static final int BIG_STEPS = 1_000;
  private static final int TRIALS = 5;
  private static final int REFRESH_EVERY = 51; // pipeline-writer TxnAppend.MAX_LAG + 1
  private static final int SMALL_REPORTS = 20;
  private static final int THREADS = 4;
  private static final int PER_THREAD = 25;

  @Override
  public String name() {
    return "writer";
  }

  @Override
  public String description() {
    return "LogWriter vs plain Delta append (1,000 rows), small reports, 4x25 concurrent, replays";
  }

  @Override
  public void run(Results results, PrintStream log) throws Exception {
    Path root =
        Files.createDirectories(Path.of("target", "bench-writer", UUID.randomUUID().toString()));
    SparkSession spark = session();
    String logPath = root.resolve("log").toString();
    String rawPath = root.resolve("raw").toString();
    LogWriter writer = LogWriter.builder(spark).path(logPath).build();

    // Warm both paths (table creation, class loading, first commit) before timing.
    writer.write(report("warm", BIG_STEPS));
    Dataset<Row> prepared =
        spark
            .createDataFrame(RunLog.rows(report("raw", BIG_STEPS)), RunLog.SCHEMA.asNullable())
            .coalesce(1);
    prepared
        .write()
        .format("delta")
        .partitionBy(RunLog.RUN_DATE)
        .mode(SaveMode.Append)
        .save(rawPath);

    long[] logMs = new long[TRIALS];
    long[] rawMs = new long[TRIALS];
    for (int i = 0; i < TRIALS; i++) {
      PipelineReport r = report("big-" + i, BIG_STEPS);
      long t0 = System.nanoTime();
      writer.write(r);
      logMs[i] = (System.nanoTime() - t0) / 1_000_000;
      t0 = System.nanoTime();
      prepared.write().format("delta").mode(SaveMode.Append).save(rawPath);
      rawMs[i] = (System.nanoTime() - t0) / 1_000_000;
      log.printf("trial %d: LogWriter %d ms, raw append %d ms%n", i, logMs[i], rawMs[i]);
    }
    results.put("logwriter_over_raw_append", (double) median(logMs) / median(rawMs));
    // A writer looks its runs up in a cached table state (shared by the writers of a table in one
    // JVM) and recomputes it when it lags by more than 50 versions: time that computation (Delta's
    // state reconstruction of the newest version) and spread it over the versions it serves.
    long t1 = System.nanoTime();
    DeltaLog.forTable(spark, root.resolve("log").toAbsolutePath().toString())
        .update(false, Option.empty(), Option.empty())
        .transactions();
    long refreshMs = (System.nanoTime() - t1) / 1_000_000;
    log.printf("state computation of the newest log version: %d ms%n", refreshMs);
    results.put("logwriter_state_refresh_ms", refreshMs);
    results.put(
        "logwriter_over_raw_append_amortized",
        ((double) median(logMs) + (double) refreshMs / REFRESH_EVERY) / median(rawMs));

    long[] smallMs = new long[SMALL_REPORTS];
    for (int i = 0; i < SMALL_REPORTS; i++) {
      PipelineReport r = report("small-" + i, 10);
      long t0 = System.nanoTime();
      writer.write(r);
      smallMs[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    log.printf("small reports (10 steps): %s ms%n", Arrays.toString(smallMs));
    results.put("logwriter_small_report_ms", median(smallMs));

    String concurrentPath = root.resolve("concurrent").toString();
    long t0 = System.nanoTime();
    concurrent(spark, concurrentPath);
    log.printf(
        "%d x %d concurrent reports in %d ms%n",
        THREADS, PER_THREAD, (System.nanoTime() - t0) / 1_000_000);
    Dataset<Row> written =
        spark.read().format("delta").load(concurrentPath).filter(col("row_kind").equalTo("RUN"));
    results.put("concurrent_rows_expected", THREADS * PER_THREAD);
    results.put("concurrent_rows_written", written.select("run_id").distinct().count());

    long before = spark.read().format("delta").load(logPath).count();
    for (int i = 0; i < 3; i++) {
      writer.write(report("small-" + i, 10));
      LogWriter.builder(spark).path(logPath).build().write(report("big-" + i, BIG_STEPS));
    }
    long after = spark.read().format("delta").load(logPath).count();
    results.put("replay_duplicate_rows", after - before);
  }

  private static void concurrent(SparkSession spark, String path) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  LogWriter w = LogWriter.builder(spark).path(path).build();
                  start.await();
                  for (int i = 0; i < PER_THREAD; i++) {
                    w.write(report("c-" + thread + "-" + i, 10));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  static PipelineReport report(String runId, int steps) {
    Instant start = Instant.parse("2026-03-01T10:00:00Z");
    List<StepResult> results = new ArrayList<>(steps);
    for (int i = 0; i < steps; i++) {
      Instant s = start.plusMillis(i);
      results.add(
          StepResult.builder(
                  "step-" + i, "com.example.Step" + (i % 10), "stage-" + (i % 5), Status.SUCCESS)
              .start(s)
              .end(s.plusMillis(15))
              .phases(Map.of(Phase.READ, Duration.ofMillis(5), Phase.WRITE, Duration.ofMillis(10)))
              .attempts(1)
              .thread("forgeline-" + (i % 4))
              .rows((long) i * 100)
              .upstream(i == 0 ? List.of() : List.of("step-" + (i - 1)))
              .build());
    }
    Duration total = Duration.ofMillis(steps + 15L);
    return new PipelineReport(
        runId,
        "bench",
        start,
        start.plus(total),
        Status.SUCCESS,
        results,
        new PipelineMetrics(
            Map.of(Status.SUCCESS, steps),
            total,
            Duration.ofMillis(15),
            Duration.ofMillis(15L * steps)));
  }

  private static SparkSession session() {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("forgeline-writer-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    return spark;
  }
}
