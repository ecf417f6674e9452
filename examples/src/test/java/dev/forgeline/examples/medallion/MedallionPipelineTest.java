package dev.forgeline.examples.medallion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.report.Status;
import dev.forgeline.test.PipelineRun;
import dev.forgeline.test.PipelineRunner;
import dev.forgeline.test.SparkTest;
import dev.forgeline.writer.LogReader;
import dev.forgeline.writer.LogTarget;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the medallion example end to end with its dev configuration and checks the gold tables
 * against figures computed from the CSV files in plain Java: it reads the real CSV files, writes
 * Delta tables and reads the run log back. It runs on the mock on every build and on real Spark in
 * the examples' {@code on-spark} surefire execution (the switch set).
 */
@SparkTest(isolation = SparkTest.Isolation.PER_CLASS)
class MedallionPipelineTest {
  private static final Path DATA = Path.of("src/main/resources/medallion/data");
  private static final Path OUT =
      ExampleSpark.buildDir().resolve("medallion-test-" + UUID.randomUUID());
  private static ExpectedFigures expected;

  SparkSession spark;

  @BeforeAll
  static void computeExpected() throws Exception {
    expected = ExpectedFigures.from(DATA);
  }

  private PipelineRun run(Map<String, String> overrides) {
    PipelineRunner runner =
        PipelineRunner.on(spark)
            .definition(MedallionPipeline.class)
            .env("dev")
            .override("medallion.output-dir", OUT.toString());
    overrides.forEach(runner::override);
    return runner.run();
  }

  private List<Row> gold(String table) {
    return spark
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
    PipelineRun ok = run(Map.of()).assertSucceeded();
    // nine factories, plus the monthly count, which runs on the first day of the month only
    assertThat(ok.report().steps()).hasSize(10);
    assertThat(ok.report().step("orders/ingest").orElseThrow().status()).isEqualTo(Status.SUCCESS);
    assertThat(ok.report().step("MonthlyOrderCount").orElseThrow().status())
        .isEqualTo(
            java.time.LocalDate.now(java.time.ZoneOffset.UTC).getDayOfMonth() == 1
                ? Status.SUCCESS
                : Status.SKIPPED);

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

    // Silver's DROP rules quarantined the orders without a customer or with quantity <= 0.
    List<Row> quarantined =
        spark
            .read()
            .format("delta")
            .load(OUT.resolve("silver/orders_quarantine").toString())
            .orderBy("order_id")
            .collectAsList();
    assertThat(quarantined)
        .extracting(
            r ->
                r.getLong(r.fieldIndex("order_id"))
                    + " "
                    + r.getList(r.fieldIndex("_failed_rules")))
        .containsExactly(
            "1009 [customer_id not null]", "1010 [quantity positive]", "1012 [quantity positive]");

    Path countryTable = OUT.resolve("gold/revenue_by_country");
    Path totalsTable = OUT.resolve("gold/customer_totals");
    long countryCommits = commits(countryTable);
    long totalsCommits = commits(totalsTable);

    PipelineRun failed =
        run(
            Map.of(
                "forgeline.connectors.products-csv.path", OUT.resolve("missing.csv").toString()));

    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.report().steps())
        .anySatisfy(
            s ->
                assertThat(String.valueOf(s.error() == null ? null : s.error().message()))
                    .contains("Connector [products-csv]")
                    .contains("does not exist"));
    assertThat(commits(countryTable)).isEqualTo(countryCommits);
    assertThat(commits(totalsTable)).isEqualTo(totalsCommits);
    assertThat(gold("revenue_by_country")).hasSize(expected.revenueByCountry.size());

    // Both runs, the failed one included, are in the run log that application.conf names.
    List<Row> runs =
        LogReader.open(spark, LogTarget.path(OUT.resolve("run_log").toString()))
            .history("medallion")
            .collectAsList();
    assertThat(runs)
        .extracting(r -> r.<String>getAs("run_status"))
        .containsExactly("FAILED", "SUCCESS");
    assertThat(runs.get(1).<Integer>getAs("steps_succeeded")).isEqualTo(9);
  }
}
