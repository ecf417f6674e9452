package dev.forgeline.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.LocalSpark;
import dev.forgeline.core.report.ReportJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, defect 5: the run's own outcome decides the exit code and is always printed. */
class CliExitCodeRegressionTest {
  private static final String CONF = "src/test/resources/config/good/application.conf";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new ForgelineCli(
            Map.of("DB_PASSWORD", "pw-exit-code-1", "CANARY", "c4nary-exit"),
            new Properties(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            settings -> LocalSpark.session(),
            false)
        .run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anUnwritableReportFolderIsItsOwnErrorAndTheSuccessfulRunStillExitsZero() throws Exception {
    Files.writeString(dir.resolve("people.csv"), "name,age\nada,36\n");
    Path notAFolder = Files.writeString(dir.resolve("reports"), "a file, not a folder");

    int code =
        run(
            "--pipeline",
            PeopleDefinition.class.getName(),
            "--config",
            CONF,
            "-Dapp.data-dir=" + dir,
            "-Dforgeline.report.dir=" + notAFolder);

    assertThat(code).isEqualTo(ForgelineCli.OK);
    assertThat(out()).contains("SUCCESS: pipeline [people]").contains("report: (not written)");
    assertThat(err()).contains("[Forgeline/ReportNotWritten]").contains("forgeline.report.dir");
  }

  @Test
  void aLoneSurrogateInAMessageStillWritesTheReport() throws Exception {
    Path conf = dir.resolve("c.conf");
    Files.writeString(
        conf,
        "app.api-endpoint = \"https://x/\"${CANARY}\nforgeline.report.dir = \""
            + dir.resolve("reports")
            + "\"\n");

    int code = run("--pipeline", CanaryDefinition.class.getName(), "--config", conf.toString());

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(out()).contains("FAILED: pipeline [canary]").doesNotContain("(not written)");
    assertThat(err()).doesNotContain("ReportNotWritten").doesNotContain("could not run");
    List<Path> reports;
    try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
      reports = files.toList();
    }
    assertThat(reports).hasSize(1);
    String json = Files.readString(reports.get(0), StandardCharsets.UTF_8);
    assertThat(ReportJson.read(json).steps().get(0).error().message())
        .contains("cannot reach")
        .contains("\uFFFD");
  }

  @Test
  void aMalformedSecretsKeysIsAConfigErrorWithAnExitCode() {
    int code =
        run(
            "--pipeline",
            PeopleDefinition.class.getName(),
            "--config",
            CONF,
            "--dry-run",
            "-Dforgeline.secrets.keys=db.url");

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(err()).contains("[Forgeline/WrongConfigType]").contains("forgeline.secrets.keys");
  }
}
