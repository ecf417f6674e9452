package dev.forgeline.writer;

import dev.forgeline.core.report.ErrorInfo;
import dev.forgeline.core.report.Phase;
import dev.forgeline.core.report.PipelineMetrics;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.report.ValidationResult;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns one report into log rows: one RUN row with the pipeline metrics, then one STEP row per
 * step, the run columns repeated on each. Unknown values stay null, never zero; long texts are cut
 * to the documented limits so that a huge message never fails the write.
 */
final class Flattener {
  static final int MAX_MESSAGE = 4_096;
  static final int MAX_STACK = 16_384;
  static final int MAX_REASON = 4_096;
  private static final int COLUMNS = LogColumn.values().length;

  private Flattener() {}

  static List<Row> rows(PipelineReport report) {
    List<Row> rows = new ArrayList<>(report.steps().size() + 1);
    Object[] run = runColumns(report);
    rows.add(RowFactory.create(runRow(run, report)));
    int index = 0;
    for (StepResult s : report.steps()) {
      rows.add(RowFactory.create(stepRow(run, index++, s)));
    }
    return rows;
  }

  private static Object[] runColumns(PipelineReport r) {
    Object[] v = new Object[COLUMNS];
    v[LogColumn.LOG_SCHEMA_VERSION.ordinal()] = RunLog.SCHEMA_VERSION;
    v[LogColumn.RUN_ID.ordinal()] = r.runId();
    v[LogColumn.PIPELINE.ordinal()] = r.pipeline();
    v[LogColumn.RUN_STATUS.ordinal()] = r.status().name();
    v[LogColumn.RUN_START.ordinal()] = Timestamp.from(r.start());
    v[LogColumn.RUN_END.ordinal()] = Timestamp.from(r.end());
    v[LogColumn.RUN_DATE.ordinal()] = Date.valueOf(r.start().atZone(ZoneOffset.UTC).toLocalDate());
    v[LogColumn.RUN_DURATION_MS.ordinal()] = r.duration().toMillis();
    v[LogColumn.ENVIRONMENT.ordinal()] = r.environment();
    v[LogColumn.FORGELINE_VERSION.ordinal()] = r.forgelineVersion();
    v[LogColumn.SPARK_VERSION.ordinal()] = r.sparkVersion();
    v[LogColumn.SPARK_APP_ID.ordinal()] = r.sparkApplicationId();
    v[LogColumn.CONFIG_HASH.ordinal()] = r.configHash();
    return v;
  }

  private static Object[] runRow(Object[] run, PipelineReport r) {
    PipelineMetrics m = r.metrics();
    Object[] v = run.clone();
    v[LogColumn.ROW_KIND.ordinal()] = "RUN";
    v[LogColumn.STEPS_TOTAL.ordinal()] = total(m);
    v[LogColumn.STEPS_SUCCEEDED.ordinal()] = m.count(Status.SUCCESS);
    v[LogColumn.STEPS_FAILED.ordinal()] = m.count(Status.FAILED);
    v[LogColumn.STEPS_SKIPPED.ordinal()] = m.count(Status.SKIPPED);
    v[LogColumn.STEPS_CANCELLED.ordinal()] = m.count(Status.CANCELLED);
    v[LogColumn.STEPS_CACHED.ordinal()] = m.count(Status.CACHED);
    v[LogColumn.CRITICAL_PATH_MS.ordinal()] = m.criticalPath().toMillis();
    v[LogColumn.BUSY_MS.ordinal()] = m.busy().toMillis();
    v[LogColumn.METADATA.ordinal()] = orNull(r.metadata());
    return v;
  }

  private static int total(PipelineMetrics m) {
    int n = 0;
    for (Status s : Status.values()) {
      n += m.count(s);
    }
    return n;
  }

