package dev.forgeline.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a check: the number of rows and, per rule in the order given, how many rows failed
 * it.
 *
 * @param rows the number of rows checked
 * @param failures rule name to failing rows
 * @since 0.1.0
 */
public record ValidationSummary(long rows, Map<String, Long> failures) {

  /** Copies the map, keeping its order. */
  public ValidationSummary {
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }

  /** Whether no row failed any rule. */
  public boolean passed() {
    return failures.values().stream().allMatch(n -> n == 0);
  }

  /** The failing rows of {@code rule}. */
  public long failures(String rule) {
    Long n = failures.get(rule);
    if (n == null) {
      throw new IllegalArgumentException("No rule [" + rule + "]; rules: " + failures.keySet());
    }
    return n;
  }
}
