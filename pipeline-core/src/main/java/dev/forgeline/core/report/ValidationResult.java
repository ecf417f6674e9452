package dev.forgeline.core.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data-quality figures of one step's output, as a validation module recorded them.
 *
 * @param total the rows checked
 * @param valid the rows that passed every rule
 * @param invalid the rows that broke at least one rule; {@code valid + invalid == total}
 * @param passRate {@code valid / total}, on 0–1; 1 for an empty input
 * @param failedRules the names of the rules that at least one row broke, in rule order
 * @param failuresByRule rows failing each rule, by rule name (rules with no failure included)
 * @since 0.1.0
 */
public record ValidationResult(
    long total,
    long valid,
    long invalid,
    double passRate,
    List<String> failedRules,
    Map<String, Long> failuresByRule) {

  /** Checks the counts and copies the collections. */
  public ValidationResult {
    if (total < 0 || valid < 0 || invalid < 0 || valid + invalid != total) {
      throw new IllegalArgumentException(
          "validation counts were [total="
              + total
              + ", valid="
              + valid
              + ", invalid="
              + invalid
              + "] but must be non-negative with valid + invalid == total");
    }
    if (!(passRate >= 0 && passRate <= 1)) {
      throw new IllegalArgumentException(
          "passRate was [" + passRate + "] but must be within [0, 1]");
    }
    failedRules = List.copyOf(Objects.requireNonNull(failedRules, "failedRules"));
    failuresByRule =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(
                Objects.requireNonNull(failuresByRule, "failuresByRule")));
  }
}
