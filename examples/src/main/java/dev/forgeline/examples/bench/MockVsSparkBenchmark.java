package dev.forgeline.examples.bench;

import static org.apache.spark.sql.functions.col;

import dev.forgeline.examples.bench.mock.MedallionRun;
import dev.forgeline.examples.bench.mock.Sessions;
import dev.forgeline.mock.kit.ContractKit;
import dev.forgeline.mock.kit.KitCase;
import dev.forgeline.mock.kit.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Times a suite of typical test programs (a stride sample of the contract kit's cases, gaps
 * excluded) on local Spark and on the mock ({@code examples/bench mock-vs-spark}).
 *
 * <p>A suite's first run is a cold-start measurement, so it can be taken once per JVM: the
 * benchmark runs {@value #DEFAULT_TRIALS} trials, each in a fresh JVM with the same options, and
 * reports the median of each figure (and the spread of the speedup). A trial times both backends
 * the way a test suite runs them: Spark on one shared session (its first run of a query shape
 * includes code generation), the mock on a fresh session per program. One small select-and-filter
 * query runs untimed on each backend first. It times the whole suite on Spark, then, after a
 * garbage collection and a pause that let Spark's background work (JIT compilation of its generated
 * code, collection of its garbage) finish, the whole suite on the mock, so that neither backend is
 * charged for the other's leftovers. Session start is measured separately. The same suite then runs
 * a second time on both.
 *
 * @since 0.1.0
 */
public final class MockVsSparkBenchmark implements Benchmark {

  /** How many programs the suite holds. */
  static final int SUITE_SIZE = 120;

  /**
   * Trials run by default; the system property {@code forgeline.bench.trials} changes it ({@code
   * mvn -pl examples exec:exec@bench -Dbench.name=mock-vs-spark -Dbench.trials=N}).
   */
  static final int DEFAULT_TRIALS = 5;

  /** Set in a trial's JVM. */
  static final String TRIAL_PROPERTY = "forgeline.bench.trial";

  private static final int MOCK_STARTS = 50;
  private static final long SETTLE_MS = 2000;

  @Override
  public String name() {
    return "mock-vs-spark";
  }

  @Override
  public String description() {
    return "a suite of "
        + SUITE_SIZE
        + " kit programs timed on local Spark and on the mock, "
        + "median of "
        + DEFAULT_TRIALS
        + " fresh JVMs";
  }

  @Override
  public void run(Results results, PrintStream log) throws Exception {
    if (Boolean.getBoolean(TRIAL_PROPERTY)) {
      trial(results, log);
      return;
    }
    int trials = Integer.getInteger("forgeline.bench.trials", DEFAULT_TRIALS);
    if (trials < 1) {
      throw new IllegalArgumentException(
          "forgeline.bench.trials must be at least 1, was " + trials);
    }
    List<Map<String, Double>> figures = new ArrayList<>();
    for (int i = 1; i <= trials; i++) {
      Path trialLog = Path.of("target", "mock-vs-spark-trial-" + i + ".log").toAbsolutePath();
      Map<String, Double> f = fork(trialLog);
      figures.add(f);
      log.printf(
          Locale.ROOT,
          "trial %d of %d: speedup %.1f (spark %.0f ms, mock %.1f ms); "
              + "second run %.1f; medallion %.1f (spark %.0f ms, mock %.0f ms); log %s%n",
          i,
          trials,
          f.get("mock_suite_speedup"),
          f.get("spark_suite_ms"),
          f.get("mock_suite_ms"),
          f.get("mock_suite_second_run_speedup"),
          f.get("medallion_speedup"),
          f.get("medallion_spark_ms"),
          f.get("medallion_mock_ms"),
          trialLog);
    }
    for (String key : figures.get(0).keySet()) {
      results.put(key, median(figures, key));
    }
    results.put(
        "mock_suite_speedup_min",
        figures.stream().mapToDouble(f -> f.get("mock_suite_speedup")).min().orElseThrow());
    results.put(
        "mock_suite_speedup_max",
        figures.stream().mapToDouble(f -> f.get("mock_suite_speedup")).max().orElseThrow());
    results.put("trials", trials);
  }

