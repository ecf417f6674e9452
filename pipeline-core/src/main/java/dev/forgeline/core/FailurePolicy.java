package dev.forgeline.core;

/**
 * What a run does when a factory fails.
 *
 * @since 0.1.0
 */
public enum FailurePolicy {
  /**
   * Stop scheduling, interrupt running factories and cancel their Spark jobs (through the run's job
   * tag); everything not finished is reported as cancelled or skipped.
   */
  FAIL_FAST,
  /** Skip only the factories that depend on the failed one; independent branches finish. */
  CONTINUE
}
