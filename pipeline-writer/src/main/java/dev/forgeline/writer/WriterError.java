package dev.forgeline.writer;

import dev.forgeline.core.error.ErrorCode;

/**
 * The stable ids of the run log's errors, printed as {@code [Forgeline/Label]}. Labels start with
 * {@code Log} so they never collide with another module's ids.
 *
 * @since 0.1.0
 */
public enum WriterError implements ErrorCode {
  /** A log table name is empty or holds characters other than letters, digits and underscores. */
  LOG_TABLE_NAME("LogTableName", "The log table name is not a plain identifier."),
  /** The configured place holds something that is not a Delta table. */
  LOG_NOT_DELTA("LogNotDelta", "The log location holds something other than a Delta table."),
  /** The existing log table's schema or partitioning cannot take the log's rows. */
  LOG_SCHEMA_INCOMPATIBLE(
      "LogSchemaIncompatible", "The existing log table's schema is incompatible with the log."),
  /** Writing the log failed, after the bounded retries of concurrent modifications. */
  LOG_WRITE_FAILED("LogWriteFailed", "The run log could not be written."),
  /** The {@code forgeline.log} configuration, or a LogWriter builder option, is invalid. */
  LOG_CONFIG("LogConfig", "The run log configuration is invalid."),
  /** A VACUUM retention shorter than Delta's own retention check was asked for. */
  LOG_RETENTION_TOO_SHORT(
      "LogRetentionTooShort",
      "A VACUUM retention shorter than Delta's safety check was asked for."),
  /** A log table that a reader or maintenance helper needs does not exist. */
  LOG_TABLE_MISSING("LogTableMissing", "The log table does not exist.");

  private final String label;
  private final String description;

  WriterError(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The short name, for example {@code LogNotDelta}. */
  @Override
  public String label() {
    return label;
  }

  /** One sentence saying what the id means. */
  @Override
  public String description() {
    return description;
  }

  /** The printed form, for example {@code [Forgeline/LogNotDelta]}. */
  @Override
  public String toString() {
    return tag();
  }
}
