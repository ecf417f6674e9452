package dev.forgeline.mock.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.mock.MockDeltaTable;
import dev.forgeline.mock.MockSparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent commits to one Delta table on the mock: blind appends from many threads all land (each
 * in its own version, none lost); overwrites racing each other either win or fail with Delta's
 * conflict exception, never leaving a mix of both.
 */
class DeltaConcurrencyTest {
  @TempDir Path dir;

  private final SparkSession spark = MockSparkSession.create();

  private Dataset<Row> ids(long from, long count) {
    List<Long> values = new ArrayList<>();
    for (long i = from; i < from + count; i++) {
      values.add(i);
    }
    return spark.createDataset(values, Encoders.LONG()).toDF("id");
  }

  private long versions(Path table) throws Exception {
    try (Stream<Path> s = Files.list(table.resolve("_delta_log"))) {
      return s.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).count();
    }
  }

  @Test
  void eightThreadsAppendingConcurrentlyLoseNothing() throws Exception {
    String path = dir.resolve("t").toString();
    ids(0, 1).write().format("delta").save(path);
    int threads = 8;
    int perThread = 10;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      final long base = 1 + t * 1000L;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                  ids(base + i * 10, 10).write().format("delta").mode("append").save(path);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    Dataset<Row> all = spark.read().format("delta").load(path);
    assertEquals(1 + threads * perThread * 10, all.count());
    assertEquals(all.count(), all.distinct().count());
    assertEquals(1 + threads * perThread, versions(Path.of(path)));
    assertEquals(
        threads * perThread,
        MockDeltaTable.forPath(spark, path).history().filter("readVersion IS NOT NULL").count());
  }

  @Test
  void racingOverwritesEitherWinOrFailWithDeltasConflictAndNeverMix() throws Exception {
    String path = dir.resolve("o").toString();
    ids(0, 5).write().format("delta").save(path);
    for (int round = 0; round < 10; round++) {
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<Throwable>> outcomes = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        final long base = (round * 2L + t) * 100;
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    ids(base, 3).write().format("delta").mode("overwrite").save(path);
                    return null;
                  } catch (RuntimeException e) {
                    return e;
                  }
                }));
      }
      int won = 0;
      for (Future<Throwable> f : outcomes) {
        Throwable e = f.get();
        if (e == null) {
          won++;
        } else {
          assertInstanceOf(ConcurrentModificationException.class, e);
          assertTrue(e.getClass().getName().startsWith("io.delta.exceptions."), e.toString());
        }
      }
      pool.shutdown();
      assertTrue(won >= 1);
      List<Long> rows = spark.read().format("delta").load(path).as(Encoders.LONG()).collectAsList();
      assertEquals(3, rows.size(), "one overwrite's rows, not a mix: " + rows);
      assertEquals(rows.get(0) / 100, rows.get(2) / 100, "one overwrite's rows: " + rows);
    }
  }

  @Test
  void theSameIdempotentWriteFromTwoThreadsLandsOnce() throws Exception {
    String path = dir.resolve("i").toString();
    ids(0, 1).write().format("delta").save(path);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Throwable>> outcomes = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      outcomes.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  ids(100, 5)
                      .write()
                      .format("delta")
                      .mode("append")
                      .option("txnAppId", "job")
                      .option("txnVersion", 7)
                      .save(path);
                  return null;
                } catch (RuntimeException e) {
                  return e;
                }
              }));
    }
    for (Future<Throwable> f : outcomes) {
      Throwable e = f.get();
      if (e != null) {
        assertEquals("io.delta.exceptions.ConcurrentTransactionException", e.getClass().getName());
      }
    }
    pool.shutdown();
    assertEquals(6, spark.read().format("delta").load(path).count());
  }
}
