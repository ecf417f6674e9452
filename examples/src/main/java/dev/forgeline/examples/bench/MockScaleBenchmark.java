package dev.forgeline.examples.bench;

import dev.forgeline.examples.bench.mock.ScaleShapes;
import dev.forgeline.examples.bench.mock.Sessions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The mock at scale ({@code examples/bench mock-scale}): six query shapes at 10k, 100k and 1M rows
 * timed on local Spark and on the mock in one JVM, and the heap a 1M-row mock dataset retains.
 *
 * <p>Each query builds its input from {@code range(n)} and collects its result, as a test does.
 * Every shape first runs once untimed on each backend at the smallest size (Spark compiles its
 * code, the mock loads its classes). Then, for each size, every shape runs {@value #TIMED_RUNS}
 * times timed on Spark (its best time counts), then, after a garbage collection and a pause, the
 * same on the mock session, so neither backend is charged for the other's garbage or background
 * compilation. The two results are compared (row count and, for ordered shapes, the leading rows).
 *
 * @since 0.1.0
 */
public final class MockScaleBenchmark implements Benchmark {

  static final long[] SIZES = {10_000, 100_000, 1_000_000};
  static final int TIMED_RUNS = 1;
  static final int FOOTPRINT_ROWS = 1_000_000;
  private static final long SETTLE_MS = 1500;

  @Override
  public String name() {
    return "mock-scale";
  }

  @Override
  public String description() {
    return "six query shapes at 10k, 100k and 1M rows on local Spark and on the mock; "
        + "worst mock/Spark time ratio and mock heap per row";
  }

  @Override
  public void run(Results results, PrintStream log) throws InterruptedException {
    SparkSession spark = Sessions.localSpark();
    SparkSession mock = Sessions.mock();
    // One untimed run of every shape on each backend, at the smallest size: Spark generates and
    // compiles each shape's code, the mock loads each operator's classes. Every timed query below
    // is then at least the second of its shape, as the issue measured, without a warm-up at 1M rows
    // (Spark's alone took minutes on the loaded machine).
    warmUp(spark, SIZES[0]);
    warmUp(mock, SIZES[0]);
    double worst = 0;
    String worstAt = "";
    for (long n : SIZES) {
      settle();
      Map<String, Timed> onSpark = timeAll(spark, n);
      settle();
      Map<String, Timed> onMock = timeAll(mock, n);
      for (ScaleShapes.Shape shape : ScaleShapes.all()) {
        Timed s = onSpark.get(shape.name());
        Timed m = onMock.get(shape.name());
        String mismatch = ScaleShapes.mismatch(shape, s.result, m.result);
        if (mismatch != null) {
          throw new IllegalStateException(
              "mock and Spark differ on " + shape.name() + " at " + n + " rows: " + mismatch);
        }
        String label = shape.name() + "_" + sizeLabel(n);
        double ratio = m.ms / s.ms;
        log.printf(
            Locale.ROOT,
            "%-22s mock %9.1f ms   spark %9.1f ms   ratio %.3f   (%d rows out)%n",
            label,
            m.ms,
            s.ms,
            ratio,
            m.result.size());
        results.put("mock_ms_" + label, m.ms);
        results.put("spark_ms_" + label, s.ms);
        if (ratio > worst) {
          worst = ratio;
          worstAt = label;
        }
      }
    }
    log.println("worst ratio at " + worstAt);
    results.put("mock_over_spark_max", worst);
    settle();
    results.put("mock_bytes_per_row", bytesPerRow(mock));
  }

  private static void warmUp(SparkSession session, long n) {
    for (ScaleShapes.Shape shape : ScaleShapes.all()) {
      shape.query().apply(session, n).collectAsList();
    }
  }

  private static Map<String, Timed> timeAll(SparkSession session, long n) {
    Map<String, Timed> out = new LinkedHashMap<>();
    for (ScaleShapes.Shape shape : ScaleShapes.all()) {
      List<Row> result = null;
      double[] ms = new double[TIMED_RUNS];
      for (int i = 0; i < TIMED_RUNS; i++) {
        long t0 = System.nanoTime();
        result = shape.query().apply(session, n).collectAsList();
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      out.put(shape.name(), new Timed(Arrays.stream(ms).min().orElseThrow(), result));
    }
    return out;
  }

  /**
   * The heap a materialized 1M-row, 5-column mock dataset retains: used heap after a GC with the
   * dataset reachable, minus used heap after a GC before it was built, per row.
   */
  private static double bytesPerRow(SparkSession mock) throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    settle();
    long before = memory.getHeapMemoryUsage().getUsed();
    // cache(): the mock streams uncached rows through count() without keeping them.
    Dataset<Row> data = ScaleShapes.fiveColumns(mock, FOOTPRINT_ROWS).cache();
    long count = data.count();
    settle();
    long after = memory.getHeapMemoryUsage().getUsed();
    Reference.reachabilityFence(data);
    if (count != FOOTPRINT_ROWS) {
      throw new IllegalStateException("footprint dataset has " + count + " rows");
    }
    return (after - before) / (double) FOOTPRINT_ROWS;
  }

  private static String sizeLabel(long n) {
    return n >= 1_000_000 ? (n / 1_000_000) + "m" : (n / 1000) + "k";
  }

  private static void settle() throws InterruptedException {
    System.gc();
    Thread.sleep(SETTLE_MS);
  }

  private record Timed(double ms, List<Row> result) {}
}