  private static Object[] stepRow(Object[] run, int index, StepResult s) {
    Object[] v = run.clone();
    v[LogColumn.ROW_KIND.ordinal()] = "STEP";
    v[LogColumn.STEP_INDEX.ordinal()] = index;
    v[LogColumn.FACTORY_ID.ordinal()] = s.factoryId();
    v[LogColumn.FACTORY_CLASS.ordinal()] = s.factoryClass();
    v[LogColumn.STAGE.ordinal()] = s.stage();
    v[LogColumn.STATUS.ordinal()] = s.status().name();
    v[LogColumn.REASON.ordinal()] = truncate(s.reason(), MAX_REASON);
    v[LogColumn.ATTEMPTS.ordinal()] = s.attempts();
    v[LogColumn.THREAD.ordinal()] = s.thread();
    v[LogColumn.STEP_START.ordinal()] = timestamp(s.start());
    v[LogColumn.STEP_END.ordinal()] = timestamp(s.end());
    v[LogColumn.DURATION_MS.ordinal()] =
        s.start() == null || s.end() == null ? null : s.duration().toMillis();
    v[LogColumn.CREATE_MS.ordinal()] = millis(s, Phase.CREATE);
    v[LogColumn.READ_MS.ordinal()] = millis(s, Phase.READ);
    v[LogColumn.PROCESS_MS.ordinal()] = millis(s, Phase.PROCESS);
    v[LogColumn.WRITE_MS.ordinal()] = millis(s, Phase.WRITE);
    v[LogColumn.GET_MS.ordinal()] = millis(s, Phase.GET);
    v[LogColumn.ROWS.ordinal()] = s.rows();
    ErrorInfo e = s.error();
    if (e != null) {
      v[LogColumn.ERROR_ID.ordinal()] = e.id();
      v[LogColumn.ERROR_PHASE.ordinal()] = e.phase() == null ? null : e.phase().name();
      v[LogColumn.ERROR_CLASS.ordinal()] = e.type();
      v[LogColumn.ERROR_MESSAGE.ordinal()] = truncate(e.message(), MAX_MESSAGE);
      v[LogColumn.ERROR_STACK.ordinal()] =
          e.stackTrace() == null || e.stackTrace().isEmpty()
              ? null
              : truncate(e.stackTrace(), MAX_STACK);
    }
    v[LogColumn.CACHE_KEY.ordinal()] = s.cacheKey();
    v[LogColumn.CACHE_STATUS.ordinal()] =
        s.status() == Status.CACHED ? "HIT" : s.cacheKey() != null ? "MISS" : null;
    v[LogColumn.ROWS_WRITTEN.ordinal()] = s.rowsWritten();
    v[LogColumn.TABLE_VERSIONS.ordinal()] = orNull(s.tableVersions());
    v[LogColumn.UPSTREAM.ordinal()] = s.upstream();
    ValidationResult q = s.validation();
    if (q != null) {
      v[LogColumn.VALIDATED_ROWS.ordinal()] = q.total();
      v[LogColumn.VALID_ROWS.ordinal()] = q.valid();
      v[LogColumn.INVALID_ROWS.ordinal()] = q.invalid();
      v[LogColumn.PASS_RATE.ordinal()] = q.passRate();
      v[LogColumn.FAILED_RULES.ordinal()] = q.failedRules();
      v[LogColumn.FAILURES_BY_RULE.ordinal()] = q.failuresByRule();
    }
    v[LogColumn.METADATA.ordinal()] = orNull(s.metadata());
    return v;
  }

  /** An empty map in a report means "nothing recorded": NULL in the log. */
  private static <K, V> Map<K, V> orNull(Map<K, V> map) {
    return map.isEmpty() ? null : map;
  }

  /**
   * Cuts {@code text} to at most {@code limit} characters, ending in a marker that says how many
   * were cut; a cut never splits a surrogate pair.
   */
  static String truncate(String text, int limit) {
    if (text == null || text.length() <= limit) {
      return text;
    }
    String marker = "... [truncated " + text.length() + " chars]";
    int keep = limit - marker.length();
    if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, Math.max(0, keep)) + marker;
  }

  private static Timestamp timestamp(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Long millis(StepResult s, Phase p) {
    Duration d = s.phases().get(p);
    return d == null ? null : d.toMillis();
  }
}
