package dev.forgeline.writer;

import dev.forgeline.core.report.PipelineReport;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The flat form of run reports: one RUN row per run carrying the pipeline metrics, then one STEP
 * row per step with the run columns repeated, so a log table can be queried with plain SQL
 * (history, duration trends, failure rates). docs/writer.md describes every column.
 *
 * <pre>{@code
 * Dataset<Row> log = spark.createDataFrame(RunLog.rows(report), RunLog.SCHEMA);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RunLog {

  /** The version of {@link #SCHEMA}, written in every row's {@code log_schema_version}. */
  public static final int SCHEMA_VERSION = 1;

  /** The column the log table is partitioned by unless configured otherwise. */
  public static final String RUN_DATE = "run_date";

  /**
   * The log schema. Times are timestamps (UTC instants); durations are milliseconds; row counts are
   * longs; a column that does not apply to a row (the step columns of the RUN row, an error of a
   * successful step, the start of a skipped step) or whose value is unknown is null, never zero.
   */
  public static final StructType SCHEMA = schema();

  private RunLog() {}

  /**
   * The report as log rows: the RUN row first, then one STEP row per step in the report's order.
   * Error messages longer than 4,096 characters and stack traces longer than 16,384 are cut, with a
   * marker saying how long they were.
   */
  public static List<Row> rows(PipelineReport report) {
    return Flattener.rows(report);
  }

  private static StructType schema() {
    StructType s = new StructType();
    for (LogColumn c : LogColumn.values()) {
      s = s.add(c.column, c.type, c.nullable);
    }
    return s;
  }
}
