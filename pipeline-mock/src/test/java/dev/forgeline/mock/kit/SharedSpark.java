package dev.forgeline.mock.kit;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one local classic Spark session of the test JVM, created on first use. */
final class SharedSpark {

  private static volatile SparkSession session;

  private SharedSpark() {}

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
