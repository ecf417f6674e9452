package dev.forgeline.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What happened to one factory in one run. Build one with {@link #builder}; every optional field
 * defaults to "unknown" (null, or empty for collections).
 *
 * <pre>{@code
 * StepResult r = StepResult.builder("orders", ReadOrders.class.getName(), "bronze", Status.SUCCESS)
 *     .start(t0).end(t1).attempts(1).rows(120L).build();
 * }</pre>
 *
 * @param factoryId the factory's id in the pipeline
 * @param factoryClass the factory's class name
 * @param stage the stage the factory belongs to
 * @param status the outcome
 * @param reason why a step was skipped or cancelled; null otherwise
 * @param start when the step started; null for a step that never started
 * @param end when the step ended; null for a step that never started
 * @param phases time spent per phase (of the last attempt); empty for a step that never started
 * @param attempts how many attempts were made; 0 for a step that never started
 * @param thread the name of the thread that ran the step; null for a step that never started
 * @param error what went wrong; null unless FAILED (or CANCELLED with a cause)
 * @param rows the number of rows produced where the factory knows it; null when unknown
 * @param rowsWritten rows written by the step's connectors, from Spark's write metrics; null when
 *     unknown or nothing was written
 * @param tableVersions the table versions the step's writes produced (Delta), by table path or
 *     name; empty when none
 * @param upstream the ids of the steps this one consumed, in delivery order
 * @param validation the validation figures of the output; null when it was not validated
 * @param cacheKey the result-cache key; null when the step was not cached
 * @param metadata free-form facts recorded during the step (by modules or the factory)
 * @since 0.1.0
 */
public record StepResult(
    String factoryId,
    String factoryClass,
    String stage,
    Status status,
    String reason,
    Instant start,
    Instant end,
    Map<Phase, Duration> phases,
    int attempts,
    String thread,
    ErrorInfo error,
    Long rows,
    Long rowsWritten,
    Map<String, Long> tableVersions,
    List<String> upstream,
    ValidationResult validation,
    String cacheKey,
    Map<String, String> metadata) {

  /** Checks for nulls and copies the collections. */
  public StepResult {
    Objects.requireNonNull(factoryId, "factoryId");
    Objects.requireNonNull(factoryClass, "factoryClass");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(status, "status");
    phases =
        phases == null || phases.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new EnumMap<>(phases));
    tableVersions =
        tableVersions == null || tableVersions.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(tableVersions));
    upstream = upstream == null ? List.of() : List.copyOf(upstream);
    metadata =
        metadata == null || metadata.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** Starts a result with its four required fields. */
  public static Builder builder(
      String factoryId, String factoryClass, String stage, Status status) {
    return new Builder(factoryId, factoryClass, stage, status);
  }

  /** A builder holding this result's fields, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(factoryId, factoryClass, stage, status)
        .reason(reason)
        .start(start)
        .end(end)
        .phases(phases)
        .attempts(attempts)
        .thread(thread)
        .error(error)
        .rows(rows)
        .rowsWritten(rowsWritten)
        .tableVersions(tableVersions)
        .upstream(upstream)
        .validation(validation)
        .cacheKey(cacheKey)
        .metadata(metadata);
  }

  /** The time from start to end; zero for a step that never started. */
  public Duration duration() {
    return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
  }

  /** {@link #duration()} in milliseconds, with sub-millisecond digits. */
  public double durationMs() {
    return duration().toNanos() / 1e6;
  }

  /**
   * Collects a {@link StepResult}. Setters may be called in any order; {@link #build()} checks the
   * required fields.
   */
  public static final class Builder {
    private final String factoryId;
    private final String factoryClass;
    private final String stage;
    private Status status;
    private String reason;
    private Instant start;
    private Instant end;
    private Map<Phase, Duration> phases = Map.of();
    private int attempts;
    private String thread;
    private ErrorInfo error;
    private Long rows;
    private Long rowsWritten;
    private Map<String, Long> tableVersions = Map.of();
    private List<String> upstream = List.of();
    private ValidationResult validation;
    private String cacheKey;
    private Map<String, String> metadata = Map.of();

    private Builder(String factoryId, String factoryClass, String stage, Status status) {
      this.factoryId = factoryId;
      this.factoryClass = factoryClass;
      this.stage = stage;
      this.status = status;
    }

    /** The outcome. */
    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /** Why the step was skipped or cancelled. */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /** When the step started. */
    public Builder start(Instant start) {
      this.start = start;
      return this;
    }

    /** When the step ended. */
    public Builder end(Instant end) {
      this.end = end;
      return this;
    }

    /** Time per phase. */
    public Builder phases(Map<Phase, Duration> phases) {
      this.phases = phases;
      return this;
    }

    /** The number of attempts. */
    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    /** The worker thread's name. */
    public Builder thread(String thread) {
      this.thread = thread;
      return this;
    }

    /** What went wrong. */
    public Builder error(ErrorInfo error) {
      this.error = error;
      return this;
    }

    /** Rows produced, where known. */
    public Builder rows(Long rows) {
      this.rows = rows;
      return this;
    }

    /** Rows written by connectors, where known. */
    public Builder rowsWritten(Long rowsWritten) {
      this.rowsWritten = rowsWritten;
      return this;
    }

    /** Table versions produced by writes. */
    public Builder tableVersions(Map<String, Long> tableVersions) {
      this.tableVersions = tableVersions;
      return this;
    }

    /** The ids of upstream steps. */
    public Builder upstream(List<String> upstream) {
      this.upstream = upstream;
      return this;
    }

    /** Validation figures of the output. */
    public Builder validation(ValidationResult validation) {
      this.validation = validation;
      return this;
    }

    /** The result-cache key. */
    public Builder cacheKey(String cacheKey) {
      this.cacheKey = cacheKey;
      return this;
    }

    /** Free-form facts. */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata = metadata;
      return this;
    }

    /** The result. */
    public StepResult build() {
      return new StepResult(
          factoryId,
          factoryClass,
          stage,
          status,
          reason,
          start,
          end,
          phases,
          attempts,
          thread,
          error,
          rows,
          rowsWritten,
          tableVersions,
          upstream,
          validation,
          cacheKey,
          metadata);
    }
  }
}
