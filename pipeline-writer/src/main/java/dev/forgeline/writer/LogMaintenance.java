package dev.forgeline.writer;

import io.delta.tables.DeltaTable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * OPTIMIZE and VACUUM for the run log, with safe defaults: VACUUM keeps at least Delta's own
 * retention check ({@code delta.deletedFileRetentionDuration}, 7 days unless the table says more)
 * and never turns that check off. Both need a classic Spark session (Delta's {@code DeltaTable}).
 *
 * <pre>{@code
 * LogMaintenance m = LogMaintenance.of(spark, settings);
 * m.optimize();
 * m.vacuum();   // with settings.retention()
 * }</pre>
 *
 * @since 0.1.0
 */
public final class LogMaintenance {
  private static final Pattern INTERVAL =
      Pattern.compile("(?:interval\\s+)?(\\d+)\\s*(weeks?|days?|hours?|minutes?|seconds?)");
  private final SparkSession spark;
  private final LogSettings settings;

  private LogMaintenance(SparkSession spark, LogSettings settings) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Maintenance of the log {@code settings} name. */
  public static LogMaintenance of(SparkSession spark, LogSettings settings) {
    return new LogMaintenance(spark, settings);
  }

  /** Compacts small files (one per report) into larger ones; returns Delta's metrics. */
  public Dataset<Row> optimize() {
    return table().optimize().executeCompaction();
  }

  /** Removes files unreferenced for longer than the configured retention. */
  public Dataset<Row> vacuum() {
    return vacuum(settings.retention());
  }

  /**
   * Removes files unreferenced for longer than {@code retention}.
   *
   * @throws LogException {@code LogRetentionTooShort} when {@code retention} is below the table's
   *     retention check
   */
  public Dataset<Row> vacuum(Duration retention) {
    DeltaTable t = table();
    Duration minimum = minimumRetention(t);
    if (retention.compareTo(minimum) < 0) {
      throw LogSettings.retentionTooShort(retention, minimum, settings.target().toString());
    }
    return t.vacuum(retention.toMinutes() / 60.0);
  }

  /** The larger of 7 days and the table's {@code delta.deletedFileRetentionDuration}. */
  Duration minimumRetention(DeltaTable t) {
    Map<String, String> props = t.detail().select("properties").first().getJavaMap(0);
    Duration table = parseInterval(props.get("delta.deletedFileRetentionDuration"));
    return table != null && table.compareTo(LogSettings.MIN_RETENTION) > 0
        ? table
        : LogSettings.MIN_RETENTION;
  }

  /** Reads Delta's {@code interval 30 days} form; null when absent or not understood. */
  static Duration parseInterval(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = INTERVAL.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2);
    if (unit.startsWith("week")) {
      return Duration.ofDays(7 * n);
    } else if (unit.startsWith("day")) {
      return Duration.ofDays(n);
    } else if (unit.startsWith("hour")) {
      return Duration.ofHours(n);
    } else if (unit.startsWith("minute")) {
      return Duration.ofMinutes(n);
    }
    return Duration.ofSeconds(n);
  }

  private DeltaTable table() {
    if (!(spark instanceof org.apache.spark.sql.classic.SparkSession)) {
      throw new LogException(
          WriterError.LOG_CONFIG,
          "OPTIMIZE and VACUUM of the run log need Delta's DeltaTable, which needs a classic Spark"
              + " session; this session is a "
              + spark.getClass().getName()
              + ".",
          settings.target().toString(),
          List.of("found: " + spark.getClass().getName()),
          "Run maintenance from a job on Spark; the mock and Spark Connect only write and read"
              + " the log.",
          null);
    }
    DeltaTable t = new DeltaLogTable(spark, settings.target(), List.of()).existing();
    if (t == null) {
      throw new LogException(
          WriterError.LOG_TABLE_MISSING,
          "There is no run log to maintain.",
          settings.target().toString(),
          List.of(),
          "A LogWriter creates the table on its first write.",
          null);
    }
    return t;
  }
}
