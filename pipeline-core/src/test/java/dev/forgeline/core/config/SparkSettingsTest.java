package dev.forgeline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.typesafe.config.ConfigFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparkSettingsTest {

  /**
   * Regression: quoted keys reached Spark with their quotes ({@code "spark.sql.extensions"}), so a
   * spark-submit launch of the medallion example ran without Delta's extension and catalog.
   */
  @Test
  void quotedAndNestedKeysBecomePlainSparkPropertyNames() {
    SparkSettings s =
        SparkSettings.fromConfig(
            ConfigFactory.parseString(
                "forgeline.spark { app-name = demo, conf {\n"
                    + "  \"spark.sql.extensions\" = io.delta.sql.DeltaSparkSessionExtension\n"
                    + "  spark.sql.shuffle.partitions = 4\n"
                    + "  spark.ui { \"enabled\" = false }\n"
                    + "} }"));

    assertThat(s.conf())
        .containsOnly(
            entry("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension"),
            entry("spark.sql.shuffle.partitions", "4"),
            entry("spark.ui.enabled", "false"));
    assertThat(s.master()).isEqualTo(Optional.empty());
    assertThat(s.appName()).isEqualTo("demo");
  }
}
