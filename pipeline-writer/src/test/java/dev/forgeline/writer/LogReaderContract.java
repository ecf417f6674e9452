package dev.forgeline.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reader's queries on a seeded history, checked against figures computed here; run on each
 * backend ({@link LogReaderTest} on local Spark with Delta, {@link LogReaderOnMockTest} on the
 * mock).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LogReaderContract {
  static final long[] A_MS = {100, 120, 90, 300, 110, 105, 95, 130, 115, 2_000};
  static final long[] B_ROWS = {1_000, 1_010, 990, 1_000, 1_005, 995, 1_000, 1_002, 998, 10};
  static final boolean[] C_FAILED = {
    false, false, true, false, false, true, false, false, false, false
  };
  static final int RUNS = A_MS.length;

  final WriterBackend backend = backend();
  LogReader reader;
  LogTarget readerTarget;

  abstract WriterBackend backend();

  @BeforeAll
  void seed() {
    SparkSession spark = backend.session();
    readerTarget = LogTarget.path(WriterSpark.freshPath("history"));
    LogWriter w = LogWriter.builder(spark).settings(LogSettings.of(readerTarget)).build();
    for (int i = 0; i < RUNS; i++) {
      Instant t = Reports.T0.plusSeconds(3_600L * i);
      List<StepResult> steps = new ArrayList<>();
      steps.add(Reports.step("a", Status.SUCCESS, t, A_MS[i], 5L));
      steps.add(Reports.step("b", Status.SUCCESS, t, 50, B_ROWS[i]));
      steps.add(Reports.step("c", C_FAILED[i] ? Status.FAILED : Status.SUCCESS, t, 20, null));
      w.write(Reports.report("trend-" + i, "trend", t, steps));
      // Another pipeline, interleaved, that no query about "trend" may see.
      w.write(Reports.successful("other-" + i, "other", t.plusSeconds(60), 1));
    }
    reader = w.reader();
  }

  /** The exact percentile with linear interpolation between closest ranks. */
  static double percentile(long[] values, double p) {
    long[] v = values.clone();
    Arrays.sort(v);
    double pos = p * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
  }

  static long[] last(long[] values, int n, int skip) {
    return Arrays.copyOfRange(values, values.length - n - skip, values.length - skip);
  }

  static Row step(List<Row> rows, String id) {
    return rows.stream().filter(r -> r.getAs("factory_id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  void historyIsTheRunRowsOfOnePipelineNewestFirst() {
    List<Row> runs = reader.history("trend").collectAsList();
    assertEquals(RUNS, runs.size());
    assertEquals("trend-9", runs.get(0).getAs("run_id"));
    assertEquals("trend-0", runs.get(RUNS - 1).getAs("run_id"));
    long failed = runs.stream().filter(r -> "FAILED".equals(r.getAs("run_status"))).count();
    assertEquals(2, failed);
  }

  @Test
  void lastRunsAcrossPipelinesAndForOne() {
    assertEquals(
        List.of("other-9", "trend-9", "other-8"),
        reader.lastRuns(3).collectAsList().stream().map(r -> r.<String>getAs("run_id")).toList());
    assertEquals(
        List.of("trend-9", "trend-8"),
        reader.lastRuns("trend", 2).collectAsList().stream()
            .map(r -> r.<String>getAs("run_id"))
            .toList());
  }

  @Test
  void durationTrendsAreTheMedianAndP95OverTheWindow() {
    for (int window : new int[] {4, RUNS}) {
      List<Row> rows = reader.durationTrends("trend", window).collectAsList();
      assertEquals(3, rows.size());
      Row a = step(rows, "a");
      long[] seen = last(A_MS, window, 0);
      assertEquals(window, a.<Long>getAs("runs"));
      assertEquals(percentile(seen, 0.5), a.<Double>getAs("median_ms"), 1e-9);
      assertEquals(percentile(seen, 0.95), a.<Double>getAs("p95_ms"), 1e-9);
      assertEquals(Arrays.stream(seen).max().orElseThrow(), a.<Long>getAs("max_ms"));
    }
  }

  @Test
  void failureRatesCountFailedStepsOverTheWindow() {
    Row c = step(reader.failureRates("trend", RUNS).collectAsList(), "c");
    assertEquals(RUNS, c.<Long>getAs("runs"));
    assertEquals(2L, c.<Long>getAs("failed"));
    assertEquals(2.0 / RUNS, c.<Double>getAs("failure_rate"), 1e-12);
    Row c5 = step(reader.failureRates("trend", 5).collectAsList(), "c");
    assertEquals(0.2, c5.<Double>getAs("failure_rate"), 1e-12);
    assertEquals(
        0.0,
        step(reader.failureRates("trend", RUNS).collectAsList(), "a")
            .<Double>getAs("failure_rate"));
  }

  @Test
  void anomaliesAreTheLatestStepsThatLeaveTheirOwnHistory() {
    List<Row> found = reader.anomalies("trend", 9, 3.0).collectAsList();
    assertEquals(2, found.size(), found.toString());
    Row slow = found.get(0);
    assertEquals("a", slow.getAs("factory_id"));
    assertEquals("duration_ms", slow.getAs("metric"));
    double medianA = percentile(last(A_MS, 9, 1), 0.5);
    assertEquals(medianA, slow.<Double>getAs("median"), 1e-9);
    assertEquals(2_000 / medianA, slow.<Double>getAs("ratio"), 1e-9);
    Row few = found.get(1);
    assertEquals("b", few.getAs("factory_id"));
    assertEquals("rows", few.getAs("metric"));
    assertEquals(percentile(last(B_ROWS, 9, 1), 0.5), few.<Double>getAs("median"), 1e-9);
    assertEquals("trend-9", few.getAs("run_id"));
    // A generous factor lets the slow step pass but not a hundredfold drop in rows.
    assertEquals(1, reader.anomalies("trend", 9, 50.0).count());
  }

  @Test
  void badArgumentsAndAMissingLogAreClearErrors() {
    assertEquals(
        WriterError.LOG_CONFIG, assertThrows(LogException.class, () -> reader.lastRuns(0)).id());
    assertEquals(
        WriterError.LOG_CONFIG,
        assertThrows(LogException.class, () -> reader.anomalies("trend", 5, 1.0)).id());
    LogReader none =
        LogReader.open(backend.session(), LogTarget.path(WriterSpark.freshPath("none")));
    assertEquals(WriterError.LOG_TABLE_MISSING, assertThrows(LogException.class, none::log).id());
  }
}
