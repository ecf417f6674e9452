package dev.forgeline.mock.kit;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one local classic Spark session of the test JVM, created on first use. */
final class SharedSpark {

  private static volatile SparkSession session;

  private static volatile SparkSession withoutExtensions;

  private SharedSpark() {}

  /**
   * A session on the same SparkContext without Delta's SQL extension. Delta 4.3.1's parser drops
   * the parameters of {@code spark.sql(query, args)} (Spark reports UNBOUND_SQL_PARAMETER), so the
   * SQL areas are compared with plain Spark's own parser, which is what the mock follows.
   */
  static SparkSession withoutExtensions() {
    SparkSession s = withoutExtensions;
    if (s == null) {
      synchronized (SharedSpark.class) {
        s = withoutExtensions;
        if (s == null) {
          // The primary constructor takes the extensions as given; the one-argument constructor
          // would apply spark.sql.extensions from the conf again.
          scala.collection.immutable.Map<String, String> none =
              scala.collection.immutable.Map$.MODULE$.empty();
          s =
              new org.apache.spark.sql.classic.SparkSession(
                  get().sparkContext(),
                  scala.Option.empty(),
                  scala.Option.empty(),
                  new org.apache.spark.sql.SparkSessionExtensions(),
                  none,
                  none);
          withoutExtensions = s;
        }
      }
    }
    return s;
  }

  static SparkSession get() {
    SparkSession s = session;
    if (s == null) {
      synchronized (SharedSpark.class) {
        s = session;
        if (s == null) {
          Path target =
              Path.of(System.getProperty("forgeline.build.dir", "target")).toAbsolutePath();
          s =
              SparkSession.builder()
                  .master("local[2]")
                  .appName("forgeline-mock-tests")
                  .config("spark.ui.enabled", "false")
                  .config("spark.sql.shuffle.partitions", "2")
                  .config("spark.sql.session.timeZone", "UTC")
                  // Delta for the delta cases and the interop tests (delta-spark is a test
                  // dependency)
                  .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                  .config(
                      "spark.sql.catalog.spark_catalog",
                      "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                  .config("spark.databricks.delta.snapshotPartitions", "2")
                  .config("spark.sql.warehouse.dir", target.resolve("spark-warehouse").toString())
                  .getOrCreate();
          session = s;
        }
      }
    }
    return s;
  }
}
