package dev.forgeline.core.internal.exec;

import dev.forgeline.core.ExecutionSettings;
import dev.forgeline.core.FailurePolicy;
import dev.forgeline.core.Sleeper;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.internal.graph.Graph;
import dev.forgeline.core.internal.graph.Node;
import dev.forgeline.core.report.ErrorInfo;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.spi.RunInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a checked {@link Graph} once.
 *
 * <p>Design: one coordinating thread (the caller's) owns all scheduling state; workers never touch
 * it. A step becomes ready when its last upstream step succeeds; ready steps are started in
 * declaration order while fewer than {@code parallelism} run. Workers report through one completion
 * queue, so the coordinator sleeps until a step ends or the nearest per-step deadline passes. On a
 * failure, CONTINUE skips exactly the transitive dependents of the failed step; FAIL_FAST stops
 * starting steps, interrupts the running ones and cancels the run's Spark jobs by its job tag, then
 * waits (bounded) for them to end. The pool is created per run and shut down before {@link #run()}
 * returns, unless the caller supplied its own executor.
 */
public final class Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  /** How long a fail-fast or timed-out step may take to respond to interruption. */
  static final Duration STOP_GRACE = Duration.ofSeconds(30);

  /** How often a stopping run cancels its Spark jobs again while steps are still running. */
  static final Duration RECANCEL_EVERY = Duration.ofMillis(500);

  /** What {@link #run()} returns: the report and every step's output, by node index. */
  public record Outcome(PipelineReport report, Object[] outputs) {}

  private final Graph graph;
  private final ExecutionSettings settings;
  private final int parallelism;
  private final Clock clock;
  private final ExecutorService suppliedExecutor;
  private final RunContext ctx;
  private final String runId;
  private final RunSetup setup;
  private final Listeners listeners;
  private RunInfo runInfo;

  private final StepResult[] results;
  private final int[] remaining;
  private final PriorityQueue<Integer> ready = new PriorityQueue<>();
  private final Map<Integer, Running> running = new HashMap<>();

  private record Running(StepRunner runner, Future<?> future) {}

  /**
   * Prepares one run.
   *
   * @param parallelism the most steps at once (1 for sequential)
   * @param executor a caller-owned executor, or null for a pool owned by this run
   * @param spark the session whose job tags are set, or null for a run without Spark
   */
  public Scheduler(
      Graph graph,
      ExecutionSettings settings,
      int parallelism,
      Clock clock,
      Sleeper sleeper,
      ExecutorService executor,
      SparkSession spark,
      RunSetup setup) {
    this.graph = graph;
    this.settings = settings;
    this.parallelism = parallelism;
    this.clock = clock;
    this.suppliedExecutor = executor;
    this.runId = UUID.randomUUID().toString();
    this.ctx =
        new RunContext(
            graph,
            clock,
            sleeper,
            new SparkTags(spark, graph.pipeline(), runId),
            settings.retry(),
            new LinkedBlockingQueue<>(),
            setup.interceptors(),
            setup.redact());
    this.setup = setup;
    this.listeners = new Listeners(setup.listeners());
    this.results = new StepResult[graph.size()];
    this.remaining = new int[graph.size()];
  }

  /** The run's id, also part of its Spark job tags. */
  public String runId() {
    return runId;
  }

  /** Runs every step that can run and returns the report; never throws for a failed step. */
  public Outcome run() {
    Instant start = clock.instant();
    runInfo = new RunInfo(runId, graph.pipeline(), start, setup.provenance().environment());
    listeners.each("onRunStart", l -> l.onRunStart(runInfo));
    LOG.info(
        "Pipeline [{}] run {} starting: {} factories, parallelism {}",
        graph.pipeline(),
        runId,
        graph.size(),
        parallelism);
    ExecutorService pool = suppliedExecutor != null ? suppliedExecutor : newPool();
    try {
      for (int i = 0; i < graph.size(); i++) {
        remaining[i] = graph.upstream().get(i).length;
        if (remaining[i] == 0) {
          ready.add(i);
        }
      }
      coordinate(pool);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopAll("the calling thread was interrupted");
      drainQuietly();
    } finally {
      if (suppliedExecutor == null) {
        shutdown(pool);
      }
      if (ctx.stoppedBy() != null) {
        ctx.tags.cancelRun();
      }
    }
    Instant end = clock.instant();
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        String cause =
            ctx.stoppedBy() == null
                ? "the run was stopped"
                : "the run stopped after ["
                    + ctx.stoppedBy()
                    + "] failed ("
                    + FailurePolicy.FAIL_FAST
                    + ")";
        settle(i, skipped(i, "not started: " + cause));
      }
    }
    PipelineReport report =
        listeners.runEnded(
            ReportAssembler.assemble(runId, graph, start, end, results, setup.provenance()));
    LOG.info(
        "Pipeline [{}] run {} ended {} in {} ms: {}",
        graph.pipeline(),
        runId,
        report.status(),
        report.duration().toMillis(),
        report.metrics().steps());
    Object[] outputs = new Object[graph.size()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = ctx.outputs.get(i);
    }
    return new Outcome(report, outputs);
  }

  private void coordinate(ExecutorService pool) throws InterruptedException {
    Instant stopDeadline = null;
    while (true) {
      while (ctx.stoppedBy() == null && running.size() < parallelism && !ready.isEmpty()) {
        launch(pool, ready.poll());
      }
      if (running.isEmpty()) {
        return;
      }
      Optional<Instant> deadline = nearestDeadline();
      if (stopDeadline != null) {
        // A step still planning when the run was cancelled may submit its Spark job afterwards:
        // cancel the run's tag again until every step has ended.
        Instant recancel = clock.instant().plus(RECANCEL_EVERY);
        Instant wake = stopDeadline.isBefore(recancel) ? stopDeadline : recancel;
        if (deadline.isEmpty() || wake.isBefore(deadline.get())) {
          deadline = Optional.of(wake);
        }
      }
      StepEvent event;
      if (deadline.isEmpty()) {
        event = ctx.completions.take();
      } else {
        long waitMs = Math.max(0, Duration.between(clock.instant(), deadline.get()).toMillis());
        event = ctx.completions.poll(waitMs, TimeUnit.MILLISECONDS);
      }
      if (event != null) {
        handle(event);
      }
      expireTimeouts();
      if (ctx.stoppedBy() != null) {
        if (stopDeadline == null) {
          stopDeadline = clock.instant().plus(STOP_GRACE);
        } else if (!running.isEmpty()) {
          ctx.tags.cancelRun();
        }
      }
      if (stopDeadline != null && !clock.instant().isBefore(stopDeadline)) {
        abandonRunning("did not stop within " + STOP_GRACE.toSeconds() + " s of being interrupted");
        return;
      }
    }
  }

  private void handle(StepEvent event) {
    if (event instanceof StepOutcome done) {
      complete(done);
    } else if (event instanceof StepEvent.Started st) {
      if (!listeners.isEmpty()) {
        listeners.each(
            "onStepStart", l -> l.onStepStart(runInfo, ctx.step(st.node()), st.attempt()));
      }
    } else if (event instanceof StepEvent.Retrying r) {
      if (!listeners.isEmpty()) {
        listeners.each(
            "onStepRetry",
            l -> l.onStepRetry(runInfo, ctx.step(r.node()), r.attempt(), r.error(), r.backoff()));
      }
    }
  }

  /** Records the final result of step {@code index} and tells the listeners. */
  private void settle(int index, StepResult result) {
    results[index] = result;
    if (listeners.isEmpty()) {
      return;
    }
    if (result.status() == Status.SKIPPED) {
      listeners.each("onStepSkipped", l -> l.onStepSkipped(runInfo, result));
    } else if (result.status() == Status.CACHED) {
      listeners.each("onCacheHit", l -> l.onCacheHit(runInfo, result));
    }
    listeners.each("onStepEnd", l -> l.onStepEnd(runInfo, result));
  }

  private void launch(ExecutorService pool, int index) {
    StepRunner runner = new StepRunner(ctx, graph.nodes().get(index));
    try {
      running.put(index, new Running(runner, pool.submit(runner)));
    } catch (RejectedExecutionException e) {
      Instant now = clock.instant();
      settle(
          index,
          ctx.resultOf(index, Status.FAILED)
              .start(now)
              .end(now)
              .error(ErrorInfo.of(ErrorId.STEP_FAILED.label(), null, e))
              .build());
      onFailure(index);
    }
  }

  private void complete(StepOutcome done) {
    running.remove(done.node());
    if (results[done.node()] != null) {
      return; // already settled by a timeout; a late outcome changes nothing
    }
    settle(done.node(), done.result());
    if (done.result().status() == Status.SUCCESS) {
      ctx.outputs.set(done.node(), done.output());
      for (int d : graph.downstream().get(done.node())) {
        if (--remaining[d] == 0 && results[d] == null) {
          ready.add(d);
        }
      }
    } else if (done.result().status() == Status.FAILED) {
      LOG.warn(
          "Factory [{}] failed: {}",
          graph.nodes().get(done.node()).id(),
          done.result().error().summary());
      onFailure(done.node());
    } else {
      skipDependents(done.node());
    }
  }

  private void onFailure(int index) {
    if (settings.failurePolicy() == FailurePolicy.FAIL_FAST) {
      ctx.stop(graph.nodes().get(index).id());
      stopAll(null);
    }
    skipDependents(index);
  }

  private void stopAll(String why) {
    if (why != null) {
      ctx.stop("<" + why + ">");
    }
    for (Map.Entry<Integer, Running> e : running.entrySet()) {
      e.getValue().future().cancel(true);
    }
    ctx.tags.cancelRun();
    // Steps still queued in a caller-owned executor never start: settle them here.
    running
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue().runner().claim()) {
                settle(
                    e.getKey(),
                    skipped(e.getKey(), "not started: the run stopped before its thread was free"));
                return true;
              }
              return false;
            });
  }

  /** Skips every step downstream of {@code index} that has not started. */
  private void skipDependents(int index) {
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    todo.add(index);
    while (!todo.isEmpty()) {
      int from = todo.poll();
      for (int d : graph.downstream().get(from)) {
        if (results[d] == null && !running.containsKey(d)) {
          settle(
              d,
              skipped(
                  d,
                  "input ["
                      + graph.nodes().get(from).id()
                      + "] "
                      + (results[from].status() == Status.SKIPPED
                          ? "was skipped"
                          : "did not succeed (" + results[from].status() + ")")));
          ready.remove(d);
          todo.add(d);
        }
      }
    }
  }

  private Optional<Instant> nearestDeadline() {
    Instant nearest = null;
    for (Map.Entry<Integer, Running> e : running.entrySet()) {
      Instant d = deadlineOf(e.getKey(), e.getValue());
      if (d != null && (nearest == null || d.isBefore(nearest))) {
        nearest = d;
      }
    }
    return Optional.ofNullable(nearest);
  }

  private Instant deadlineOf(int index, Running r) {
    Node node = graph.nodes().get(index);
    Optional<Duration> timeout = node.spec().timeout().or(settings::timeout);
    Instant started = r.runner().startedAt();
    return timeout.isEmpty() || started == null ? null : started.plus(timeout.get());
  }

  private void expireTimeouts() {
    Instant now = clock.instant();
    for (Map.Entry<Integer, Running> e : Map.copyOf(running).entrySet()) {
      Instant deadline = deadlineOf(e.getKey(), e.getValue());
      if (deadline != null && !now.isBefore(deadline)) {
        int index = e.getKey();
        Node node = graph.nodes().get(index);
        StepRunner r = e.getValue().runner();
        e.getValue().future().cancel(true);
        ctx.tags.cancelStep(node.id());
        running.remove(index);
        Duration limit = Duration.between(r.startedAt(), deadline);
        settle(
            index,
            ctx.resultOf(index, Status.FAILED)
                .start(r.startedAt())
                .end(now)
                .attempts(r.attempts())
                .thread(r.threadName())
                .error(
                    ErrorInfo.of(
                        ErrorId.TIMEOUT.label(),
                        null,
                        "factory ["
                            + node.id()
                            + "] exceeded its timeout of "
                            + limit
                            + " and was interrupted"))
                .build());
        LOG.warn("Factory [{}] timed out after {}", node.id(), limit);
        onFailure(index);
      }
    }
  }

  private void abandonRunning(String why) {
    for (Map.Entry<Integer, Running> e : running.entrySet()) {
      Node node = graph.nodes().get(e.getKey());
      StepRunner r = e.getValue().runner();
      settle(
          e.getKey(),
          ctx.resultOf(e.getKey(), Status.CANCELLED)
              .reason("interrupted, but " + why)
              .start(r.startedAt())
              .end(clock.instant())
              .attempts(r.attempts())
              .thread(r.threadName())
              .build());
      LOG.error("Factory [{}] {}; its thread [{}] is abandoned", node.id(), why, r.threadName());
    }
    running.clear();
  }

  private void drainQuietly() {
    Thread.interrupted(); // wait for the interrupted steps, then restore the caller's flag
    try {
      Instant until = clock.instant().plus(STOP_GRACE);
      while (!running.isEmpty() && clock.instant().isBefore(until)) {
        StepEvent event = ctx.completions.poll(100, TimeUnit.MILLISECONDS);
        if (event != null) {
          handle(event);
        }
      }
    } catch (InterruptedException e) {
      // interrupted twice: give up waiting
    } finally {
      Thread.currentThread().interrupt();
    }
    abandonRunning("the caller was interrupted");
  }

  private StepResult skipped(int index, String reason) {
    return ctx.resultOf(index, Status.SKIPPED).reason(reason).build();
  }

  private ExecutorService newPool() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            parallelism,
            parallelism,
            0L,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            new NamedThreadFactory(graph.pipeline()));
    // Spark keeps job tags in inheritable thread-locals: start every worker now, while the
    // coordinating thread holds no tag of this run, so no worker inherits one.
    pool.prestartAllCoreThreads();
    return pool;
  }

  private static void shutdown(ExecutorService pool) {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.error("Forgeline worker threads did not end within {} s", STOP_GRACE.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
