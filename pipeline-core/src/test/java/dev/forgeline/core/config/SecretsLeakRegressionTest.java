package dev.forgeline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.error.ConfigurationException;
import dev.forgeline.core.error.ErrorId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 9, defect 4: the config-side secret leaks. */
class SecretsLeakRegressionTest {
  private static final String SECRET = "s3cr3t-value-42";

  @Test
  void nestedSparkSecretKeysAreSecret() {
    assertThat(Secrets.isSecretKey("spark.hadoop.fs.s3a.secret.key")).isTrue();
    assertThat(Secrets.isSecretKey("spark.hadoop.fs.s3a.access.key")).isTrue();
    assertThat(Secrets.isSecretKey("fs.azure.account.key.acct.dfs.core.windows.net")).isTrue();
    assertThat(Secrets.isSecretKey("spark.hadoop.fs.azure.sas.c.acct.blob.core.windows.net"))
        .isTrue();
    assertThat(Secrets.isSecretKey("forgeline.spark.conf.\"spark.hadoop.fs.s3a.secret.key\""))
        .isTrue();
    assertThat(Secrets.isSecretKey("spark.sql.shuffle.partitions")).isFalse();
    assertThat(Secrets.isSecretKey("forgeline.secrets.keys")).isFalse();
    assertThat(Secrets.isSecretKey("forgeline.connectors.orders.keys")).isFalse();
  }

  @Test
  void nestedSparkSecretValuesAreMaskedInTheDryRunLines() {
    var config =
        ConfigFactory.parseString(
            "forgeline.spark.conf { \"spark.hadoop.fs.s3a.secret.key\" = \""
                + SECRET
                + "\", \"fs.azure.account.key.acct.dfs.core.windows.net\" = \""
                + SECRET
                + "\" }");
    SparkSettings settings = SparkSettings.fromConfig(config);

    assertThat(String.join("\n", settings.describe(Secrets.of(config)))).doesNotContain(SECRET);
    assertThat(settings.toString()).doesNotContain(SECRET);
    assertThat(Secrets.of(config).redact("x " + SECRET)).isEqualTo("x " + Secrets.MASK);
  }

  @Test
  void aSecretsKeysStringIsAConfigErrorNotIgnored() {
    var config = ConfigFactory.parseString("forgeline.secrets.keys = \"db.url\"");

    assertThatThrownBy(() -> Secrets.of(config))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.problems().get(0).id()).isEqualTo(ErrorId.WRONG_CONFIG_TYPE))
        .hasMessageContaining("forgeline.secrets.keys")
        .hasMessageContaining("found: string");
    assertThatThrownBy(
            () -> Secrets.of(ConfigFactory.parseString("forgeline.secrets.keys = [{a = 1}]")))
        .isInstanceOf(ConfigurationException.class);
    assertThat(
            Secrets.of(
                    ConfigFactory.parseString("forgeline.secrets.keys = [db.url], db.url = xyzw"))
                .redact("at xyzw"))
        .isEqualTo("at " + Secrets.MASK);
  }

  @Test
  void loadedConfigAndSparkSettingsPrintNoValues() {
    var config =
        ConfigFactory.parseString("db.password = \"" + SECRET + "\", db.url = \"" + SECRET + "\"");
    LoadedConfig loaded =
        new LoadedConfig(config, Set.of("db"), Optional.of("dev"), List.of("test"), List.of());
    SparkSettings spark =
        new SparkSettings(
            Optional.of("local[1]"), "app", Map.of("spark.hadoop.fs.s3a.secret.key", SECRET));

    assertThat(loaded.toString()).doesNotContain(SECRET).contains("dev");
    assertThat(spark.toString()).doesNotContain(SECRET).contains("spark.hadoop.fs.s3a.secret.key");
  }

  @Test
  void settingTheConfigTwiceDoesNotPrintIt() {
    var config = ConfigFactory.parseString("db.password = \"" + SECRET + "\"");

    assertThatThrownBy(() -> Pipeline.builder("p").config(config).config(config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("config was already set")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }
}
