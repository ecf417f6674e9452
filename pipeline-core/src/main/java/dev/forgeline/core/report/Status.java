package dev.forgeline.core.report;

/**
 * The outcome of a step or of a whole run.
 *
 * @since 0.1.0
 */
public enum Status {
  /** The factory ran all its phases and produced its output. */
  SUCCESS,
  /** The factory itself failed (after its retries); {@link StepResult#error()} says why. */
  FAILED,
  /**
   * The factory did not start: an input failed or was skipped, or a fail-fast run stopped first;
   * {@link StepResult#reason()} says which.
   */
  SKIPPED,
  /** The factory was running when a fail-fast run stopped, and was interrupted. */
  CANCELLED,
  /** The output came from the result cache instead of running the factory. */
  CACHED
}
