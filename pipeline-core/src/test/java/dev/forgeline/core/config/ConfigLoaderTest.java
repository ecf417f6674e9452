package dev.forgeline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeline.core.Golden;
import dev.forgeline.core.error.ConfigurationException;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  record Limits(long maxRows, String label) {}

  record AppSettings(
      String region,
      int batchSize,
      boolean enabled,
      double ratio,
      Duration retention,
      List<String> tables,
      Limits limits,
      Optional<String> missing) {}

  static ConfigLoader good() {
    return ConfigLoader.builder().resource("config/good/application.conf");
  }

  @Test
  void layersOverlayThenSystemPropertiesThenExplicitOverrides() {
    Properties props = new Properties();
    props.setProperty("app.batch-size", "42");
    props.setProperty("app.enabled", "false");
    LoadedConfig loaded =
        good()
            .env("prod")
            .systemProperties(props)
            .environment(Map.of("CONFIG_FORCE_app_limits_max__rows", "7"))
            .override("app.enabled", "true")
            .load();

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.environment()).contains("prod");
    assertThat(loaded.config().getString("app.region")).isEqualTo("eu-west-1");
    assertThat(loaded.config().getInt("app.batch-size")).isEqualTo(42);
    assertThat(loaded.config().getBoolean("app.enabled")).isTrue();
    assertThat(loaded.config().getLong("app.limits.max-rows")).isEqualTo(7);
    assertThat(loaded.config().getString("forgeline.execution.mode")).isEqualTo("auto");
    assertThat(loaded.sources()).hasSize(3).last().asString().contains("application-prod.conf");
  }

  @Test
  void environmentComesFromPropertyBeforeVariable() {
    Properties props = new Properties();
    props.setProperty(ConfigLoader.ENV_PROPERTY, "dev");
    LoadedConfig fromVar = good().environment(Map.of(ConfigLoader.ENV_VARIABLE, "prod")).load();
    LoadedConfig fromProp =
        good()
            .environment(Map.of(ConfigLoader.ENV_VARIABLE, "prod"))
            .systemProperties(props)
            .load();

    assertThat(fromVar.config().getString("app.region")).isEqualTo("eu-west-1");
    assertThat(fromProp.config().getString("app.region")).isEqualTo("dev-local");
  }

  @Test
  void substitutionsReadTheInjectedEnvironmentOnly() {
    LoadedConfig with = good().environment(Map.of("DB_PASSWORD", "pw-from-env")).load();
    LoadedConfig without = good().load();

    assertThat(with.config().getString("forgeline.connectors.warehouse.options.password"))
        .isEqualTo("pw-from-env");
    assertThat(with.config().hasPath("DB_PASSWORD")).isFalse();
    assertThat(without.config().hasPath("forgeline.connectors.warehouse.options.password"))
        .isFalse();
  }

  @Test
  void unknownEnvironmentListsTheKnownOnes() {
    LoadedConfig loaded = good().env("staging").load();

    assertThat(loaded.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo(ErrorId.UNKNOWN_ENVIRONMENT);
              assertThat(p.found()).contains("known environments: [dev, prod]");
            });
    assertThatThrownBy(loaded::checked)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("[Forgeline/UnknownEnvironment] The environment [staging]");
  }

  @Test
  void missingFileOnDiskIsAProblemNamingIt() {
    Path missing = Path.of("target", "no-such-dir", "application.conf");
    LoadedConfig loaded = ConfigLoader.builder().file(missing).load();

    assertThat(loaded.problems())
        .extracting(Problem::id)
        .containsExactly(ErrorId.MISSING_CONFIG_FILE);
    assertThat(loaded.problems().get(0).message())
        .contains(missing.toAbsolutePath().normalize().toString());
  }

  @Test
  void fileOnDiskFindsItsOverlayBesideIt() {
    Path file = Path.of("src/test/resources/config/good/application.conf");
    LoadedConfig loaded = ConfigLoader.builder().file(file).env("dev").load();

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.config().getString("app.region")).isEqualTo("dev-local");
  }

  @Test
  void everyProblemIsCollectedIntoOneErrorWithOrigins() {
    LoadedConfig loaded =
        ConfigLoader.builder().resource("config/bad/application.conf").env("prod").load();
    ConfigurationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConfigurationException.class,
            () -> loaded.check().standard().settings("app", AppSettings.class).throwIfInvalid());

    assertThat(e.problems())
        .extracting(Problem::id)
        .contains(
            ErrorId.MISSING_CONFIG_KEY,
            ErrorId.WRONG_CONFIG_TYPE,
            ErrorId.BAD_CONFIG_VALUE,
            ErrorId.UNKNOWN_CONNECTOR_TYPE);
    Golden.assertMatches("config-all-at-once", e.getMessage());
  }

  @Test
  void settingsRecordBindsKebabCaseKeysAndNestedRecords() {
    List<Problem> problems = new java.util.ArrayList<>();
    AppSettings s =
        SettingsBinder.bind(good().load().config(), "app", AppSettings.class, problems)
            .orElseThrow();

    assertThat(problems).isEmpty();
    assertThat(s)
        .isEqualTo(
            new AppSettings(
                "eu",
                500,
                true,
                0.25,
                Duration.ofDays(7),
                List.of("orders", "customers"),
                new Limits(1000, "small"),
                Optional.empty()));
  }

  @Test
  void envVarNamesFollowTypesafeConvention() {
    assertThat(ConfigLoader.envVarToPath("a_b__c___d")).isEqualTo("a.b-c_d");
  }
}
