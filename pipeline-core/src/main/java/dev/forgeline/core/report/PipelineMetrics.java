package dev.forgeline.core.report;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Figures about a whole run.
 *
 * @param steps the number of steps by status; every status is present, zero where none
 * @param total wall time of the run
 * @param criticalPath the longest chain of dependent step durations: the best wall time any
 *     scheduler could reach with unlimited threads
 * @param busy the sum of all step durations
 * @since 0.1.0
 */
public record PipelineMetrics(
    Map<Status, Integer> steps, Duration total, Duration criticalPath, Duration busy) {

  /** Checks for nulls and fills the missing statuses with zero. */
  public PipelineMetrics {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(criticalPath, "criticalPath");
    Objects.requireNonNull(busy, "busy");
    EnumMap<Status, Integer> all = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      all.put(s, steps == null ? 0 : steps.getOrDefault(s, 0));
    }
    steps = java.util.Collections.unmodifiableMap(all);
  }

  /** The number of steps with {@code status}. */
  public int count(Status status) {
    return steps.get(status);
  }
}
