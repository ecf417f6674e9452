package dev.forgeline.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What happened to one factory in one run.
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
 * @param error what went wrong; null unless FAILED or CANCELLED
 * @param rows the number of rows produced where the factory knows it; null when unknown
 * @param cacheKey the result-cache key; null when the step was not cached
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
    String cacheKey) {

  /** Checks for nulls and copies the phase map. */
  public StepResult {
    Objects.requireNonNull(factoryId, "factoryId");
    Objects.requireNonNull(factoryClass, "factoryClass");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(status, "status");
    phases =
        phases == null || phases.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new EnumMap<>(phases));
  }

  /** The time from start to end; zero for a step that never started. */
  public Duration duration() {
    return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
  }
}
