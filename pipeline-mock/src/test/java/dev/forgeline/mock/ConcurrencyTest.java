package dev.forgeline.mock;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Many threads build and collect from one session and one shared dataset at once. */
class ConcurrencyTest {
  @Test
  void manyThreadsBuildAndCollectConcurrently() throws Exception {
    SparkSession spark = MockSparkSession.create();
    Dataset<Row> shared = spark.range(0, 1000).toDF().withColumn("k", col("id").mod(7));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        int k = t % 7;
        results.add(
            pool.submit(
                () -> {
                  Row r =
                      shared.filter(col("k").equalTo(k)).agg(sum(col("id"))).collectAsList().get(0);
                  return r.getLong(0);
                }));
      }
      for (int t = 0; t < 64; t++) {
        int k = t % 7;
        long expected = 0;
        for (long i = 0; i < 1000; i++) {
          if (i % 7 == k) {
            expected += i;
          }
        }
        assertEquals(expected, results.get(t).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
