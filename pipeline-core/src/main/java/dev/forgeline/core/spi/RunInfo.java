package dev.forgeline.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * The run a listener callback belongs to.
 *
 * @param runId unique per run; also the report's {@code runId}
 * @param pipeline the pipeline's name
 * @param start when the run started
 * @param environment the configuration's environment overlay; null when none
 * @since 0.1.0
 */
public record RunInfo(String runId, String pipeline, Instant start, String environment) {
  /** Checks for nulls. */
  public RunInfo {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(start, "start");
  }
}
