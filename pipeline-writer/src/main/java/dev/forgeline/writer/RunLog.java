package dev.forgeline.writer;

import dev.forgeline.core.report.ErrorInfo;
import dev.forgeline.core.report.Phase;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.StepResult;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The flat form of run reports: one row per step, run fields repeated, so a log table can be
 * queried with plain SQL (history, duration trends, failure rates).
 *
 * <pre>{@code
 * Dataset<Row> log = spark.createDataFrame(RunLog.rows(report), RunLog.SCHEMA);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RunLog {

  /**
   * The log schema. Times are timestamps (UTC instants); durations are milliseconds; a column that
   * does not apply to a step (an error of a successful step, the start of a skipped step) is null.
   */
  public static final StructType SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("pipeline", DataTypes.StringType, false)
          .add("run_start", DataTypes.TimestampType, false)
          .add("run_end", DataTypes.TimestampType, false)
          .add("run_status", DataTypes.StringType, false)
          .add("step_index", DataTypes.IntegerType, false)
          .add("factory_id", DataTypes.StringType, false)
          .add("factory_class", DataTypes.StringType, false)
          .add("stage", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("reason", DataTypes.StringType, true)
          .add("step_start", DataTypes.TimestampType, true)
          .add("step_end", DataTypes.TimestampType, true)
          .add("duration_ms", DataTypes.LongType, false)
          .add("read_ms", DataTypes.LongType, true)
          .add("process_ms", DataTypes.LongType, true)
          .add("write_ms", DataTypes.LongType, true)
          .add("attempts", DataTypes.IntegerType, false)
          .add("thread", DataTypes.StringType, true)
          .add("rows", DataTypes.LongType, true)
          .add("error_id", DataTypes.StringType, true)
          .add("error_phase", DataTypes.StringType, true)
          .add("error_class", DataTypes.StringType, true)
          .add("error_message", DataTypes.StringType, true)
          .add("cache_key", DataTypes.StringType, true);

  private RunLog() {}

  /** The report as log rows, one per step, in the report's order. */
  public static List<Row> rows(PipelineReport report) {
    List<Row> rows = new ArrayList<>(report.steps().size());
    int index = 0;
    for (StepResult s : report.steps()) {
      ErrorInfo e = s.error();
      rows.add(
          RowFactory.create(
              report.runId(),
              report.pipeline(),
              timestamp(report.start()),
              timestamp(report.end()),
              report.status().name(),
              index++,
              s.factoryId(),
              s.factoryClass(),
              s.stage(),
              s.status().name(),
              s.reason(),
              timestamp(s.start()),
              timestamp(s.end()),
              s.duration().toMillis(),
              millis(s, Phase.READ),
              millis(s, Phase.PROCESS),
              millis(s, Phase.WRITE),
              s.attempts(),
              s.thread(),
              s.rows(),
              e == null ? null : e.id(),
              e == null || e.phase() == null ? null : e.phase().name(),
              e == null ? null : e.type(),
              e == null ? null : e.message(),
              s.cacheKey()));
    }
    return rows;
  }

  private static Timestamp timestamp(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Long millis(StepResult s, Phase p) {
    Duration d = s.phases().get(p);
    return d == null ? null : d.toMillis();
  }
}
