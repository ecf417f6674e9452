package dev.forgeline.core.internal.exec;

import java.time.Duration;

/**
 * What a worker tells the coordinating thread: an attempt started, an attempt failed and will be
 * retried, or the step ended ({@link StepOutcome}). One queue carries all three, so listeners are
 * called on the coordinating thread in the order things happened.
 */
sealed interface StepEvent permits StepOutcome, StepEvent.Started, StepEvent.Retrying {
  /** The node's index. */
  int node();

  /** Attempt {@code attempt} (from 1) of node {@code node} started. */
  record Started(int node, int attempt) implements StepEvent {}

  /** Attempt {@code attempt} failed with {@code error}; the next starts after {@code backoff}. */
  record Retrying(int node, int attempt, Throwable error, Duration backoff) implements StepEvent {}
}
