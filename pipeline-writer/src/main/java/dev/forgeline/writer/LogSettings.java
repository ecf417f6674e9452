package dev.forgeline.writer;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the run log is written: where, partitioned by what, the VACUUM retention and extra Delta
 * writer options. Read from HOCON:
 *
 * <pre>
 * forgeline.log {
 *   table = ops.run_log        # or: path = "/data/forgeline/run_log" (exactly one of the two)
 *   partition-by = [run_date]  # columns of RunLog.SCHEMA; default run_date
 *   retention = 7 days         # VACUUM retention; never below Delta's check (7 days)
 *   options { userMetadata = "nightly" }   # passed to Delta's writer
 * }
 * </pre>
 *
 * @param target the table or path
 * @param partitionBy the partition columns, each a column of {@link RunLog#SCHEMA}
 * @param retention how long VACUUM keeps files no longer referenced
 * @param options extra Delta writer options; the ones the writer owns are refused
 * @since 0.1.0
 */
public record LogSettings(
    LogTarget target, List<String> partitionBy, Duration retention, Map<String, String> options) {

  /** The config path of the log's settings. */
  public static final String PATH = "forgeline.log";

  /** Delta's default VACUUM retention check ({@code delta.deletedFileRetentionDuration}). */
  public static final Duration MIN_RETENTION = Duration.ofDays(7);

  /** Writer options the LogWriter sets itself; a user value would break its guarantees. */
  static final Set<String> RESERVED =
      Set.of(
          "mode",
          "txnappid",
          "txnversion",
          "mergeschema",
          "overwriteschema",
          "replacewhere",
          "path",
          "partitionoverwritemode",
          "partitionby");

  /** Validates and copies. */
  public LogSettings {
    Objects.requireNonNull(target, "target");
    partitionBy = List.copyOf(partitionBy);
    Objects.requireNonNull(retention, "retention");
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    for (String c : partitionBy) {
      if (RunLog.SCHEMA.getFieldIndex(c).isEmpty()) {
        throw badValue(
            "partition-by", c, "a column of the log schema such as run_date or pipeline");
      }
    }
    if (retention.compareTo(MIN_RETENTION) < 0) {
      throw retentionTooShort(retention, MIN_RETENTION, PATH + ".retention");
    }
    for (String k : options.keySet()) {
      if (RESERVED.contains(k.toLowerCase(Locale.ROOT))) {
        throw badValue(
            "options." + k,
            k,
            "an option the LogWriter does not set itself (not " + RESERVED + ")");
      }
    }
  }

  /** The defaults for {@code target}: partitioned by run_date, 7 days' retention, no options. */
  public static LogSettings of(LogTarget target) {
    return new LogSettings(target, List.of(RunLog.RUN_DATE), MIN_RETENTION, Map.of());
  }

  /** A copy partitioned by {@code columns}. */
  public LogSettings withPartitionBy(List<String> columns) {
    return new LogSettings(target, columns, retention, options);
  }

  /** A copy with VACUUM retention {@code retention}. */
  public LogSettings withRetention(Duration retention) {
    return new LogSettings(target, partitionBy, retention, options);
  }

  /** A copy with Delta writer {@code options}. */
  public LogSettings withOptions(Map<String, String> options) {
    return new LogSettings(target, partitionBy, retention, options);
  }

  /**
   * The settings under {@code forgeline.log}, or empty when the config has none.
   *
   * @throws LogException {@code LogConfig} naming the key when a value is missing or invalid
   */
  public static Optional<LogSettings> from(Config config) {
    if (!config.hasPath(PATH)) {
      return Optional.empty();
    }
    Config c;
    try {
      c = config.getConfig(PATH);
    } catch (ConfigException.WrongType e) {
      throw badValue("", String.valueOf(config.getValue(PATH).unwrapped()), "an object");
    }
    boolean table = c.hasPath("table");
    boolean path = c.hasPath("path");
    if (table == path) {
      throw new LogException(
          WriterError.LOG_CONFIG,
          table
              ? "The log config names both a table and a path."
              : "The log config names neither a table nor a path.",
          PATH + originOf(config),
          table
              ? List.of(
                  "table: [" + c.getString("table") + "]", "path: [" + c.getString("path") + "]")
              : List.of("keys: " + c.root().keySet()),
          "Set exactly one of forgeline.log.table and forgeline.log.path.",
          null);
    }
    LogTarget target =
        table ? LogTarget.table(string(c, "table")) : LogTarget.path(string(c, "path"));
    LogSettings s = of(target);
    if (c.hasPath("partition-by")) {
      s = s.withPartitionBy(strings(c, "partition-by"));
    }
    if (c.hasPath("retention")) {
      try {
        s = s.withRetention(c.getDuration("retention"));
      } catch (ConfigException e) {
        throw badValue(
            "retention",
            String.valueOf(c.getValue("retention").unwrapped()),
            "a duration such as 30 days");
      }
    }
    if (c.hasPath("options")) {
      Map<String, String> options = new LinkedHashMap<>();
      for (Map.Entry<String, ConfigValue> e : c.getConfig("options").entrySet()) {
        if (e.getValue().valueType() == ConfigValueType.OBJECT
            || e.getValue().valueType() == ConfigValueType.LIST) {
          throw badValue("options." + e.getKey(), e.getValue().render(), "a plain value");
        }
        options.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
      }
      s = s.withOptions(options);
    }
    return Optional.of(s);
  }

  private static String string(Config c, String key) {
    try {
      return c.getString(key);
    } catch (ConfigException.WrongType e) {
      throw badValue(key, c.getValue(key).render(), "a string");
    }
  }

  private static List<String> strings(Config c, String key) {
    if (c.getValue(key).valueType() == ConfigValueType.STRING) {
      return List.of(c.getString(key));
    }
    try {
      return new ArrayList<>(c.getStringList(key));
    } catch (ConfigException.WrongType e) {
      throw badValue(key, c.getValue(key).render(), "a column name or a list of them");
    }
  }

  private static String originOf(Config config) {
    var origin = config.getValue(PATH).origin();
    return origin.filename() == null
        ? ""
        : " (" + origin.filename() + ":" + origin.lineNumber() + ")";
  }

  static LogException badValue(String key, String value, String expected) {
    return new LogException(
        WriterError.LOG_CONFIG,
        (key.isEmpty() ? PATH : PATH + "." + key)
            + " was ["
            + value
            + "] but it must be "
            + expected
            + ".",
        key.isEmpty() ? PATH : PATH + "." + key,
        List.of(),
        "See docs/writer.md for the forgeline.log settings.",
        null);
  }

  static LogException conflict(String option, String old) {
    return new LogException(
        WriterError.LOG_CONFIG,
        "The log writer's " + option + " is set twice.",
        "LogWriter.builder." + option,
        List.of("already set to: [" + old + "]"),
        "Set each option once.",
        null);
  }

  static LogException retentionTooShort(Duration asked, Duration minimum, String place) {
    return new LogException(
        WriterError.LOG_RETENTION_TOO_SHORT,
        "A VACUUM retention of ["
            + asked
            + "] is below Delta's retention check of "
            + minimum
            + ".",
        place,
        List.of("asked: " + asked.toHours() + " hours", "minimum: " + minimum.toHours() + " hours"),
        "Files younger than the check may still be read by running queries or writers; keep "
            + minimum.toDays()
            + " days or more.",
        null);
  }
}
