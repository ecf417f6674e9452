package dev.forgeline.writer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Queries over the run log: the runs of a pipeline, the last runs, per-step duration trends,
 * failure rates and anomalies. Every query returns a lazy {@code Dataset<Row>} built with the
 * DataFrame API; names and values are never spliced into SQL text.
 *
 * <pre>{@code
 * LogReader log = LogReader.open(spark, LogTarget.path("/data/forgeline/run_log"));
 * log.durationTrends("medallion", 20).show();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class LogReader {
  private final SparkSession spark;
  private final LogTarget target;

  LogReader(SparkSession spark, LogTarget target) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.target = Objects.requireNonNull(target, "target");
  }

  /** A reader of the log at {@code target}. */
  public static LogReader open(SparkSession spark, LogTarget target) {
    return new LogReader(spark, target);
  }

  /**
   * Every row of the log.
   *
   * @throws LogException {@code LogTableMissing} when there is no log yet, {@code LogNotDelta} when
   *     the place holds something else
   */
  public Dataset<Row> log() {
    Dataset<Row> t = LogTable.of(spark, target, List.of()).read();
    if (t == null) {
      throw new LogException(
          WriterError.LOG_TABLE_MISSING,
          "There is no run log yet.",
          target.toString(),
          List.of(),
          "A LogWriter creates the table on its first write.",
          null);
    }
    return t;
  }

  /** The RUN rows (one per run, with the pipeline metrics) of {@code pipeline}, newest first. */
  public Dataset<Row> history(String pipeline) {
    return runs().filter(col("pipeline").equalTo(lit(pipeline))).orderBy(newestFirst());
  }

  /** The newest {@code n} runs of any pipeline: their RUN rows, newest first. */
  public Dataset<Row> lastRuns(int n) {
    requirePositive("n", n);
    return runs().orderBy(newestFirst()).limit(n);
  }

  /** The newest {@code n} runs of {@code pipeline}: their RUN rows, newest first. */
  public Dataset<Row> lastRuns(String pipeline, int n) {
    requirePositive("n", n);
    return history(pipeline).limit(n);
  }

  /**
   * Per step over the newest {@code window} runs of {@code pipeline}: {@code factory_id}, {@code
   * runs} (steps with a duration), {@code median_ms}, {@code p95_ms} (exact percentiles,
   * interpolated) and {@code max_ms}; steps that never started are left out.
   */
  public Dataset<Row> durationTrends(String pipeline, int window) {
    return steps(pipeline, lastRunIds(pipeline, window, 0))
        .filter(col("duration_ms").isNotNull())
        .groupBy("factory_id")
        .agg(
            count(lit(1)).as("runs"),
            percentile(col("duration_ms"), lit(0.5)).as("median_ms"),
            percentile(col("duration_ms"), lit(0.95)).as("p95_ms"),
            max("duration_ms").as("max_ms"))
        .orderBy("factory_id");
  }

  /**
   * Per step over the newest {@code window} runs of {@code pipeline}: {@code factory_id}, {@code
   * runs}, {@code failed} (status FAILED) and {@code failure_rate} (failed / runs, 0 to 1).
   */
  public Dataset<Row> failureRates(String pipeline, int window) {
    return steps(pipeline, lastRunIds(pipeline, window, 0))
        .groupBy("factory_id")
        .agg(
            count(lit(1)).as("runs"),
            sum(when(col("status").equalTo(lit("FAILED")), 1L).otherwise(0L)).as("failed"))
        .withColumn("failure_rate", col("failed").cast("double").divide(col("runs")))
        .orderBy("factory_id");
  }

  /**
   * The steps of the newest run of {@code pipeline} whose duration or row count leaves their own
   * history: a value more than {@code factor} times the median of the {@code window} runs before,
   * or less than the median divided by {@code factor}. Columns: {@code run_id}, {@code factory_id},
   * {@code metric} ({@code duration_ms} or {@code rows}), {@code value}, {@code median} and {@code
   * ratio} (value / median). Steps without history, or with a median of 0, are not judged.
   */
  public Dataset<Row> anomalies(String pipeline, int window, double factor) {
    if (!(factor > 1.0)) {
      throw LogSettings.badValue("anomalies.factor", String.valueOf(factor), "greater than 1");
    }
    List<String> latest = lastRunIds(pipeline, 1, 0);
    Dataset<Row> current = steps(pipeline, latest);
    Dataset<Row> past = steps(pipeline, lastRunIds(pipeline, window, 1));
    return anomalies(current, past, "duration_ms", factor)
        .unionByName(anomalies(current, past, "rows", factor))
        .orderBy("factory_id", "metric");
  }

  private static Dataset<Row> anomalies(
      Dataset<Row> current, Dataset<Row> past, String metric, double factor) {
    Dataset<Row> baseline =
        past.filter(col(metric).isNotNull())
            .groupBy(col("factory_id").as("b_factory_id"))
            .agg(percentile(col(metric), lit(0.5)).as("median"));
    Column ratio = col(metric).cast("double").divide(col("median"));
    return current
        .filter(col(metric).isNotNull())
        .join(baseline, col("factory_id").equalTo(col("b_factory_id")))
        .filter(col("median").gt(0))
        .withColumn("ratio", ratio)
        .filter(col("ratio").gt(factor).or(col("ratio").lt(1.0 / factor)))
        .select(
            col("run_id"),
            col("factory_id"),
            lit(metric).as("metric"),
            col(metric).cast("double").as("value"),
            col("median"),
            col("ratio"));
  }

  private Dataset<Row> runs() {
    return log().filter(col("row_kind").equalTo(lit("RUN")));
  }

  private Dataset<Row> steps(String pipeline, List<String> runIds) {
    return log()
        .filter(col("row_kind").equalTo(lit("STEP")))
        .filter(col("pipeline").equalTo(lit(pipeline)))
        .filter(col("run_id").isin(runIds.toArray()));
  }

  /**
   * The ids of the newest {@code n} runs of {@code pipeline} after skipping the newest {@code
   * skip}.
   */
  private List<String> lastRunIds(String pipeline, int n, int skip) {
    requirePositive("window", n);
    return history(pipeline).select("run_id").limit(n + skip).collectAsList().stream()
        .skip(skip)
        .map(r -> r.getString(0))
        .toList();
  }

  private static Column[] newestFirst() {
    return new Column[] {col("run_start").desc(), col("run_id").desc()};
  }

  private static void requirePositive(String name, int n) {
    if (n < 1) {
      throw LogSettings.badValue("reader." + name, String.valueOf(n), "at least 1");
    }
  }
}
