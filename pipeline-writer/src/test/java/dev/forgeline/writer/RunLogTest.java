package dev.forgeline.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.forgeline.core.Delivery;
import dev.forgeline.core.ExecutionSettings;
import dev.forgeline.core.Factory;
import dev.forgeline.core.FailurePolicy;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.mock.MockSparkSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class RunLogTest {

  static final class Ok implements Factory<String> {
    @Override
    public String get() {
      return "ok";
    }
  }

  static final class Broken implements Factory<Integer> {
    @Override
    public void write() {
      throw new IllegalStateException("sink full");
    }

    @Override
    public Integer get() {
      return 1;
    }
  }

  static final class AfterBroken implements Factory<Long> {
    @Delivery Integer in;

    @Override
    public Long get() {
      return 1L;
    }
  }

  private static PipelineReport report() {
    return Pipeline.builder("log")
        .settings(ExecutionSettings.defaults().withFailurePolicy(FailurePolicy.CONTINUE))
        .stage("s", s -> s.add(Ok.class).add(Broken.class).add(AfterBroken.class))
        .build()
        .execute();
  }

  @Test
  void oneRowPerStepWithRunFieldsRepeatedAndErrorsFlattened() {
    PipelineReport r = report();
    List<Row> rows = RunLog.rows(r);
    assertEquals(3, rows.size());
    for (Row row : rows) {
      assertEquals(r.runId(), row.getString(0));
      assertEquals("FAILED", row.getString(4));
      assertEquals(RunLog.SCHEMA.size(), row.size());
    }
    Row broken = rows.get(1);
    assertEquals("Broken", broken.getString(6));
    assertEquals("FAILED", broken.getString(9));
    assertEquals("StepFailed", broken.getString(20));
    assertEquals("WRITE", broken.getString(21));
    assertEquals(IllegalStateException.class.getName(), broken.getString(22));
    assertEquals("sink full", broken.getString(23));
    Row skipped = rows.get(2);
    assertEquals("SKIPPED", skipped.getString(9));
    assertNull(skipped.get(11), "a skipped step has no start");
    assertNotNull(skipped.getString(10));
    assertEquals(0, skipped.getInt(17));
  }

  @Test
  void rowsFitTheSchemaOnASparkSession() {
    SparkSession spark = MockSparkSession.create();
    Dataset<Row> log = spark.createDataFrame(RunLog.rows(report()), RunLog.SCHEMA);
    assertEquals(RunLog.SCHEMA, log.schema());
    assertEquals(1, log.filter(log.col("status").equalTo("SKIPPED")).count());
  }
}