  /** Runs one trial in a new JVM (same java, options and class path) and reads its figures. */
  private Map<String, Double> fork(Path trialLog) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-D" + TRIAL_PROPERTY + "=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Bench.class.getName());
    command.add(name());
    Files.createDirectories(trialLog.getParent());
    Process p = new ProcessBuilder(command).redirectError(trialLog.toFile()).start();
    Map<String, Double> figures = new LinkedHashMap<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("RESULT ")) {
          String[] kv = line.substring("RESULT ".length()).split("=", 2);
          figures.put(kv[0], Double.parseDouble(kv[1]));
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0 || !figures.containsKey("mock_suite_speedup")) {
      throw new IllegalStateException(
          "trial JVM exited with "
              + exit
              + " and printed "
              + figures.keySet()
              + "; see "
              + trialLog);
    }
    return figures;
  }

  private static double median(List<Map<String, Double>> figures, String key) {
    double[] values = figures.stream().mapToDouble(f -> f.get(key)).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  /** One trial: both backends, first and second run, in this JVM. */
  private void trial(Results results, PrintStream log) throws InterruptedException {
    long t0 = System.nanoTime();
    SparkSession spark = Sessions.localSpark();
    double sparkStart = millis(t0);

    long m0 = System.nanoTime();
    Sessions.mock();
    double mockFirstSession = millis(m0);
    double[] starts = new double[MOCK_STARTS];
    for (int i = 0; i < MOCK_STARTS; i++) {
      long s = System.nanoTime();
      Sessions.mock();
      starts[i] = millis(s);
    }
    Arrays.sort(starts);
    double mockStart = starts[MOCK_STARTS / 2];

    // One small query on each backend first, untimed on both sides (session start is reported
    // separately): it loads each engine's core, its analyzer, projection, filter and collect
    // paths, so the suite charges each backend only for what its programs use beyond that.
    warmUp(spark);
    warmUp(Sessions.mock());

    List<KitCase> suite = suite();
    log.printf("suite: %d programs from %d kit cases%n", suite.size(), ContractKit.cases().size());
    settle();
    List<Outcome> onSpark = new ArrayList<>();
    double[] sparkMs = time(suite, () -> spark, onSpark);
    settle();
    List<Outcome> onMock = new ArrayList<>();
    double[] mockMs = time(suite, Sessions::mock, onMock);
    int same = 0;
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < suite.size(); i++) {
      KitCase c = suite.get(i);
      if (ContractKit.differences(c, onSpark.get(i), onMock.get(i)).isEmpty()) {
        same++;
      } else {
        log.println("  differs: " + c.id());
      }
      lines.add(
          String.format(
              Locale.ROOT, "%9.3f ms mock, %9.3f ms spark  %s", mockMs[i], sparkMs[i], c.id()));
    }
    lines.sort(Comparator.reverseOrder());
    log.println("slowest programs on the mock:");
    lines.stream().limit(8).forEach(l -> log.println("  " + l));

    double sparkTotal = Arrays.stream(sparkMs).sum();
    double mockTotal = Arrays.stream(mockMs).sum();
    results.put("spark_session_start_ms", sparkStart);
    results.put("mock_first_session_ms", mockFirstSession);
    results.put("mock_session_start_ms", mockStart);
    results.put("spark_suite_ms", sparkTotal);
    results.put("mock_suite_ms", mockTotal);
    results.put("mock_suite_speedup", sparkTotal / Math.max(mockTotal, 1e-3));
    results.put("suite_programs", suite.size());
    results.put("suite_programs_same_outcome", same);

    // The same suite again on both backends: closer to the steady state a longer test suite
    // reaches once Spark has generated code for these shapes and the mock's code is compiled.
    settle();
    double sparkAgain = Arrays.stream(time(suite, () -> spark, new ArrayList<>())).sum();
    settle();
    double mockAgain = Arrays.stream(time(suite, Sessions::mock, new ArrayList<>())).sum();
    results.put("spark_suite_second_run_ms", sparkAgain);
    results.put("mock_suite_second_run_ms", mockAgain);
    results.put("mock_suite_second_run_speedup", sparkAgain / Math.max(mockAgain, 1e-3));

    // The medallion pipeline end to end (CSV in, Delta tables out, the repository's upsert),
    // through its command-line path, once on each backend; both must compute the same gold rows.
    Path runs = Path.of("target", "mock-vs-spark-medallion").toAbsolutePath();
    Path sparkOut = runs.resolve("spark-" + System.nanoTime());
    Path mockOut = runs.resolve("mock-" + System.nanoTime());
    settle();
    double medallionSpark = MedallionRun.run(spark, sparkOut);
    settle();
    SparkSession mock = Sessions.mock();
    double medallionMock = MedallionRun.run(mock, mockOut);
    if (!MedallionRun.gold(spark, sparkOut).equals(MedallionRun.gold(mock, mockOut))) {
      throw new IllegalStateException("the medallion gold tables differ between the backends");
    }
    results.put("medallion_spark_ms", medallionSpark);
    results.put("medallion_mock_ms", medallionMock);
    results.put("medallion_speedup", medallionSpark / Math.max(medallionMock, 1e-3));
  }

  private static void warmUp(SparkSession session) {
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("name", DataTypes.StringType, true);
    session
        .createDataFrame(List.of(RowFactory.create(1, "a"), RowFactory.create(2, null)), schema)
        .select(col("id").plus(1).as("next"), col("name"))
        .filter(col("next").gt(1))
        .collectAsList();
  }

  /**
   * Runs every program of the suite once, each on the session {@code session} supplies (Spark's
   * shared one, or a fresh mock), adding the outcomes to {@code outcomes}.
   *
   * @return each program's time in milliseconds
   */
  private static double[] time(
      List<KitCase> suite, Supplier<SparkSession> session, List<Outcome> outcomes) {
    double[] ms = new double[suite.size()];
    for (int i = 0; i < suite.size(); i++) {
      long s = System.nanoTime();
      outcomes.add(ContractKit.run(suite.get(i), session.get()));
      ms[i] = millis(s);
    }
    return ms;
  }

  /** Lets the previous phase's garbage collection and JIT compilation finish before timing. */
  private static void settle() throws InterruptedException {
    System.gc();
    Thread.sleep(SETTLE_MS);
  }

  /**
   * Every n-th case that is not a known gap, so every area is represented; the file and Delta cases
   * are left out (they write to disk, and the medallion run measures that path), so the suite's
   * figure stays comparable with earlier runs.
   */
  static List<KitCase> suite() {
    Map<String, String> gaps = ContractKit.knownGaps();
    List<KitCase> eligible =
        ContractKit.cases().stream()
            .filter(c -> !gaps.containsKey(c.id()))
            .filter(c -> !c.area().startsWith("files-") && !c.area().equals("delta"))
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
