package dev.forgeline.core.spi;

import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.StepResult;
import java.time.Duration;

/**
 * Observes pipeline runs: override only the callbacks you need.
 *
 * <p>Every callback is made on the thread that called {@code run()}/{@code execute()}, never on a
 * worker, one at a time, in this order for a run: {@link #onRunStart}; then for each step, as it
 * happens, {@link #onStepStart} (once per attempt), {@link #onStepRetry} (between attempts), and
 * finally {@link #onStepEnd} with its result; a step that never starts gets {@link #onStepSkipped}
 * then {@link #onStepEnd}; last {@link #onRunEnd} with the report. Listeners are called in the
 * order they were registered. A listener that throws is logged with its class name and the run goes
 * on as if it had returned: a listener never changes a run's outcome.
 *
 * <pre>{@code
 * Pipeline.builder("sales")
 *     .listener(new PipelineListener() {
 *       public void onStepEnd(RunInfo run, StepResult step) {
 *         log.info("{} {} in {} ms", step.factoryId(), step.status(), step.durationMs());
 *       }
 *     })
 * }</pre>
 *
 * <p>Listeners may also be bound with {@code Multibinder.newSetBinder(binder(),
 * PipelineListener.class)} in a module given to the builder.
 *
 * @since 0.1.0
 */
public interface PipelineListener {
  /** The run is about to start its first step. */
  default void onRunStart(RunInfo run) {}

  /** An attempt of a step has started on a worker ({@code attempt} counts from 1). */
  default void onStepStart(RunInfo run, StepInfo step, int attempt) {}

  /**
   * Attempt {@code failedAttempt} of a step failed with {@code error}; the next starts after {@code
   * backoff}.
   */
  default void onStepRetry(
      RunInfo run, StepInfo step, int failedAttempt, Throwable error, Duration backoff) {}

  /** A step will not start (an input failed or was skipped, or the run stopped first). */
  default void onStepSkipped(RunInfo run, StepResult result) {}

  /** A step's output was served from the result cache instead of running it. */
  default void onCacheHit(RunInfo run, StepResult result) {}

  /** A step reached its final status, whatever it is. */
  default void onStepEnd(RunInfo run, StepResult result) {}

  /** The run ended; {@code report} is what {@code execute()} returns. */
  default void onRunEnd(PipelineReport report) {}
}
