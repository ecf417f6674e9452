package dev.forgeline.examples.medallion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.cli.ForgelineCli;
import dev.forgeline.writer.LogReader;
import dev.forgeline.writer.LogTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the medallion example end to end on local Spark and checks the gold tables. */
class MedallionPipelineTest {
  private static final Path DATA = Path.of("src/main/resources/medallion/data");
  private static final Path OUT =
      ExampleSpark.buildDir().resolve("medallion-test-" + UUID.randomUUID());
  private static ExpectedFigures expected;
  private static final SparkSession SPARK = ExampleSpark.session();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void computeExpected() throws Exception {
    expected = ExpectedFigures.from(DATA);
  }

  private int run(String... extra) {
    ForgelineCli cli =
        new ForgelineCli(
            Map.of(),
            new Properties(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            settings -> SPARK,
            false);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--pipeline", MedallionPipeline.class.getName(), "-Dmedallion.output-dir=" + OUT));
    args.addAll(List.of(extra));
    if (!args.contains("--env")) {
      args.addAll(List.of("--env", "dev"));
    }
    return cli.run(args.toArray(String[]::new));
  }

  private List<Row> gold(String table) {
    return SPARK
        .read()
        .format("delta")
        .load(OUT.resolve("gold").resolve(table).toString())
        .collectAsList();
  }

  private static long commits(Path table) throws Exception {
    try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
      return log.filter(p -> p.toString().endsWith(".json")).count();
    }
  }

  @Test
  void goldFiguresMatchTheCsvFilesAndAFailedRunLeavesGoldUntouched() throws Exception {
    assertThat(run()).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ForgelineCli.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("SUCCESS: pipeline [medallion]")
        .contains("9 succeeded");

    Map<String, BigDecimal> byCountry = new TreeMap<>();
    Map<String, Long> ordersByCountry = new TreeMap<>();
    for (Row r : gold("revenue_by_country")) {
      byCountry.put(r.getString(0), r.getDecimal(1).setScale(2));
      ordersByCountry.put(r.getString(0), r.getLong(2));
    }
    Map<String, BigDecimal> byCategory = new TreeMap<>();
    Map<String, Long> units = new TreeMap<>();
    for (Row r : gold("revenue_by_category")) {
      byCategory.put(r.getString(0), r.getDecimal(1).setScale(2));
      units.put(r.getString(0), r.getLong(2));
    }
    Map<Long, BigDecimal> byCustomer = new TreeMap<>();
    for (Row r : gold("customer_totals")) {
      byCustomer.put(
          r.getLong(r.fieldIndex("customerId")), r.getDecimal(r.fieldIndex("revenue")).setScale(2));
    }
    assertThat(byCountry).isEqualTo(expected.revenueByCountry).isNotEmpty();
    assertThat(ordersByCountry).isEqualTo(expected.ordersByCountry);
    assertThat(byCategory).isEqualTo(expected.revenueByCategory);
    assertThat(units).isEqualTo(expected.unitsByCategory);
    assertThat(byCustomer).isEqualTo(expected.revenueByCustomer);

    Path countryTable = OUT.resolve("gold/revenue_by_country");
    Path totalsTable = OUT.resolve("gold/customer_totals");
    long countryCommits = commits(countryTable);
    long totalsCommits = commits(totalsTable);
    out.reset();
    int code = run("-Dforgeline.connectors.products-csv.path=" + OUT.resolve("missing.csv"));

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("FAILED: pipeline [medallion]")
        .contains("Connector [products-csv]")
        .contains("does not exist")
        .contains("report: ");
    assertThat(commits(countryTable)).isEqualTo(countryCommits);
    assertThat(commits(totalsTable)).isEqualTo(totalsCommits);
    assertThat(gold("revenue_by_country")).hasSize(expected.revenueByCountry.size());

    // Both runs, the failed one included, are in the run log that application.conf names.
    List<Row> runs =
        LogReader.open(SPARK, LogTarget.path(OUT.resolve("run_log").toString()))
            .history("medallion")
            .collectAsList();
    assertThat(runs)
        .extracting(r -> r.<String>getAs("run_status"))
        .containsExactly("FAILED", "SUCCESS");
    assertThat(runs.get(1).<Integer>getAs("steps_succeeded")).isEqualTo(9);
  }

  @Test
  void dryRunChecksConfigAndGraphWithoutRunning() {
    assertThat(run("--dry-run")).isEqualTo(ForgelineCli.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("environment: dev")
        .contains("gold-customer-totals: delta")
        .contains("keys [customer_id]")
        .contains("bronze-orders")
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
