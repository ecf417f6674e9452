package dev.forgeline.validation;

/**
 * What a rule does with the rows that break it.
 *
 * @since 0.1.0
 */
public enum Action {
  /** Count only: failing rows stay among the valid rows; a breach is reported, never fatal. */
  WARN,
  /**
   * Quarantine: failing rows leave the valid rows for the quarantine. With a threshold, a pass rate
   * under it also fails the validation.
   */
  DROP,
  /**
   * Fail: a pass rate under the threshold (any failing row when there is none) fails the
   * validation; when it does not, failing rows are quarantined as for DROP.
   */
  FAIL
}
