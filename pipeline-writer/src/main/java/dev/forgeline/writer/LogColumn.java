package dev.forgeline.writer;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The columns of the run log, in table order, each with its group and meaning. {@link
 * RunLog#SCHEMA} is built from this list and docs/writer.md documents it (a test compares the two).
 */
enum LogColumn {
  ROW_KIND("row_kind", DataTypes.StringType, false, "run", "RUN for the run's own row, else STEP"),
  LOG_SCHEMA_VERSION(
      "log_schema_version", DataTypes.IntegerType, false, "run", "version of this schema"),
  RUN_ID("run_id", DataTypes.StringType, false, "run", "unique per run"),
  PIPELINE("pipeline", DataTypes.StringType, false, "run", "the pipeline's name"),
  ENVIRONMENT("environment", DataTypes.StringType, true, "run", "the config environment"),
  RUN_STATUS("run_status", DataTypes.StringType, false, "run", "SUCCESS or FAILED"),
  RUN_START("run_start", DataTypes.TimestampType, false, "run", "when the run started (UTC)"),
  RUN_END("run_end", DataTypes.TimestampType, false, "run", "when the run ended (UTC)"),
  RUN_DATE("run_date", DataTypes.DateType, false, "run", "UTC date of run_start; partition"),
  RUN_DURATION_MS("run_duration_ms", DataTypes.LongType, false, "run", "wall time of the run"),
  FORGELINE_VERSION("forgeline_version", DataTypes.StringType, true, "run", "Forgeline's version"),
  SPARK_VERSION("spark_version", DataTypes.StringType, true, "run", "Spark's version"),
  SPARK_APP_ID(
      "spark_app_id", DataTypes.StringType, true, "run", "the Spark application id of the run"),
  CONFIG_HASH("config_hash", DataTypes.StringType, true, "run", "hash of the resolved config"),
  STEPS_TOTAL("steps_total", DataTypes.IntegerType, true, "metrics", "RUN row: number of steps"),
  STEPS_SUCCEEDED("steps_succeeded", DataTypes.IntegerType, true, "metrics", "RUN row: SUCCESS"),
  STEPS_FAILED("steps_failed", DataTypes.IntegerType, true, "metrics", "RUN row: FAILED"),
  STEPS_SKIPPED("steps_skipped", DataTypes.IntegerType, true, "metrics", "RUN row: SKIPPED"),
  STEPS_CANCELLED("steps_cancelled", DataTypes.IntegerType, true, "metrics", "RUN row: CANCELLED"),
  STEPS_CACHED("steps_cached", DataTypes.IntegerType, true, "metrics", "RUN row: CACHED"),
  CRITICAL_PATH_MS(
      "critical_path_ms", DataTypes.LongType, true, "metrics", "RUN row: longest dependent chain"),
  BUSY_MS("busy_ms", DataTypes.LongType, true, "metrics", "RUN row: sum of step durations"),
  STEP_INDEX("step_index", DataTypes.IntegerType, true, "step", "position in the report"),
  FACTORY_ID("factory_id", DataTypes.StringType, true, "step", "the factory's id"),
  FACTORY_CLASS("factory_class", DataTypes.StringType, true, "step", "the factory's class"),
  STAGE("stage", DataTypes.StringType, true, "step", "the factory's stage"),
  STATUS(
      "status", DataTypes.StringType, true, "step", "SUCCESS, FAILED, SKIPPED, CANCELLED, CACHED"),
  REASON("reason", DataTypes.StringType, true, "step", "why a step was skipped or cancelled"),
  UPSTREAM(
      "upstream",
      DataTypes.createArrayType(DataTypes.StringType, false),
      true,
      "step",
      "ids of the factories it consumed"),
  ATTEMPTS("attempts", DataTypes.IntegerType, true, "step", "attempts made; 0 if never started"),
  THREAD("thread", DataTypes.StringType, true, "step", "the thread that ran it"),
  STEP_START("step_start", DataTypes.TimestampType, true, "step", "when the step started"),
  STEP_END("step_end", DataTypes.TimestampType, true, "step", "when the step ended"),
  DURATION_MS("duration_ms", DataTypes.LongType, true, "step", "step_end - step_start"),
  CREATE_MS("create_ms", DataTypes.LongType, true, "step", "time in the CREATE phase"),
  READ_MS("read_ms", DataTypes.LongType, true, "step", "time in read()"),
  PROCESS_MS("process_ms", DataTypes.LongType, true, "step", "time in process()"),
  WRITE_MS("write_ms", DataTypes.LongType, true, "step", "time in write()"),
  GET_MS("get_ms", DataTypes.LongType, true, "step", "time in get()"),
  ROWS("rows", DataTypes.LongType, true, "data", "rows produced, where known"),
  ROWS_WRITTEN("rows_written", DataTypes.LongType, true, "data", "rows the step wrote"),
  TABLE_VERSIONS(
      "table_versions",
      DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
      true,
      "data",
      "table -> version the step committed"),
  VALIDATED_ROWS("validated_rows", DataTypes.LongType, true, "validation", "rows checked"),
  VALID_ROWS("valid_rows", DataTypes.LongType, true, "validation", "rows that passed"),
  INVALID_ROWS("invalid_rows", DataTypes.LongType, true, "validation", "rows that failed"),
  PASS_RATE("pass_rate", DataTypes.DoubleType, true, "validation", "valid / checked, 0 to 1"),
  FAILED_RULES(
      "failed_rules",
      DataTypes.createArrayType(DataTypes.StringType, false),
      true,
      "validation",
      "names of the rules that failed"),
  FAILURES_BY_RULE(
      "failures_by_rule",
      DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
      true,
      "validation",
      "rule -> failing rows"),
  ERROR_ID("error_id", DataTypes.StringType, true, "error", "the error id label"),
  ERROR_PHASE("error_phase", DataTypes.StringType, true, "error", "the phase that failed"),
  ERROR_CLASS("error_class", DataTypes.StringType, true, "error", "the exception's class"),
  ERROR_MESSAGE(
      "error_message", DataTypes.StringType, true, "error", "the message, truncated at 4,096"),
  ERROR_STACK(
      "error_stack", DataTypes.StringType, true, "error", "the stack trace, truncated at 16,384"),
  CACHE_STATUS("cache_status", DataTypes.StringType, true, "cache", "HIT or MISS; null if unused"),
  CACHE_KEY("cache_key", DataTypes.StringType, true, "cache", "the result-cache key"),
  METADATA(
      "metadata",
      DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
      true,
      "metadata",
      "free key/values: the step's on STEP rows, the run's on the RUN row");

  final String column;
  final DataType type;
  final boolean nullable;
  final String group;
  final String meaning;

  LogColumn(String column, DataType type, boolean nullable, String group, String meaning) {
    this.column = column;
    this.type = type;
    this.nullable = nullable;
    this.group = group;
    this.meaning = meaning;
  }
}
