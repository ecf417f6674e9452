package dev.forgeline.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeline.core.LocalSpark;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.config.ConfigLoader;
import dev.forgeline.core.config.ConfigModule;
import dev.forgeline.core.config.LoadedConfig;
import dev.forgeline.core.config.SparkSettings;
import dev.forgeline.core.connector.Connectors;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.ReportJson;
import dev.forgeline.core.report.StepResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets canary (issue 9): one known secret value in every channel a secret can arrive by (a
 * listed HOCON key, nested Spark keys, a JDBC URL, a connector option, an exception message, a
 * retry, a listener failure), one run through the CLI (run and {@code --dry-run}) and one through
 * the API, and a scan of everything Forgeline emits: stdout, stderr, the log at DEBUG, the JSON
 * report, {@code describe()}, public {@code toString()}s and the report's metadata.
 */
class SecretsCanaryTest {
  private static final String SECRET = "canary-Zq81x-secret-value";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final StringWriter log = new StringWriter();
  private WriterAppender appender;
  private Level forgelineLevel;

  @BeforeEach
  void captureTheLog() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    appender =
        WriterAppender.createAppender(
            PatternLayout.newBuilder().withPattern("%p %c: %m%n%throwable").build(),
            null,
            log,
            "canary",
            false,
            true);
    appender.start();
    config.addAppender(appender);
    config.getRootLogger().addAppender(appender, Level.ALL, null);
    forgelineLevel = LogManager.getLogger("dev.forgeline").getLevel();
    Configurator.setLevel("dev.forgeline", Level.DEBUG);
    context.updateLoggers();
  }

  @AfterEach
  void release() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender("canary");
    Configurator.setLevel("dev.forgeline", forgelineLevel);
    appender.stop();
    context.updateLoggers();
  }

  private Path config() throws Exception {
    Path file = dir.resolve("canary.conf");
    Files.writeString(
        file,
        "app { api-endpoint = \"https://api.example/\"${CANARY}, region = eu }\n"
            + "forgeline.secrets.keys = [\"app.api-endpoint\"]\n"
            + "forgeline.spark { app-name = canary, conf {\n"
            + "  \"spark.hadoop.fs.s3a.secret.key\" = ${CANARY}\n"
            + "  \"spark.hadoop.fs.azure.account.key.acct.dfs.core.windows.net\" = ${CANARY}\n"
            + "} }\n"
            + "forgeline.connectors {\n"
            + "  warehouse { type = jdbc, url = \"jdbc:h2:mem:canary;USER=sa;PASSWORD=\"${CANARY},"
            + " table = PEOPLE }\n"
            + "  lake { type = jdbc, url = \"jdbc:postgresql://etl:\"${CANARY}\"@db/crm\","
            + " table = orders, options { token = ${CANARY} } }\n"
            + "}\n"
            + "forgeline.report.dir = \""
            + dir.resolve("reports")
            + "\"\n");
    return file;
  }

  private int cli(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--pipeline", CanaryDefinition.class.getName(), "--config", config().toString()));
    args.addAll(List.of(extra));
    return new ForgelineCli(
            Map.of("CANARY", SECRET),
            new Properties(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            settings -> LocalSpark.session(),
            false)
        .run(args.toArray(String[]::new));
  }

  private String reports() throws Exception {
    Path reports = dir.resolve("reports");
    if (!Files.isDirectory(reports)) {
      return "";
    }
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(reports)) {
      for (Path f : files.toList()) {
        all.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  @Test
  void theCliEmitsTheSecretNowhere() throws Exception {
    int dry = cli("--dry-run");
    int run = cli();

    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    String report = reports();
    assertThat(dry).isEqualTo(ForgelineCli.OK);
    assertThat(run).isEqualTo(ForgelineCli.FAILED);
    // The channels were really exercised: the dry run, the retry, the failure, the report.
    assertThat(stdout).contains("Dry run").contains("fs.s3a.secret.key = ******");
    assertThat(stdout).contains("FAILED: pipeline [canary]");
    assertThat(log.toString()).contains("retrying in").contains("cannot reach");
    assertThat(report).contains("cannot reach").contains("listener.failed.");
    assertThat(ReportJson.read(report).steps()).hasSize(1);

    assertThat(stdout).doesNotContain(SECRET);
    assertThat(stderr).doesNotContain(SECRET);
    assertThat(log.toString()).doesNotContain(SECRET);
    assertThat(report).doesNotContain(SECRET);
  }

  @Test
  void theApiEmitsTheSecretNowhere() throws Exception {
    LoadedConfig loaded =
        ConfigLoader.builder().environment(Map.of("CANARY", SECRET)).file(config()).load();
    Pipeline.Builder builder =
        Pipeline.builder("canary")
            .config(loaded.config())
            .spark(LocalSpark.session())
            .modules(ConfigModule.of(loaded));
    new CanaryDefinition("https://api.example/" + SECRET).define(builder);
    Pipeline pipeline = builder.build();

    PipelineReport report = pipeline.execute();

    List<String> seen = new ArrayList<>();
    seen.add(pipeline.describe());
    seen.add(pipeline.toString());
    seen.add(report.toString());
    seen.add(report.toJson());
    seen.add(String.valueOf(report.metadata()));
    for (StepResult s : report.steps()) {
      seen.add(s.toString());
      seen.add(String.valueOf(s.error()));
      seen.add(s.error() == null ? "" : s.error().summary());
    }
    seen.add(loaded.toString());
    seen.add(SparkSettings.fromConfig(loaded.config()).toString());
    seen.add(
        String.join("\n", SparkSettings.fromConfig(loaded.config()).describe(loaded.secrets())));
    Connectors connectors = Connectors.fromConfig(loaded.config(), LocalSpark::session);
    seen.add(connectors.toString());
    seen.addAll(connectors.describe());
    for (String name : connectors.names()) {
      seen.add(connectors.get(name).toString());
      seen.add(connectors.get(name).spec().toString());
    }
    seen.add(loaded.secrets().toString());
    seen.add(log.toString());
    assertThatThrownBy(
            () -> Pipeline.builder("twice").config(loaded.config()).config(loaded.config()))
        .satisfies(e -> seen.add(e.getMessage()));

    assertThat(report.succeeded()).isFalse();
    assertThat(report.metadata()).containsKey("listener.failed." + listenerClass(report));
    assertThat(String.join("\n", seen)).contains("cannot reach").doesNotContain(SECRET);
  }

  private static String listenerClass(PipelineReport report) {
    return report.metadata().keySet().stream()
        .filter(k -> k.startsWith("listener.failed."))
        .findFirst()
        .orElse("listener.failed.?")
        .substring("listener.failed.".length());
  }
}
