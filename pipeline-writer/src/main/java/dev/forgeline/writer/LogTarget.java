package dev.forgeline.writer;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the run log lives: a catalog table ({@code [catalog.][schema.]table}) or a storage path.
 * Table names are checked to be plain identifiers and are only ever handed to Spark quoted, never
 * spliced into SQL text.
 *
 * @since 0.1.0
 */
public final class LogTarget {
  private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private final String table;
  private final String path;

  private LogTarget(String table, String path) {
    this.table = table;
    this.path = path;
  }

  /**
   * A catalog table, for example {@code ops.run_log}: one to three dot-separated parts, each of
   * letters, digits and underscores, not starting with a digit.
   *
   * @throws LogException with id {@code LogTableName} when the name is anything else
   */
  public static LogTarget table(String name) {
    if (name == null || name.isBlank()) {
      throw badName(String.valueOf(name), "the name is empty");
    }
    String[] parts = name.split("\\.", -1);
    if (parts.length > 3) {
      throw badName(name, "it has " + parts.length + " parts; at most 3 are allowed");
    }
    for (String part : parts) {
      if (!PART.matcher(part).matches()) {
        throw badName(name, "the part [" + part + "] is not a plain identifier");
      }
    }
    return new LogTarget(name, null);
  }

  /**
   * A storage path (local, {@code s3a://}, {@code abfss://} ...) of a Delta table.
   *
   * @throws LogException with id {@code LogConfig} when the path is empty
   */
  public static LogTarget path(String path) {
    if (path == null || path.isBlank()) {
      throw new LogException(
          WriterError.LOG_CONFIG,
          "The log path is empty.",
          "forgeline.log.path",
          List.of("found: [" + path + "]"),
          "Give a directory for the log's Delta table, or a table name.",
          null);
    }
    return new LogTarget(null, path);
  }

  /** Whether this is a catalog table (else a path). */
  public boolean isTable() {
    return table != null;
  }

  /** The table name as given; null for a path. */
  public String tableName() {
    return table;
  }

  /** The path; null for a table. */
  public String pathName() {
    return path;
  }

  /** The parts of the table name: [[catalog.]schema.]table. */
  List<String> parts() {
    return List.of(table.split("\\."));
  }

  /** The table name with every part back-quoted, as handed to Spark's parser. */
  String quotedTable() {
    StringBuilder b = new StringBuilder();
    for (String part : table.split("\\.")) {
      if (b.length() > 0) {
        b.append('.');
      }
      b.append('`').append(part).append('`');
    }
    return b.toString();
  }

  private static LogException badName(String name, String why) {
    return new LogException(
        WriterError.LOG_TABLE_NAME,
        "The log table name [" + name + "] is not allowed: " + why + ".",
        "forgeline.log.table",
        List.of("allowed: [catalog.][schema.]table, each part matching " + PART.pattern()),
        "Use a plain name such as ops.run_log, or set forgeline.log.path instead.",
        null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogTarget t
        && Objects.equals(table, t.table)
        && Objects.equals(path, t.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(table, path);
  }

  /** {@code table ops.run_log} or {@code path /data/log}. */
  @Override
  public String toString() {
    return isTable() ? "table " + table : "path " + path;
  }
}
