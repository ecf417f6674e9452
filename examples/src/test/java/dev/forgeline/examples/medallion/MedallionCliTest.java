package dev.forgeline.examples.medallion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.cli.ForgelineCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The medallion example's command line checks, which run no Spark job (so any backend). */
class MedallionCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... extra) {
    ForgelineCli cli =
        new ForgelineCli(
            Map.of(),
            new Properties(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            settings -> {
              throw new AssertionError("a dry run must not create a Spark session");
            },
            false);
    List<String> args = new ArrayList<>(List.of("--pipeline", MedallionPipeline.class.getName()));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  @Test
  void dryRunChecksConfigAndGraphWithoutRunning() {
    assertThat(run("--env", "dev", "--dry-run"))
        .as(() -> err.toString(StandardCharsets.UTF_8))
        .isEqualTo(ForgelineCli.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("environment: dev")
        .contains("gold-customer-totals: delta")
        .contains("keys [customerId]")
        .contains("bronze-orders")
        .contains("sub-pipeline [orders] (pipeline [bronze-orders])")
        .contains("orders/ingest (BronzeIngest)")
        .contains("stage [monthly] when: run date: first day of the month")
        .contains("CustomerTotals");
  }

  @Test
  void prodOverlayNeedsItsEnvironmentVariables() {
    int code = run("--env", "prod", "--dry-run");

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("[Forgeline/MissingConfigKey]")
        .contains("application-prod.conf");
  }
}
