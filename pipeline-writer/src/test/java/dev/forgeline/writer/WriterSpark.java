package dev.forgeline.writer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one local Spark session of this test JVM, with Delta, created on first use. */
final class WriterSpark {
  private WriterSpark() {}

  private static final class Holder {
    static final SparkSession SESSION = create();

    private static SparkSession create() {
      Path warehouse = build().resolve("spark-warehouse");
      return SparkSession.builder()
          .master("local[4]")
          .appName("forgeline-writer-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.databricks.delta.snapshotPartitions", "2")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
          .config(
              "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
          .config("spark.sql.warehouse.dir", warehouse.toAbsolutePath().toString())
          .getOrCreate();
    }
  }

  /** The shared session. */
  static SparkSession session() {
    return Holder.SESSION;
  }

  /** A fresh, not yet existing directory for one test's table. */
  static String freshPath(String name) {
    try {
      Path dir = Files.createTempDirectory(Files.createDirectories(build().resolve("logs")), name);
      Files.delete(dir);
      return dir.toAbsolutePath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path build() {
    return Path.of(System.getProperty("forgeline.build.dir", "target"));
  }
}
