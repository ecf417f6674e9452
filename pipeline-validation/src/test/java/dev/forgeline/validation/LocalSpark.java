package dev.forgeline.validation;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one local Spark session of this test JVM, created on first use. */
final class LocalSpark {
  private LocalSpark() {}

  private static final class Holder {
    static final SparkSession SESSION =
        SparkSession.builder()
            .master("local[2]")
            .appName("forgeline-validation-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config(
                "spark.sql.warehouse.dir",
                Path.of(System.getProperty("forgeline.build.dir", "target"), "spark-warehouse")
                    .toAbsolutePath()
                    .toString())
            .getOrCreate();
  }

  static SparkSession session() {
    return Holder.SESSION;
  }
}
