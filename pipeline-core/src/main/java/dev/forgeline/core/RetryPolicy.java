package dev.forgeline.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a failing factory is tried and how long to wait in between: the wait before attempt
 * {@code n + 1} is {@code initialBackoff * multiplier^(n - 1)}, capped at {@code maxBackoff}.
 *
 * @param maxAttempts total attempts, at least 1 (1 means no retry)
 * @param initialBackoff wait after the first failure, not negative
 * @param multiplier growth of the wait per further failure, at least 1
 * @param maxBackoff the longest wait, at least {@code initialBackoff}
 * @since 0.1.0
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

  /** One attempt, no retry. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

  /** Checks the values; see the class documentation for the allowed ranges. */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts was [" + maxAttempts + "] but must be >= 1");
    }
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException(
          "initialBackoff was [" + initialBackoff + "] but must not be negative");
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier was [" + multiplier + "] but must be >= 1");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff was ["
              + maxBackoff
              + "] but must be >= initialBackoff ["
              + initialBackoff
              + "]");
    }
  }

  /**
   * Exponential backoff: {@code attempts} tries, doubling from {@code initial} up to {@code max}.
   */
  public static RetryPolicy exponential(int attempts, Duration initial, Duration max) {
    return new RetryPolicy(attempts, initial, 2.0, max);
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration backoffAfter(int attempt) {
    double factor = Math.pow(multiplier, Math.max(0, attempt - 1));
    double nanos = initialBackoff.toNanos() * factor;
    if (nanos >= maxBackoff.toNanos()) {
      return maxBackoff;
    }
    return Duration.ofNanos((long) nanos);
  }
}
