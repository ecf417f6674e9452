package dev.forgeline.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.LocalSpark;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForgelineCliTest {
  private static final String SECRET = "pw-super-secret-1";
  private static final String CONF = "src/test/resources/config/good/application.conf";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicInteger sessionsCreated = new AtomicInteger();

  private int run(String... args) {
    ForgelineCli cli =
        new ForgelineCli(
            Map.of("DB_PASSWORD", SECRET),
            new Properties(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            settings -> {
              sessionsCreated.incrementAndGet();
              return LocalSpark.session();
            },
            false);
    return cli.run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String[] args(String... extra) {
    String[] base = {
      "--pipeline",
      PeopleDefinition.class.getName(),
      "--config",
      CONF,
      "-Dapp.data-dir=" + dir,
      "-D",
      "forgeline.report.dir=" + dir.resolve("reports")
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void dryRunPrintsThePlanWithSecretsMaskedAndStartsNoSpark() {
    int code = run(args("--dry-run", "--env", "prod"));

    assertThat(code).isEqualTo(ForgelineCli.OK);
    assertThat(out())
        .contains("Dry run: configuration and graph are valid")
        .contains("environment: prod")
        .contains("people: csv " + dir + "/people.csv")
        .contains("warehouse: jdbc")
        .contains("password=******")
        .contains("CountPeople")
        .doesNotContain(SECRET);
    assertThat(sessionsCreated).hasValue(0);
  }

  @Test
  void verboseIsAcceptedAndDocumentedInTheUsage() {
    assertThat(run(args("--dry-run", "--verbose"))).as(err()).isEqualTo(ForgelineCli.OK);
    assertThat(run("--help")).isEqualTo(ForgelineCli.OK);
    assertThat(out()).contains("[--verbose]").contains("--verbose   log Spark's and Delta's INFO");
  }

  @Test
  void runWritesTheReportAndSucceeds() throws Exception {
    Files.writeString(dir.resolve("people.csv"), "name,age\nada,36\nalan,41\n");

    int code = run(args());

    assertThat(code).as(err()).isEqualTo(ForgelineCli.OK);
    assertThat(out()).startsWith("SUCCESS: pipeline [people] run ").contains("1 succeeded");
    Path report = Path.of(out().substring(out().indexOf("report: ") + 8).trim());
    PipelineReport r = PipelineReport.fromJson(Files.readString(report));
    assertThat(r.status()).isEqualTo(Status.SUCCESS);
    assertThat(report.getParent()).isEqualTo(dir.resolve("reports"));
  }

  @Test
  void failedRunExitsOneWithOneLineNamingTheConnectorAndTheReport() throws Exception {
    int code = run(args());

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    String line = err().trim();
    assertThat(line)
        .doesNotContain("\n")
        .startsWith("FAILED: pipeline [people] run ")
        .contains("1 failed")
        .contains("first failure: [CountPeople]")
        .contains("Connector [people]")
        .contains("does not exist");
    Path report = Path.of(line.substring(line.indexOf("report: ") + 8));
    assertThat(PipelineReport.fromJson(Files.readString(report)).status()).isEqualTo(Status.FAILED);
  }

  @Test
  void unknownEnvironmentAndBadOverrideAreReportedTogether() {
    int code = run(args("--env", "nope", "-Dapp.limits.max-rows=many", "--dry-run"));

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(err())
        .contains("[Forgeline/UnknownEnvironment] The environment [nope]")
        .contains("known environments: [dev, prod]");
  }

  @Test
  void settingsOfTheDefinitionAreChecked() {
    int code = run(args("-Dapp.limits.max-rows=many", "--dry-run"));

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(err())
        .contains("[Forgeline/WrongConfigType] The key [app.limits.max-rows]")
        .contains("expected: a whole number");
  }

  @Test
  void missingConfigFileIsNamed() {
    int code =
        run(
            "--pipeline",
            PeopleDefinition.class.getName(),
            "--config",
            dir.resolve("nowhere.conf").toString(),
            "--dry-run");

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(err()).contains("[Forgeline/MissingConfigFile]").contains("nowhere.conf");
  }

  @Test
  void badCommandLineExitsTwoWithUsage() {
    assertThat(run("--env", "dev")).isEqualTo(ForgelineCli.USAGE);
    assertThat(err()).contains("--pipeline is required").contains("usage: ForgelineMain");
  }

  @Test
  void unknownPipelineClassIsNamed() {
    int code = run("--pipeline", "com.example.Nope", "--config", CONF, "--dry-run");

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(err()).contains("--pipeline class [com.example.Nope] is not on the classpath");
  }
}
