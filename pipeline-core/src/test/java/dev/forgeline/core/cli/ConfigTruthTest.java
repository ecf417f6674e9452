package dev.forgeline.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.config.ConfigLoader;
import dev.forgeline.core.config.ConfigModule;
import dev.forgeline.core.config.LoadedConfig;
import dev.forgeline.core.error.ConfigurationException;
import dev.forgeline.mock.MockSparkSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, defect 6: every configuration problem at once, hints that name the user's own files,
 * overlays named after the --config file, and configuration errors from inside Guice reported as
 * configuration errors.
 */
class ConfigTruthTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new ForgelineCli(
            Map.of(),
            new Properties(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            settings -> {
              throw new AssertionError("no session is needed for an invalid configuration");
            },
            false)
        .run(args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  /** A connector with a bad save-mode and settings with a missing key: both in one list. */
  private static final String TWO_PROBLEMS =
      String.join(
          "\n",
          "app.limits { label = \"small\" }",
          "forgeline.connectors.people { type = csv, path = \"/tmp/p.csv\", save-mode = sometimes }",
          "");

  @Test
  void aStandardProblemAndASettingsProblemAreReportedTogether() throws Exception {
    Path conf = write("other.conf", TWO_PROBLEMS);

    int code = run("--pipeline", PeopleDefinition.class.getName(), "--config", conf.toString());

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(err())
        .contains("The configuration is not valid: 2 problems")
        .contains("save-mode")
        .contains("sometimes")
        .contains("The key [app.limits.max-rows] is missing.");
  }

  @Test
  void theMissingKeyHintNamesTheUsersFileNotApplicationConf() throws Exception {
    Path conf = write("other.conf", TWO_PROBLEMS);

    run("--pipeline", PeopleDefinition.class.getName(), "--config", conf.toString());

    assertThat(err())
        .contains("hint: add app.limits.max-rows to " + conf.toAbsolutePath().normalize())
        .doesNotContain("application.conf");
  }

  @Test
  void theOverlayOfAConfigFileIsNamedAfterItAndTheHintNamesBoth() throws Exception {
    Path conf = write("other.conf", "app.limits { label = \"small\" }\n");
    Path overlay = write("other-dev.conf", "app.limits.label = \"dev\"\n");

    int code =
        run(
            "--pipeline",
            PeopleDefinition.class.getName(),
            "--config",
            conf.toString(),
            "--env",
            "dev");

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(err())
        .contains(
            "hint: add app.limits.max-rows to "
                + conf.toAbsolutePath().normalize()
                + " or "
                + overlay.toAbsolutePath().normalize()
                + ".");
  }

  @Test
  void aMissingOverlayNamesTheFileItLookedFor() throws Exception {
    Path conf = write("other.conf", "app.limits { label = \"small\", max-rows = 5 }\n");

    int code =
        run(
            "--pipeline",
            PeopleDefinition.class.getName(),
            "--config",
            conf.toString(),
            "--env",
            "qa");

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(err())
        .contains(dir.resolve("other-qa.conf").toAbsolutePath().normalize().toString());
  }

  @Test
  void aConfigErrorInsideConfigModuleIsAConfigurationErrorNotInjectionFailed() throws Exception {
    Path conf = write("other.conf", "app.limits { label = \"small\" }\n");
    LoadedConfig loaded = ConfigLoader.builder().file(conf).load();

    assertThatThrownBy(
            () ->
                Pipeline.builder("people")
                    .spark(MockSparkSession.create())
                    .modules(
                        ConfigModule.of(loaded)
                            .withSettings("app.limits", PeopleDefinition.Limits.class),
                        new AbstractModule() {})
                    .stage("count", s -> s.add(CountPeople.class))
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("The configuration is not valid: 1 problem")
        .hasMessageContaining("[Forgeline/MissingConfigKey] The key [app.limits.max-rows]")
        .hasMessageNotContaining("InjectionFailed")
        .hasMessageNotContaining("fix the module");
  }
}
