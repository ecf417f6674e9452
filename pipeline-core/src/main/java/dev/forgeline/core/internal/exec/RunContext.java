package dev.forgeline.core.internal.exec;

import dev.forgeline.core.RetryPolicy;
import dev.forgeline.core.Sleeper;
import dev.forgeline.core.internal.cache.RunCache;
import dev.forgeline.core.internal.graph.Graph;
import dev.forgeline.core.internal.graph.Node;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.spi.StepInfo;
import dev.forgeline.core.spi.StepInterceptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

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
  final BlockingQueue<StepEvent> completions;
  final List<StepInterceptor> interceptors;
  final UnaryOperator<String> redact;

  /** The run's view of the result cache; null when the pipeline has none. */
  final RunCache cache;

  private final StepInfo[] steps;
  private volatile String stopReason;

  RunContext(
      Graph graph,
      Clock clock,
      Sleeper sleeper,
      SparkTags tags,
      RetryPolicy defaultRetry,
      BlockingQueue<StepEvent> completions,
      List<StepInterceptor> interceptors,
      UnaryOperator<String> redact,
      RunCache cache) {
    this.graph = graph;
    this.clock = clock;
    this.sleeper = sleeper;
    this.tags = tags;
    this.defaultRetry = defaultRetry;
    this.outputs = new AtomicReferenceArray<>(graph.size());
    this.completions = completions;
    this.interceptors = List.copyOf(interceptors);
    this.redact = redact;
    this.cache = cache;
    this.steps = new StepInfo[graph.size()];
    for (Node n : graph.nodes()) {
      List<String> up = new ArrayList<>();
      for (int u : graph.upstream().get(n.index())) {
        up.add(graph.nodes().get(u).id());
      }
      steps[n.index()] = new StepInfo(n.id(), n.type().getName(), n.stage(), up);
    }
  }

  /** The step as extensions see it. */
  StepInfo step(int index) {
    return steps[index];
  }

  /** A result builder for node {@code index} with its id, class, stage and upstream filled in. */
  StepResult.Builder resultOf(int index, Status status) {
    StepInfo s = steps[index];
    return StepResult.builder(s.factoryId(), s.factoryClass(), s.stage(), status)
        .upstream(s.upstream());
  }

  RetryPolicy retryOf(Node node) {
    return node.spec().retry().orElse(defaultRetry);
  }

  /**
   * Marks the run as stopping; the first reason wins. The reason is a phrase that completes "not
   * started: ..." and "interrupted: ...", such as "the run stopped after [load] failed (FAIL_FAST)"
   * or "the calling thread was interrupted".
   */
  synchronized void stop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
  }

  /** Why the run is stopping, or null while it runs on. */
  String stopReason() {
    return stopReason;
  }

  /** Whether the run is stopping. */
  boolean stopping() {
    return stopReason != null;
  }
}
