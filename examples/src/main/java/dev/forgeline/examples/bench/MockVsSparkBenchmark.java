package dev.forgeline.examples.bench;

import dev.forgeline.examples.bench.mock.Sessions;
import dev.forgeline.mock.kit.ContractKit;
import dev.forgeline.mock.kit.KitCase;
import dev.forgeline.mock.kit.Outcome;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Times a suite of typical test programs (a stride sample of the contract kit's cases, gaps
 * excluded) on local Spark and on the mock in one run ({@code examples/bench mock-vs-spark}).
 *
 * <p>Each program runs once per backend, the way a test suite runs it: Spark on one shared
 * session (its first run of a query shape includes code generation, as in a real suite), the mock
 * on a fresh session per program. Session start is measured separately, and one trivial query
 * runs untimed on each backend before the suite. The main figures are the suite's first run
 * (one-off costs included on both sides: Spark's code generation per query shape, the mock's class
 * loading per feature); a second run of the same suite is reported as well.
 *
 * @since 0.1.0
 */
public final class MockVsSparkBenchmark implements Benchmark {

  /** How many programs the suite holds. */
  static final int SUITE_SIZE = 120;

  private static final int MOCK_STARTS = 50;

  @Override
  public String name() {
    return "mock-vs-spark";
  }

  @Override
  public String description() {
    return "a suite of " + SUITE_SIZE + " kit programs timed on local Spark and on the mock";
  }

  @Override
  public void run(Results results, PrintStream log) {
    long t0 = System.nanoTime();
    SparkSession spark = Sessions.localSpark();
    double sparkStart = millis(t0);

    Sessions.mock();
    double[] starts = new double[MOCK_STARTS];
    for (int i = 0; i < MOCK_STARTS; i++) {
      long s = System.nanoTime();
      Sessions.mock();
      starts[i] = millis(s);
    }
    Arrays.sort(starts);
    double mockStart = starts[MOCK_STARTS / 2];

    // One trivial query on each backend first, untimed on both sides: Spark's session start is
    // reported separately, and this keeps the mock's one-off class loading out of the suite too.
    spark.range(1).toDF().collectAsList();
    Sessions.mock().range(1).toDF().collectAsList();

    List<KitCase> suite = suite();
    log.printf("suite: %d programs from %d kit cases%n", suite.size(),
        ContractKit.cases().size());
    double sparkTotal = 0;
    double mockTotal = 0;
    int same = 0;
    List<String> slowest = new ArrayList<>();
    for (KitCase c : suite) {
      long s = System.nanoTime();
      Outcome onSpark = ContractKit.run(c, spark);
      double sparkMs = millis(s);
      sparkTotal += sparkMs;
      long m = System.nanoTime();
      Outcome onMock = ContractKit.run(c, Sessions.mock());
      double mockMs = millis(m);
      mockTotal += mockMs;
      slowest.add(String.format(java.util.Locale.ROOT, "%9.3f ms mock, %9.3f ms spark  %s",
          mockMs, sparkMs, c.id()));
      if (ContractKit.differences(c, onSpark, onMock).isEmpty()) {
        same++;
      } else {
        log.println("  differs: " + c.id());
      }
    }
    slowest.sort(java.util.Comparator.reverseOrder());
    log.println("slowest programs on the mock:");
    slowest.stream().limit(8).forEach(l -> log.println("  " + l));
    results.put("spark_session_start_ms", sparkStart);
    results.put("mock_session_start_ms", mockStart);
    results.put("spark_suite_ms", sparkTotal);
    results.put("mock_suite_ms", mockTotal);
    results.put("mock_suite_speedup", sparkTotal / Math.max(mockTotal, 1e-3));
    results.put("suite_programs", suite.size());
    results.put("suite_programs_same_outcome", same);

    // The same suite again on both backends: the steady state a longer test suite converges to,
    // once Spark has generated code for these shapes and the mock's classes are loaded and JIT-ed.
    double sparkAgain = 0;
    double mockAgain = 0;
    for (KitCase c : suite) {
      long s = System.nanoTime();
      ContractKit.run(c, spark);
      sparkAgain += millis(s);
      long m = System.nanoTime();
      ContractKit.run(c, Sessions.mock());
      mockAgain += millis(m);
    }
    results.put("spark_suite_second_run_ms", sparkAgain);
    results.put("mock_suite_second_run_ms", mockAgain);
    results.put("mock_suite_second_run_speedup", sparkAgain / Math.max(mockAgain, 1e-3));
  }

  /** Every n-th case that is not a known gap, so every area is represented. */
  static List<KitCase> suite() {
    Map<String, String> gaps = ContractKit.knownGaps();
    List<KitCase> eligible = ContractKit.cases().stream()
        .filter(c -> !gaps.containsKey(c.id()))
        .toList();
    List<KitCase> picked = new ArrayList<>();
    double stride = Math.max(1.0, eligible.size() / (double) SUITE_SIZE);
    for (double i = 0; i < eligible.size() && picked.size() < SUITE_SIZE; i += stride) {
      picked.add(eligible.get((int) i));
    }
    return picked;
  }

  private static double millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
