package dev.forgeline.mock.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.mock.MockSparkSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Eight different programs run on eight threads, each on its own session sharing one catalog, for
 * many iterations: every program's results, and the shared tables they all append to, must be
 * exactly those of a sequential run.
 */
class SharedCatalogStressTest {
  private static final int PROGRAMS = 8;
  private static final int ITERATIONS = 40;

  /** One program's iteration: creates, writes and reads tables, returns what it saw. */
  private static List<String> program(SparkSession spark, int p, int n) {
    String t = "t_" + p + "_" + n;
    List<String> seen = new ArrayList<>();
    switch (p % 4) {
      case 0 -> {
        spark.sql("CREATE TABLE " + t + " (k INT, v STRING) USING parquet");
        spark.sql("INSERT INTO " + t + " VALUES (1, 'a'), (2, 'b'), (" + n + ", 'n')");
        seen.add(rows(spark.sql("SELECT count(*) AS c, sum(k) AS s FROM " + t)));
      }
      case 1 -> {
        spark.range(n + 3).selectExpr("id AS k", "id % 3 AS g").write().saveAsTable(t);
        seen.add(rows(spark.sql("SELECT g, count(*) AS c FROM " + t + " GROUP BY g ORDER BY g")));
      }
      case 2 -> {
        spark.range(5).selectExpr("id AS k").createOrReplaceTempView("mine");
        spark.sql("CREATE TABLE " + t + " USING parquet AS SELECT k * " + p + " AS k FROM mine");
        seen.add(
            rows(
                spark.sql(
                    "SELECT d.name, count(*) AS c FROM "
                        + t
                        + " x JOIN dim d ON x.k % 2 = d.k GROUP BY d.name ORDER BY d.name")));
      }
      default -> {
        spark.sql("CREATE VIEW " + t + " AS SELECT k, name FROM dim WHERE k >= 0");
        seen.add(rows(spark.sql("SELECT * FROM " + t + " ORDER BY k")));
        spark.sql("DROP VIEW " + t);
        seen.add(String.valueOf(spark.catalog().tableExists(t)));
      }
    }
    spark.sql("INSERT INTO log VALUES (" + p + ", " + n + ")");
    seen.add(String.valueOf(spark.catalog().tableExists("log")));
    return seen;
  }

  private static String rows(Dataset<Row> d) {
    return d.collectAsList().toString();
  }

  private static MockSparkSession prepared() {
    MockSparkSession root =
        MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").build();
    root.sql("CREATE TABLE log (p INT, n INT) USING parquet");
    root.sql("CREATE TABLE dim (k INT, name STRING) USING parquet");
    root.sql("INSERT INTO dim VALUES (0, 'even'), (1, 'odd')");
    return root;
  }

  private static List<String> sortedLog(SparkSession s) {
    List<String> out = new ArrayList<>();
    for (Row r : s.sql("SELECT p, n FROM log ORDER BY p, n").collectAsList()) {
      out.add(r.toString());
    }
    return out;
  }

  @Test
  void eightThreadsOnOneCatalogGiveTheSequentialResults() throws Exception {
    MockSparkSession sequential = prepared();
    Map<String, List<String>> expected = new TreeMap<>();
    for (int p = 0; p < PROGRAMS; p++) {
      SparkSession s = sequential.newSession();
      for (int n = 0; n < ITERATIONS; n++) {
        expected.put(p + "/" + n, program(s, p, n));
      }
    }

    MockSparkSession shared = prepared();
    ExecutorService pool = Executors.newFixedThreadPool(PROGRAMS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Map<String, List<String>>>> futures = new ArrayList<>();
    for (int p = 0; p < PROGRAMS; p++) {
      int program = p;
      SparkSession s = shared.newSession();
      futures.add(
          pool.submit(
              () -> {
                start.await();
                Map<String, List<String>> out = new TreeMap<>();
                for (int n = 0; n < ITERATIONS; n++) {
                  out.put(program + "/" + n, program(s, program, n));
                }
                return out;
              }));
    }
    start.countDown();
    Map<String, List<String>> actual = new TreeMap<>();
    for (Future<Map<String, List<String>>> f : futures) {
      actual.putAll(f.get(2, TimeUnit.MINUTES));
    }
    pool.shutdown();

    assertEquals(expected, actual);
    assertEquals(PROGRAMS * ITERATIONS, sortedLog(shared).size(), "no append to log was lost");
    assertEquals(sortedLog(sequential), sortedLog(shared));
    assertEquals(
        sequential.sql("SHOW TABLES").collectAsList(), shared.sql("SHOW TABLES").collectAsList());
  }

  @Test
  void aTableCreatedOnOneThreadIsVisibleOnAnotherAtOnce() throws Exception {
    MockSparkSession root = MockSparkSession.create();
    SparkSession other = root.newSession();
    CountDownLatch created = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<?> writer =
        pool.submit(
            () -> {
              root.sql("CREATE TABLE seen (a INT) USING parquet");
              root.sql("INSERT INTO seen VALUES (42)");
              created.countDown();
            });
    assertTrue(created.await(30, TimeUnit.SECONDS));
    assertEquals(42, other.sql("SELECT a FROM seen").first().getInt(0));
    writer.get();
    pool.shutdown();
  }

  @Test
  void sessionsBuiltSeparatelyHaveTheirOwnCatalogButNewSessionsShareOne() {
    MockSparkSession a = MockSparkSession.create();
    MockSparkSession b = MockSparkSession.create();
    SparkSession child = a.newSession();
    a.range(3).write().mode(SaveMode.Overwrite).saveAsTable("only_in_a");
    a.range(1).createOrReplaceTempView("temp_of_a");
    assertTrue(child.catalog().tableExists("only_in_a"));
    assertFalse(b.catalog().tableExists("only_in_a"));
    assertFalse(child.catalog().tableExists("temp_of_a"), "temporary views are per session");
    assertEquals(3L, child.table("only_in_a").count());
  }
}
