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

  private static Object get(Row row, String column) {
    return row.get(RunLog.SCHEMA.fieldIndex(column));
  }

  @Test
  void aRunRowThenOneRowPerStepWithRunFieldsRepeatedAndErrorsFlattened() {
    PipelineReport r = report();
    List<Row> rows = RunLog.rows(r);
    assertEquals(4, rows.size());
    for (Row row : rows) {
      assertEquals(r.runId(), get(row, "run_id"));
      assertEquals("FAILED", get(row, "run_status"));
      assertEquals(RunLog.SCHEMA.size(), row.size());
    }
    Row run = rows.get(0);
    assertEquals("RUN", get(run, "row_kind"));
    assertNull(get(run, "factory_id"));
    assertEquals(1, get(run, "steps_failed"));
    assertEquals(1, get(run, "steps_skipped"));
    Row broken = rows.get(2);
    assertEquals("Broken", get(broken, "factory_id"));
    assertEquals("FAILED", get(broken, "status"));
    assertEquals("StepFailed", get(broken, "error_id"));
    assertEquals("WRITE", get(broken, "error_phase"));
    assertEquals(IllegalStateException.class.getName(), get(broken, "error_class"));
    assertEquals("sink full", get(broken, "error_message"));
    Row skipped = rows.get(3);
    assertEquals("SKIPPED", get(skipped, "status"));
    assertNull(get(skipped, "step_start"), "a skipped step has no start");
    assertNull(get(skipped, "duration_ms"), "a skipped step has no duration, not 0");
    assertNotNull(get(skipped, "reason"));
    assertEquals(0, get(skipped, "attempts"));
    assertNull(get(run, "step_index"));
    assertEquals(2, get(skipped, "step_index"));
  }

  @Test
  void truncationKeepsTheLimitAndSaysHowLongTheTextWas() {
    assertEquals("short", Flattener.truncate("short", 10));
    String cut = Flattener.truncate("x".repeat(100), 40);
    assertEquals(40, cut.length());
    assertEquals("xxxxxxxxxxxxxxx... [truncated 100 chars]", cut);
    assertNull(Flattener.truncate(null, 10));
  }

  @Test
  void rowsFitTheSchemaOnASparkSession() {
    SparkSession spark = MockSparkSession.create();
    Dataset<Row> log = spark.createDataFrame(RunLog.rows(report()), RunLog.SCHEMA);
    assertEquals(RunLog.SCHEMA, log.schema());
    assertEquals(1, log.filter(log.col("status").equalTo("SKIPPED")).count());
    assertEquals(1, log.filter(log.col("row_kind").equalTo("RUN")).count());
  }
}
