package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Scala;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkException;

/** The errors of file reads and writes, with Spark's error conditions and parameters. */
public final class FileErrors {
  private FileErrors() {}

  /** FAILFAST met a malformed record: Spark's FAILED_READ_FILE around the parsing error. */
  static RuntimeException malformedRecord(String raw, Path file) {
    SparkException parsing =
        new SparkException(
            "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
            Scala.map(Map.of("badRecord", raw, "failFastMode", "FAILFAST")),
            null);
    return Errors.sneaky(
        new SparkException(
            "FAILED_READ_FILE.NO_HINT",
            Scala.map(Map.of("path", "file://" + file.toAbsolutePath())),
            parsing));
  }

  /** FAILFAST met a malformed record while inferring a schema: the parsing error itself. */
  static RuntimeException malformedWhileInferring(String raw) {
    return Errors.sneaky(
        new SparkException(
            "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
            Scala.map(Map.of("badRecord", raw, "failFastMode", "FAILFAST")),
            null));
  }

  /** Writing with errorIfExists to a path that exists. */
  public static RuntimeException pathAlreadyExists(Path path) {
    return Errors.analysis("PATH_ALREADY_EXISTS", "outputPath", DataFiles.qualified(path));
  }

  /** Nothing to infer a schema from (an empty directory, parquet or json without files). */
  static RuntimeException unableToInferSchema(String format) {
    return Errors.analysis("UNABLE_TO_INFER_SCHEMA", "format", format);
  }

  /** An I/O failure reading or writing a file. */
  static RuntimeException io(String what, Path file, Exception cause) {
    return Errors.sneaky(
        new SparkException(
            "Failed to " + what + " file " + DataFiles.qualified(file) + ": " + cause.getMessage(),
            cause));
  }
}
