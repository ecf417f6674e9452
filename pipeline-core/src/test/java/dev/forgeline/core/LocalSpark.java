package dev.forgeline.core;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one local Spark session of this test JVM, created on first use. */
public final class LocalSpark {
  private LocalSpark() {}

  private static final class Holder {
    static final SparkSession SESSION = create();

    private static SparkSession create() {
      Path warehouse =
          Path.of(System.getProperty("forgeline.build.dir", "target"), "spark-warehouse");
      return SparkSession.builder()
          .master("local[4]")
          .appName("forgeline-core-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.databricks.delta.snapshotPartitions", "2")
          .config("spark.sql.session.timeZone", "UTC")
          // Delta's MERGE (Repository.upsert) refuses sessions without its extension and catalog.
          .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
          .config(
              "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
          .config("spark.sql.warehouse.dir", warehouse.toAbsolutePath().toString())
          .getOrCreate();
    }
  }

  /** The shared session. */
  public static SparkSession session() {
    return Holder.SESSION;
  }
}
