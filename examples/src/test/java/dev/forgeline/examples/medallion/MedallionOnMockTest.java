package dev.forgeline.examples.medallion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.cli.ForgelineCli;
import dev.forgeline.core.config.SparkSettings;
import dev.forgeline.mock.MockDeltaTable;
import dev.forgeline.mock.MockSparkSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * The medallion pipeline end to end through its command-line path on the mock backend: CSV read,
 * Delta tables written in Delta's layout, the typed repository's upsert, the same gold figures as
 * the run on local Spark ({@link MedallionPipelineTest}), and the tables the mock wrote read back
 * by real Delta.
 */
class MedallionOnMockTest {
  private static final Path DATA = Path.of("src/main/resources/medallion/data");
  private static ExpectedFigures expected;

  private final Path out = ExampleSpark.buildDir().resolve("medallion-mock-" + UUID.randomUUID());
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final List<MockSparkSession> sessions = new ArrayList<>();

  @BeforeAll
  static void computeExpected() throws Exception {
    expected = ExpectedFigures.from(DATA);
  }

  /** The documented way to run any pipeline's CLI path on the mock: give the CLI a mock session. */
  static MockSparkSession mockSession(SparkSettings settings) {
    return MockSparkSession.create(settings.conf());
  }

  private int run(String... extra) {
    ForgelineCli cli =
        new ForgelineCli(
            Map.of(),
            new Properties(),
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8),
            settings -> {
              MockSparkSession s = mockSession(settings);
              sessions.add(s);
              return s;
            },
            false);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--pipeline",
                MedallionPipeline.class.getName(),
                "--env",
                "dev",
                "-Dmedallion.output-dir=" + out));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  private static long commits(Path table) throws Exception {
    try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
      return log.filter(p -> p.toString().endsWith(".json")).count();
    }
  }

  private static Figures figures(SparkSession spark, Path out) {
    Figures f = new Figures();
    for (Row r : gold(spark, out, "revenue_by_country")) {
      f.byCountry.put(r.getString(0), r.getDecimal(1).setScale(2));
      f.ordersByCountry.put(r.getString(0), r.getLong(2));
    }
    for (Row r : gold(spark, out, "revenue_by_category")) {
      f.byCategory.put(r.getString(0), r.getDecimal(1).setScale(2));
      f.units.put(r.getString(0), r.getLong(2));
    }
    for (Row r : gold(spark, out, "customer_totals")) {
      f.byCustomer.put(
          r.getLong(r.fieldIndex("customerId")), r.getDecimal(r.fieldIndex("revenue")).setScale(2));
    }
    return f;
  }

  private static List<Row> gold(SparkSession spark, Path out, String table) {
    return spark
        .read()
        .format("delta")
        .load(out.resolve("gold").resolve(table).toString())
        .collectAsList();
  }

  private static final class Figures {
    final Map<String, BigDecimal> byCountry = new TreeMap<>();
    final Map<String, Long> ordersByCountry = new TreeMap<>();
    final Map<String, BigDecimal> byCategory = new TreeMap<>();
    final Map<String, Long> units = new TreeMap<>();
    final Map<Long, BigDecimal> byCustomer = new TreeMap<>();

    void assertMatches(ExpectedFigures e) {
      assertThat(byCountry).isEqualTo(e.revenueByCountry).isNotEmpty();
      assertThat(ordersByCountry).isEqualTo(e.ordersByCountry);
      assertThat(byCategory).isEqualTo(e.revenueByCategory);
      assertThat(units).isEqualTo(e.unitsByCategory);
      assertThat(byCustomer).isEqualTo(e.revenueByCustomer);
    }
  }

  @Test
  void goldFiguresOnTheMockMatchTheCsvFilesAndRealDeltaReadsTheTables() throws Exception {
    assertThat(run()).as(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(ForgelineCli.OK);
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .contains("SUCCESS: pipeline [medallion]")
        .contains("9 succeeded");

    figures(sessions.get(0), out).assertMatches(expected);
    figures(ExampleSpark.session(), out).assertMatches(expected);
    assertThat(Files.list(out.resolve("silver/orders")).map(p -> p.getFileName().toString()))
        .anyMatch(n -> n.startsWith("country="));
  }

  @Test
  void aFailedRunOnTheMockLeavesGoldUntouched() throws Exception {
    assertThat(run()).isEqualTo(ForgelineCli.OK);
    Path countryTable = out.resolve("gold/revenue_by_country");
    Path totalsTable = out.resolve("gold/customer_totals");
    long countryCommits = commits(countryTable);
    long totalsCommits = commits(totalsTable);

    int code = run("-Dforgeline.connectors.products-csv.path=" + out.resolve("missing.csv"));

    assertThat(code).isEqualTo(ForgelineCli.FAILED);
    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .startsWith("FAILED: pipeline [medallion]")
        .contains("Connector [products-csv]")
        .contains("does not exist");
    assertThat(commits(countryTable)).isEqualTo(countryCommits);
    assertThat(commits(totalsTable)).isEqualTo(totalsCommits);
  }

  @Test
  void aSecondRunUpsertsCustomerTotalsInsteadOfAppending() throws Exception {
    assertThat(run()).isEqualTo(ForgelineCli.OK);
    Path totals = out.resolve("gold/customer_totals");
    long before = commits(totals);

    assertThat(run()).as(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(ForgelineCli.OK);

    assertThat(commits(totals)).isEqualTo(before + 1);
    MockSparkSession spark = sessions.get(1);
    assertThat(
            MockDeltaTable.forPath(spark, totals.toString())
                .history()
                .first()
                .getAs("operation")
                .toString())
        .isEqualTo("MERGE");
    figures(spark, out).assertMatches(expected);
  }
}
