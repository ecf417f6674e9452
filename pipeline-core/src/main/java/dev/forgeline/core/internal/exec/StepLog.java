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
    long ms = Math.round(result.durationMs());
    if (result.status() == Status.SUCCESS) {
      if (result.rowsWritten() != null) {
        LOG.info(
            "Factory [{}] SUCCESS in {} ms, {} rows written",
            result.factoryId(),
            ms,
            result.rowsWritten());
      } else {
        LOG.info("Factory [{}] SUCCESS in {} ms", result.factoryId(), ms);
      }
    } else if (result.status() == Status.SKIPPED || result.status() == Status.CACHED) {
      LOG.info("Factory [{}] {}: {}", result.factoryId(), result.status(), result.reason());
    } else if (result.reason() == null) {
      // a failure's cause is logged at WARN when it happens
      LOG.info("Factory [{}] {} after {} ms", result.factoryId(), result.status(), ms);
    } else {
      LOG.info(
          "Factory [{}] {} after {} ms: {}",
          result.factoryId(),
          result.status(),
          ms,
          result.reason());
    }
  }
}
