package dev.forgeline.examples.demo;

import static dev.forgeline.test.DatasetAssertions.assertDatasetEquals;
import static dev.forgeline.test.DatasetAssertions.assertRowsEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.TypeLiteral;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.test.Backend;
import dev.forgeline.test.Comparison;
import dev.forgeline.test.Fixture;
import dev.forgeline.test.PipelineRun;
import dev.forgeline.test.PipelineRunner;
import dev.forgeline.test.RowGenerator;
import dev.forgeline.test.SparkTest;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The getting-started pipeline on the test toolkit: on the mock by default, on local Spark with
 * {@code -Dforgeline.test.backend=spark} (the docs' snippet, see docs/testing.md).
 */
@SparkTest
class DemoPipelineTest {
  private static final StructType ORDERS =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("country", DataTypes.StringType)
          .add("amount", DataTypes.DoubleType)
          .add("status", DataTypes.StringType);
  private static final StructType REVENUE =
      new StructType().add("country", DataTypes.StringType).add("revenue", DataTypes.DoubleType);

  SparkSession spark;

  @Test
  void revenuePerCountryCountsOnlyPaidOrders() {
    Pipeline pipeline = DemoPipeline.build(spark);
    PipelineReport report = pipeline.run();
    assertEquals(Status.SUCCESS, report.status());
    if (Backend.of(spark) == Backend.MOCK) {
      assertEquals(1, pipeline.effectiveParallelism(), "the mock asks for sequential runs");
    }
    List<Row> revenue = pipeline.output(DemoPipeline.RevenueByCountry.class);
    assertRowsEqual(
        List.of(
            RowFactory.create("DE", 59.25),
            RowFactory.create("FR", 120.0),
            RowFactory.create("IT", 99.9)),
        spark.createDataFrame(revenue, REVENUE));
  }

  @Test
  void paidOrdersIsTestedAloneWithItsProducerDeliveryFed() {
    Dataset<Row> orders =
        Fixture.of(ORDERS)
            .row(1, "FR", 10.0, "paid")
            .row(2, "FR", 20.0, "cancelled")
            .row(3, "DE", null, "paid")
            .strict()
            .dataset(spark);
    PipelineRun run =
        PipelineRunner.on(spark)
            .pipeline(
                "paid-only", p -> p.stage("refine", s -> s.add(DemoPipeline.PaidOrders.class)))
            .input(new TypeLiteral<Dataset<Row>>() {}, orders)
            .run()
            .assertSucceeded();
    assertDatasetEquals(
        Fixture.of(ORDERS).row(3, "DE", null, "paid").row(1, "FR", 10.0, "paid").dataset(spark),
        run.output(DemoPipeline.PaidOrders.class),
        Comparison.strict().ignoringRowOrder());
  }

  @Test
  void revenueOfGeneratedOrdersMatchesASumInJava() {
    RowGenerator orders = RowGenerator.forSchema(ORDERS).seed(42).nullRatio("amount", 0.1);
    List<Row> rows = orders.rows(500);
    PipelineRun run =
        PipelineRunner.on(spark)
            .pipeline(
                "revenue",
                p ->
                    p.stage(
                        "refine",
                        s ->
                            s.add(DemoPipeline.PaidOrders.class)
                                .add(DemoPipeline.RevenueByCountry.class)))
            .input(new TypeLiteral<Dataset<Row>>() {}, spark.createDataFrame(rows, ORDERS))
            .run()
            .assertSucceeded();
    java.util.Map<String, Double> expected = new java.util.TreeMap<>();
    for (Row r : rows) {
      if ("paid".equals(r.getString(3)) && r.isNullAt(2)) {
        expected.putIfAbsent(r.getString(1), null); // sum() of nulls only is null
      } else if ("paid".equals(r.getString(3))) {
        expected.merge(r.getString(1), r.getDouble(2), Double::sum); // a null sum so far is absent
      }
    }
    Dataset<Row> actual =
        spark.createDataFrame(run.output(DemoPipeline.RevenueByCountry.class), REVENUE);
    Fixture want = Fixture.of(REVENUE);
    for (var e : expected.entrySet()) {
      want =
          want.row(
              e.getKey(), e.getValue() == null ? null : Math.round(e.getValue() * 100) / 100.0);
    }
    assertDatasetEquals(
        want.dataset(spark), actual, Comparison.strict().withAbsoluteTolerance(0.011));
  }
}
