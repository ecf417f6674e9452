package dev.forgeline.test;

import static dev.forgeline.test.DatasetAssertions.assertDatasetEquals;
import static dev.forgeline.test.DatasetAssertions.assertRowsEqual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.TypeLiteral;
import dev.forgeline.core.connector.ConnectorException;
import dev.forgeline.core.report.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

@SparkTest
class PipelineRunnerTest {
  private static final StructType ORDERS =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add("country", DataTypes.StringType)
          .add("amount", DataTypes.DoubleType);
  private static final StructType REVENUE =
      new StructType().add("country", DataTypes.StringType).add("revenue", DataTypes.DoubleType);

  SparkSession spark;

  private static Row r(Object... values) {
    return RowFactory.create(values);
  }

  private Fixture orders() {
    return Fixture.of(ORDERS).row(1, "IT", 3.0).row(2, "IT", 4.0).row(3, "ES", 100.0);
  }

  @Test
  void aDefinitionRunsWithItsConfigAndAReplacedSource() {
    PipelineRun run =
        PipelineRunner.on(spark)
            .definition(ShopPipeline.class)
            .configResource("shop/application.conf")
            .source("orders", orders())
            .run()
            .assertSucceeded();
    List<Row> expected = List.of(r("ES", 100.0), r("IT", 7.0));
    assertRowsEqual(expected, run.output(ShopPipeline.Revenue.class));
    assertRowsEqual(expected, run.connector("revenue").read());
    assertThat(run.report().pipeline()).isEqualTo("shop");
    assertThat(run.report().steps()).extracting(s -> s.status()).containsOnly(Status.SUCCESS);
  }

  @Test
  void theSameTestReadsTheRealCsvFileOnEitherBackend(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("orders.csv");
    Files.writeString(csv, "id,country,amount\n1,IT,3.0\n2,IT,4.0\n3,ES,100.0\n");
    PipelineRun run =
        PipelineRunner.on(spark)
            .definition(ShopPipeline.class)
            .configResource("shop/application.conf")
            .override("forgeline.connectors.orders.path", csv.toString())
            .override("forgeline.connectors.orders.options.inferSchema", "true")
            .run()
            .assertSucceeded();
    List<Row> expected = List.of(r("ES", 100.0), r("IT", 7.0));
    assertRowsEqual(expected, run.output(ShopPipeline.Revenue.class));
    assertRowsEqual(expected, run.connector("revenue").read());
  }

  @Test
  void theEnvironmentOverlayGivesRowsDeclaredInHocon() {
    PipelineRun run =
        PipelineRunner.on(spark)
            .definition(ShopPipeline.class)
            .configResource("shop/application.conf")
            .env("test")
            .override("shop.min-amount", "6")
            .run()
            .assertSucceeded();
    assertRowsEqual(List.of(r("DE", 7.25), r("FR", 10.0)), run.output(ShopPipeline.Revenue.class));
  }

  @Test
  void aFailedRunIsReportedNotThrown() {
    PipelineRun run =
        PipelineRunner.on(spark)
            .definition(ShopPipeline.class)
            .configResource("shop/application.conf")
            .run();
    assertThat(run.succeeded()).isFalse();
    AssertionFailedError e = assertThrows(AssertionFailedError.class, run::assertSucceeded);
    assertThat(e.getMessage())
        .startsWith("Pipeline [shop] did not succeed: FAILED")
        .contains("ReadOrders: FAILED in READ: [Forgeline/ConnectorFailed] Connector [orders]")
        .contains("Revenue: SKIPPED");
  }

  @Test
  void aFactoryIsTestedAloneByFeedingItsProducerDelivery() {
    Dataset<Row> input = orders().dataset(spark);
    PipelineRun run =
        PipelineRunner.on(spark)
            .pipeline("alone", p -> p.stage("gold", s -> s.add(ShopPipeline.Revenue.class)))
            .configResource("shop/application.conf")
            .override("shop.min-amount", "4")
            .input(new TypeLiteral<Dataset<Row>>() {}, input)
            .run()
            .assertSucceeded();
    assertDatasetEquals(
        Fixture.of(REVENUE).row("ES", 100.0).row("IT", 4.0).dataset(spark),
        run.output(ShopPipeline.Revenue.class));
  }

  /** A factory that says what a module bound. */
  public static final class Greet implements dev.forgeline.core.Factory<String> {
    @com.google.inject.Inject
    @com.google.inject.name.Named("greeting")
    String greeting;

    @Override
    public String get() {
      return greeting;
    }
  }

  /** A module given by class: Guice creates it, with the run's settings. */
  public static final class GreetingModule extends com.google.inject.AbstractModule {
    private final String minAmount;

    @com.google.inject.Inject
    GreetingModule(@com.google.inject.name.Named("shop.min-amount") String minAmount) {
      this.minAmount = minAmount;
    }

    @Override
    protected void configure() {
      bindConstant()
          .annotatedWith(com.google.inject.name.Names.named("greeting"))
          .to("orders of at least " + minAmount);
    }
  }

  /** A module class that Guice cannot create. */
  public static final class NoWayToCreate extends com.google.inject.AbstractModule {
    NoWayToCreate(int unused) {}
  }

  @Test
  void aModuleIsGivenByClassAndCreatedByGuiceWithTheRunsSettings() {
    PipelineRun run =
        PipelineRunner.on(spark)
            .pipeline("greet", p -> p.stage("s", s -> s.add(Greet.class)))
            .configResource("shop/application.conf")
            .override("shop.min-amount", "6")
            .modules(GreetingModule.class)
            .run()
            .assertSucceeded();
    assertThat(run.output(Greet.class)).isEqualTo("orders of at least 6");

    com.google.inject.ConfigurationException e =
        assertThrows(
            com.google.inject.ConfigurationException.class,
            () ->
                PipelineRunner.on(spark)
                    .pipeline("greet", p -> p.stage("s", s -> s.add(Greet.class)))
                    .configResource("shop/application.conf")
                    .modules(NoWayToCreate.class)
                    .run());
    assertThat(e.getMessage())
        .contains("[Guice/MissingConstructor]")
        .contains("PipelineRunnerTest$NoWayToCreate");
  }

  @Test
  void replacingAnUndeclaredConnectorNamesTheDeclaredOnes() {
    PipelineRunner runner =
        PipelineRunner.on(spark)
            .definition(ShopPipeline.class)
            .configResource("shop/application.conf")
            .source("order", orders());
    ConnectorException e = assertThrows(ConnectorException.class, runner::run);
    assertThat(e.getMessage()).contains("No connector [order]").contains("[orders, revenue]");
  }

  @Test
  void optionsAreSetOnce() {
    PipelineRunner runner = PipelineRunner.on(spark).env("dev");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.env("prod"));
    assertThat(e.getMessage()).isEqualTo("env was already set to [dev]");
    assertThrows(IllegalStateException.class, () -> PipelineRunner.on(spark).run());
  }
}
