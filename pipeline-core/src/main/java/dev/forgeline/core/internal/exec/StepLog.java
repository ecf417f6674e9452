package dev.forgeline.core.internal.exec;

import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.spi.PipelineListener;
import dev.forgeline.core.spi.RunInfo;
import dev.forgeline.core.spi.StepInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each step's start and end, with its duration, at INFO under {@code
 * dev.forgeline.core.steps}. It sees results after redaction, so no secret reaches the log.
 */
final class StepLog implements PipelineListener {
  static final Logger LOG = LoggerFactory.getLogger("dev.forgeline.core.steps");

  @Override
  public void onStepStart(RunInfo run, StepInfo step, int attempt) {
    if (attempt > 1) {
      LOG.info("Factory [{}] started, attempt {}", step.factoryId(), attempt);
    } else {
      LOG.info("Factory [{}] started in stage [{}]", step.factoryId(), step.stage());
    }
  }

  @Override
  public void onStepEnd(RunInfo run, StepResult result) {
    if (LOG.isInfoEnabled()) {
      LOG.info(line(result));
    }
  }

  /** The line a step's end is logged with. */
  static String line(StepResult result) {
    String id = "Factory [" + result.factoryId() + "] ";
    long ms = Math.round(result.durationMs());
    Status status = result.status();
    if (status == Status.SUCCESS) {
      return id
          + "SUCCESS in "
          + ms
          + " ms"
          + (result.rowsWritten() == null ? "" : ", " + result.rowsWritten() + " rows written");
    }
    if (status == Status.CACHED && result.reason() == null) {
      // Served from the cache: the key tells which entry (its first 12 characters suffice).
      String key = result.cacheKey();
      return id
          + "CACHED (key "
          + (key == null ? "unknown" : key.substring(0, Math.min(12, key.length())))
          + ")";
    }
    if (status == Status.SKIPPED || status == Status.CACHED) {
      return id + status + ": " + result.reason();
    }
    // a failure's cause is logged at WARN when it happens
    return id
        + status
        + " after "
        + ms
        + " ms"
        + (result.reason() == null ? "" : ": " + result.reason());
  }
}
