package dev.forgeline.mock.delta;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Scala;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;

/**
 * Delta's errors. Delta's own error conditions are not in Spark's catalogue, so the mock builds the
 * AnalysisException with the condition, its parameters and Delta's message; concurrent commit
 * conflicts raise Delta's own exception class when delta-spark is on the classpath, otherwise its
 * JDK parent, ConcurrentModificationException, with the same message.
 */
final class DeltaErrors {
  private DeltaErrors() {}

  static RuntimeException analysis(String condition, String message, String... kv) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      params.put(kv[i], kv[i + 1]);
    }
    return Errors.sneaky(
        new AnalysisException(
            "[" + condition + "] " + message,
            scala.Option.empty(),
            scala.Option.empty(),
            scala.Option.empty(),
            scala.Option.apply(condition),
            Scala.map(params),
            new org.apache.spark.QueryContext[0]));
  }

  static RuntimeException notADeltaTable(String path) {
    return analysis(
        "DELTA_MISSING_DELTA_TABLE", "`" + path + "` is not a Delta table.", "tableName", path);
  }

  /** Reading a path with no Delta log as Delta. */
  static RuntimeException tableNotFound(String path) {
    return analysis(
        "DELTA_TABLE_NOT_FOUND",
        "Delta table `" + path + "` doesn't exist.",
        "tableName",
        "`" + path + "`");
  }

  static RuntimeException versionNotFound(long asked, long earliest, long latest) {
    return analysis(
        "DELTA_VERSION_NOT_FOUND",
        "Cannot time travel Delta table to version "
            + asked
            + ". Available versions: ["
            + earliest
            + ", "
            + latest
            + "].",
        "userVersion",
        String.valueOf(asked),
        "earliest",
        String.valueOf(earliest),
        "latest",
        String.valueOf(latest));
  }

  static RuntimeException timestampTooLate(String asked, String latest) {
    return analysis(
        "DELTA_TIMESTAMP_GREATER_THAN_COMMIT",
        "The provided timestamp ("
            + asked
            + ") is after the latest version available to this table ("
            + latest
            + "). Please use a timestamp before or at "
            + latest
            + ".",
        "providedTimestamp",
        asked,
        "tableName",
        latest,
        "maximumTimestamp",
        latest);
  }

  static RuntimeException schemaMismatch(String detail) {
    return analysis(
        "DELTA_METADATA_MISMATCH",
        "A metadata mismatch was detected when writing to the Delta table.\n"
            + "A schema mismatch detected when writing to the Delta table.\n"
            + detail
            + "\nTo enable schema migration using DataFrameWriter or DataStreamWriter, please set:"
            + " '.option(\"mergeSchema\", \"true\")'.",
        "message",
        detail);
  }

  static RuntimeException unsupportedFeature(String path, String feature) {
    return dev.forgeline.mock.engine.NotSupported.method(
        "the Delta table feature [" + feature + "] of table " + path);
  }

  /**
   * A merge where several source rows match one target row: Delta raises its
   * DeltaUnsupportedOperationException (an UnsupportedOperationException with the condition); the
   * mock builds that class when delta-spark is present, else Spark's own.
   */
  static RuntimeException multipleMatches() {
    String condition = "DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE";
    String usage = "https://docs.delta.io/latest/delta-update.html#upsert-into-a-table-using-merge";
    try {
      Class<?> c = Class.forName("org.apache.spark.sql.delta.DeltaUnsupportedOperationException");
      Object e =
          c.getConstructor(String.class, String[].class)
              .newInstance(condition, new String[] {usage});
      return (RuntimeException) e;
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return new org.apache.spark.SparkUnsupportedOperationException(
          condition, Scala.map(Map.of("usageReference", usage)));
    }
  }

  /** A lost commit race that cannot be retried: Delta's exception class when it is present. */
  static RuntimeException conflict(String deltaClass, String message) {
    try {
      Class<?> c = Class.forName("io.delta.exceptions." + deltaClass);
      Object e = c.getConstructor(String.class).newInstance(message);
      return Errors.sneaky((Throwable) e);
    } catch (ReflectiveOperationException | LinkageError e) {
      return new java.util.ConcurrentModificationException(deltaClass + ": " + message);
    }
  }
}
