package dev.forgeline.core.internal.exec;

import dev.forgeline.core.RetryPolicy;
import dev.forgeline.core.Sleeper;
import dev.forgeline.core.internal.graph.Graph;
import dev.forgeline.core.internal.graph.Node;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the steps of one run share: the graph, the outputs produced so far, the completion queue the
 * scheduler listens on, and the stop flag of a fail-fast run.
 */
final class RunContext {
  final Graph graph;
  final Clock clock;
  final Sleeper sleeper;
  final SparkTags tags;
  final RetryPolicy defaultRetry;
  final AtomicReferenceArray<Object> outputs;
  final BlockingQueue<StepOutcome> completions;
  private volatile String stoppedBy;

  RunContext(
      Graph graph,
      Clock clock,
      Sleeper sleeper,
      SparkTags tags,
      RetryPolicy defaultRetry,
      BlockingQueue<StepOutcome> completions) {
    this.graph = graph;
    this.clock = clock;
    this.sleeper = sleeper;
    this.tags = tags;
    this.defaultRetry = defaultRetry;
    this.outputs = new AtomicReferenceArray<>(graph.size());
    this.completions = completions;
  }

  RetryPolicy retryOf(Node node) {
    return node.spec().retry().orElse(defaultRetry);
  }

  /** Marks the run as stopping because of {@code factoryId} (fail-fast). */
  void stop(String factoryId) {
    if (stoppedBy == null) {
      stoppedBy = factoryId;
    }
  }

  /** The factory whose failure stopped the run, or null while it runs on. */
  String stoppedBy() {
    return stoppedBy;
  }
}
