package dev.forgeline.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forgeline.core.Pipeline;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.mock.MockSparkSession;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The getting-started pipeline, end to end on the mock backend (the docs' snippet). */
class DemoPipelineTest {

  @Test
  void revenuePerCountryCountsOnlyPaidOrders() {
    Pipeline pipeline = DemoPipeline.build(MockSparkSession.create());
    PipelineReport report = pipeline.run();
    assertEquals(Status.SUCCESS, report.status());
    assertEquals(1, pipeline.effectiveParallelism(), "the mock asks for sequential runs");
    List<Row> revenue = pipeline.output(DemoPipeline.RevenueByCountry.class);
    assertEquals(3, revenue.size());
    assertEquals("DE", revenue.get(0).getString(0));
    assertEquals(59.25, revenue.get(0).getDouble(1), 0.0);
    assertEquals("FR", revenue.get(1).getString(0));
    assertEquals(120.0, revenue.get(1).getDouble(1), 0.0);
    assertEquals("IT", revenue.get(2).getString(0));
    assertEquals(99.9, revenue.get(2).getDouble(1), 0.0);
  }
}
