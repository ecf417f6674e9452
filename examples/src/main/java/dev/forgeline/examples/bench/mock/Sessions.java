package dev.forgeline.examples.bench.mock;

import dev.forgeline.mock.MockSparkSession;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The two backends the mock's audit and benchmark compare: a local classic Spark session set up
 * like the test suites' shared one, and fresh mock sessions.
 *
 * @since 0.1.0
 */
public final class Sessions {

  private Sessions() {}

  /**
   * Starts (or returns) the local classic session: master local[2], no UI, two shuffle partitions,
   * UTC, warehouse under the working directory's {@code target/}, logging only fatal errors.
   *
   * @return the session, never null
   */
  public static SparkSession localSpark() {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("forgeline-mock-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            // Delta for the medallion pipeline's tables (the kit suite does not touch them)
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config(
                "spark.sql.warehouse.dir",
                Path.of("target", "bench-warehouse").toAbsolutePath().toString())
            .getOrCreate();
    // Kit cases fail on purpose; Spark would log each expected task failure with a stack trace.
    spark.sparkContext().setLogLevel("FATAL");
    return spark;
  }

  /**
   * Builds a new mock session with the same time zone as {@link #localSpark()}.
   *
   * @return a new session, never null
   */
  public static SparkSession mock() {
    return MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").build();
  }
}
