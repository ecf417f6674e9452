package dev.forgeline.mock.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.mock.MockHeapExhaustedException;
import dev.forgeline.mock.MockSparkSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.junit.jupiter.api.Test;

/**
 * A join, sort or window whose input does not fit in the heap fails with {@link
 * MockHeapExhaustedException} naming the operation and the row count: through an injected heap
 * limit (the estimate path), and in a forked JVM with a really small heap (the out-of-memory path).
 */
class HeapGuardTest {
  private static final long ONE_MB = 1L << 20;

  private final SparkSession spark = MockSparkSession.builder().build();

  @Test
  void sortOverTheInjectedLimit_failsNamingSortAndRowCount() {
    Dataset<Row> sorted = spark.range(100_000).toDF().orderBy(col("id").desc());
    MockHeapExhaustedException e =
        assertThrows(
            MockHeapExhaustedException.class,
            () -> HeapGuard.withLimit(ONE_MB, sorted::collectAsList));
    assertEquals("sort", e.operation());
    assertEquals(100_000, e.rows());
    assertEquals(ONE_MB, e.heapMaxBytes());
    assertNull(e.getCause());
    assertTrue(
        e.getMessage().startsWith("[MOCK_HEAP_EXHAUSTED] sort of 100,000 input rows"),
        e.getMessage());
    assertTrue(e.getMessage().contains("Hint:"), e.getMessage());
    // The same query fits the real heap.
    assertEquals(99_999L, sorted.collectAsList().get(0).getLong(0));
  }

  @Test
  void joinWhoseBuildSideExceedsTheLimit_failsNamingTheJoinAndSide() {
    Dataset<Row> big = spark.range(50_000).toDF("k");
    Dataset<Row> small = spark.range(10).toDF("j");
    Dataset<Row> joined = small.join(big, small.col("j").equalTo(big.col("k")), "left");
    MockHeapExhaustedException e =
        assertThrows(
            MockHeapExhaustedException.class,
            () -> HeapGuard.withLimit(ONE_MB, joined::collectAsList));
    assertEquals("left join (right side)", e.operation());
    assertEquals(50_000, e.rows());
    assertEquals(10, joined.collectAsList().size());
  }

  @Test
  void rightJoinIndexesTheLeftSide() {
    Dataset<Row> big = spark.range(50_000).toDF("k");
    Dataset<Row> small = spark.range(10).toDF("j");
    Dataset<Row> joined = big.join(small, big.col("k").equalTo(small.col("j")), "right");
    MockHeapExhaustedException e =
        assertThrows(
            MockHeapExhaustedException.class,
            () -> HeapGuard.withLimit(ONE_MB, joined::collectAsList));
    assertEquals("right join (left side)", e.operation());
    assertEquals(50_000, e.rows());
  }

  @Test
  void windowOverTheLimit_failsNamingTheWindow() {
    Dataset<Row> ranked =
        spark
            .range(100_000)
            .withColumn(
                "rn", row_number().over(Window.partitionBy(col("id").mod(7)).orderBy("id")));
    MockHeapExhaustedException e =
        assertThrows(
            MockHeapExhaustedException.class,
            () -> HeapGuard.withLimit(ONE_MB, ranked::collectAsList));
    assertEquals("window", e.operation());
    assertEquals(100_000, e.rows());
  }

  @Test
  void realOutOfMemoryInAJoin_isReportedAsTheNamedError() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xmx48m",
                "-cp",
                System.getProperty("java.class.path"),
                JoinExplosion.class.getName())
            .redirectErrorStream(true)
            .start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "forked JVM did not finish");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("[MOCK_HEAP_EXHAUSTED] inner join of 8,000 input rows"), out);
    assertTrue(out.contains("cause=java.lang.OutOfMemoryError"), out);
  }

  /**
   * Run in a JVM with a 48 MB heap: a join of 4,000 rows with itself on one key produces sixteen
   * million rows, which cannot fit.
   */
  static final class JoinExplosion {
    public static void main(String[] args) throws IOException {
      SparkSession s = MockSparkSession.builder().build();
      Dataset<Row> a = s.range(4000).select(col("id"), col("id").mod(1).as("k"));
      Dataset<Row> b = s.range(4000).select(col("id").as("id2"), col("id").mod(1).as("k2"));
      try {
        List<Row> rows = a.join(b, a.col("k").equalTo(b.col("k2"))).collectAsList();
        System.out.println("UNEXPECTED " + rows.size() + " rows");
      } catch (MockHeapExhaustedException e) {
        System.out.println(e.getMessage());
        System.out.println("cause=" + e.getCause().getClass().getName());
      }
    }
  }
}
