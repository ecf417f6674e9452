package dev.forgeline.examples.medallion;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Where the examples' tests write, and a local Spark session with Delta for tests that compare the
 * mock with real Spark in one JVM.
 */
final class ExampleSpark {
  private ExampleSpark() {}

  private static final class Holder {
    static final SparkSession SESSION =
        SparkSession.builder()
            .master("local[2]")
            .appName("forgeline-examples-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.warehouse.dir", buildDir().resolve("spark-warehouse").toString())
            .getOrCreate();
  }

  static Path buildDir() {
    return Path.of(System.getProperty("forgeline.build.dir", "target")).toAbsolutePath();
  }

  static SparkSession session() {
    return Holder.SESSION;
  }
}
