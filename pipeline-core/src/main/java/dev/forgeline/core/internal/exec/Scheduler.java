package dev.forgeline.core.internal.exec;

import dev.forgeline.core.ExecutionSettings;
import dev.forgeline.core.FailurePolicy;
import dev.forgeline.core.Sleeper;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.internal.graph.Graph;
import dev.forgeline.core.internal.graph.Node;
import dev.forgeline.core.internal.graph.Wire;
import dev.forgeline.core.report.ErrorInfo;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.spi.RunInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * waits (bounded) for them to end. A JVM error (OutOfMemoryError, StackOverflowError) stops the run
 * under either policy.
 *
 * <p>Timeouts: a step that passes its deadline is interrupted and its Spark jobs cancelled; it no
 * longer counts against {@code parallelism}, and the run's own pool grows by one thread so a step
 * that ignores interruption cannot starve the others. The step is settled FAILED (Timeout) when its
 * worker ends, or after {@link ExecutionSettings#stopGrace()} at the latest, when its thread is
 * abandoned (worker threads are daemons) and the report says so. The pool is created per run and
 * shut down before {@link #run()} returns, without waiting for abandoned threads, unless the caller
 * supplied its own executor.
 */
public final class Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  /**
   * When a stopping run first cancels its Spark jobs again while steps are still running; the gap
   * doubles after each try, so a slow stop logs a handful of cancel lines, not one per event.
   */
  static final Duration RECANCEL_FIRST = Duration.ofMillis(500);

  /** What {@link #run()} returns: the report and every step's output, by node index. */
  public record Outcome(PipelineReport report, List<Object> outputs) {
    /** Copies the outputs into an unmodifiable list (null for a step without output). */
    public Outcome {
      outputs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(outputs));
    }
  }

  private final Graph graph;
  private final ExecutionSettings settings;
  private final int parallelism;
  private final Clock clock;
  private final ExecutorService suppliedExecutor;
  private final RunContext ctx;
  private final String runId;
  private final SparkSession spark;
  private final RunSetup setup;
  private final Listeners listeners;
  private RunInfo runInfo;

  private final StepResult[] results;
  private final boolean[] benign;
  private final Gates gates;
  private final int[] remaining;
  private final PriorityQueue<Integer> ready = new PriorityQueue<>();
  private final Map<Integer, Running> running = new HashMap<>();
  private final Duration grace;
  private ThreadPoolExecutor ownPool;
  private int abandoned;

  /** A submitted step; a timed-out one waits here for its worker for the stop grace at most. */
  private static final class Running {
    final StepRunner runner;
    final Future<?> future;
    Instant timedOutAt;
    Duration limit;

    Running(StepRunner runner, Future<?> future) {
      this.runner = runner;
      this.future = future;
    }

    boolean timedOut() {
      return timedOutAt != null;
    }
  }

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
    this.spark = spark;
    this.ctx =
        new RunContext(
            graph,
            clock,
            sleeper,
            new SparkTags(spark, graph.pipeline(), runId),
            settings.retry(),
            new LinkedBlockingQueue<>(),
            setup.interceptors(),
            setup.redact(),
            setup.cache() == null ? null : setup.cache().newRun(runId, graph, spark, clock));
    this.setup = setup;
    this.listeners = new Listeners(setup.listeners(), setup.redact());
    this.results = new StepResult[graph.size()];
    this.benign = new boolean[graph.size()];
    this.gates = new Gates(graph, clock, results, ctx);
    this.remaining = new int[graph.size()];
    this.grace = settings.stopGrace();
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
    ThreadPoolExecutor storer = CacheStorer.start(ctx, spark, graph.pipeline());
    try {
      for (int i = 0; i < graph.size(); i++) {
        remaining[i] = graph.upstream().get(i).length;
        if (ctx.cache != null && ctx.cache.leftOut(i)) {
          settle(i, skipped(i, setup.cache().leftOutReason()));
        }
      }
      for (int i = 0; i < graph.size(); i++) {
        if (remaining[i] == 0 && results[i] == null && !arrive(i)) {
          propagate(i);
        }
      }
      coordinate(pool);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ctx.stop("the calling thread was interrupted");
      stopAll();
      drainQuietly();
    } finally {
      if (suppliedExecutor == null) {
        shutdown(pool);
      }
      if (abandoned > 0) {
        ctx.tags.cancelRun(); // jobs an abandoned step submitted after its own cancel
      }
      CacheStorer.finish(ctx, storer);
    }
    Instant end = clock.instant();
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        String cause = ctx.stopping() ? ctx.stopReason() : "the run was stopped";
        settle(i, skipped(i, "not started: " + cause));
      }
    }
    PipelineReport report =
        listeners.runEnded(
            ReportAssembler.assemble(
                runId, graph, start, end, results, benign, setup.provenance(), this::leftOut));
    LOG.info(
        "Pipeline [{}] run {} ended {} in {} ms: {}",
        graph.pipeline(),
        runId,
        report.status(),
        report.duration().toMillis(),
        report.metrics().steps());
    List<Object> outputs = new ArrayList<>(graph.size());
    for (int i = 0; i < graph.size(); i++) {
      outputs.add(ctx.outputs.get(i));
    }
    return new Outcome(report, outputs);
  }

  private void coordinate(ExecutorService pool) throws InterruptedException {
    Instant stopDeadline = null;
    Instant recancel = null;
    Duration recancelGap = RECANCEL_FIRST;
    while (true) {
      while (!ctx.stopping() && active() < parallelism && !ready.isEmpty()) {
        launch(pool, ready.poll());
      }
      if (running.isEmpty()) {
        return;
      }
      Optional<Instant> deadline = nearestDeadline();
      if (stopDeadline != null) {
        // A step still planning when the run was cancelled may submit its Spark job afterwards:
        // cancel the run's tag again, less and less often, until every step has ended.
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
      Instant now = clock.instant();
      if (ctx.stopping()) {
        if (stopDeadline == null) {
          stopDeadline = now.plus(grace);
          recancel = now.plus(recancelGap);
        } else if (!running.isEmpty() && !now.isBefore(recancel)) {
          ctx.tags.cancelRun();
          recancelGap = recancelGap.multipliedBy(2);
          recancel = now.plus(recancelGap);
        }
      }
      if (stopDeadline != null && !now.isBefore(stopDeadline)) {
        abandonRunning("did not stop within " + grace + " of being interrupted");
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
  private void settle(int index, StepResult raw) {
    StepResult result = Redaction.of(raw, ctx.redact);
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

  /** Steps running and not yet timed out: the ones that count against parallelism. */
  private int active() {
    int n = 0;
    for (Running r : running.values()) {
      n += r.timedOut() ? 0 : 1;
    }
    return n;
  }

  private void complete(StepOutcome done) {
    Running r = running.remove(done.node());
    if (results[done.node()] != null) {
      return; // already settled (stopped before it started, or abandoned): nothing changes
    }
    if (r != null && r.timedOut()) {
      settle(done.node(), timedOut(done.node(), r, done.result(), " and was interrupted"));
      onFailure(done.node());
      return;
    }
    StepResult result = done.result();
    Node node = graph.nodes().get(done.node());
    if (!node.guards().isEmpty()) {
      Map<String, String> meta = new java.util.LinkedHashMap<>(result.metadata());
      meta.putAll(gates.facts(node));
      result = result.toBuilder().metadata(meta).build();
    }
    settle(done.node(), result);
    if (done.result().status() == Status.SUCCESS || done.result().status() == Status.CACHED) {
      ctx.outputs.set(done.node(), done.output());
      propagate(done.node());
    } else if (done.result().status() == Status.FAILED) {
      LOG.warn(
          "Factory [{}] failed: {}",
          graph.nodes().get(done.node()).id(),
          results[done.node()].error().summary());
      if (done.fatal()) {
        ctx.stop(
            "the run stopped after ["
                + graph.nodes().get(done.node()).id()
                + "] failed with "
                + simpleName(done.result().error().type())
                + ", a JVM error that stops the run whatever the failure policy");
        stopAll();
      }
      onFailure(done.node());
    } else {
      propagate(done.node());
    }
  }

  private static String simpleName(String type) {
    return type == null ? "an error" : type.substring(type.lastIndexOf('.') + 1);
  }

  private void onFailure(int index) {
    stopIfFailFast(index);
    propagate(index);
  }

  private void stopIfFailFast(int index) {
    if (settings.failurePolicy() == FailurePolicy.FAIL_FAST && !ctx.stopping()) {
      ctx.stop(
          "the run stopped after ["
              + graph.nodes().get(index).id()
              + "] failed ("
              + FailurePolicy.FAIL_FAST
              + ")");
      stopAll();
    }
  }

  /** Interrupts every running step and cancels the run's Spark jobs, once per stop. */
  private void stopAll() {
    for (Map.Entry<Integer, Running> e : running.entrySet()) {
      e.getValue().future.cancel(true);
    }
    ctx.tags.cancelRun();
    // Steps still queued in a caller-owned executor never start: settle them here.
    running
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue().runner.claim()) {
                settle(
                    e.getKey(),
                    skipped(e.getKey(), "not started: the run stopped before its thread was free"));
                return true;
              }
              return false;
            });
  }

  /**
   * Passes the final status of step {@code index} downstream: a consumer whose last awaited step
   * has ended becomes ready (see {@link #arrive}); a consumer that cannot run without it is
   * skipped, and so on down. Edge kinds decide: a required input must succeed, an optional input or
   * a branch may be skipped, an outcome condition only waits.
   */
  private void propagate(int index) {
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    todo.add(index);
    while (!todo.isEmpty()) {
      int from = todo.poll();
      Status status = results[from].status();
      int[] down = graph.downstream().get(from);
      byte[] kinds = graph.downKinds().get(from);
      for (int k = 0; k < down.length; k++) {
        int d = down[k];
        if (results[d] != null || running.containsKey(d)) {
          continue;
        }
        if (passes(status, kinds[k])) {
          if (--remaining[d] == 0 && !arrive(d)) {
            todo.add(d);
          }
          continue;
        }
        benign[d] = status == Status.SKIPPED && benign[from];
        settle(
            d,
            skipped(
                d,
                "input ["
                    + graph.nodes().get(from).id()
                    + "] "
                    + (status == Status.SKIPPED
                        ? "was skipped"
                        : "did not succeed (" + status + ")")));
        ready.remove(d);
        todo.add(d);
      }
    }
  }

  private static boolean passes(Status status, byte kind) {
    return switch (status) {
      case SUCCESS, CACHED -> true;
      case SKIPPED -> kind != Graph.REQUIRED;
      default -> kind == Graph.AFTER;
    };
  }

  /**
   * Step {@code index} has nothing left to wait for: queues it, or settles it when a branch input
   * is missing or a condition stops it (returns false; the caller passes the result on). Conditions
   * are evaluated here, on the coordinating thread, once per run.
   */
  private boolean arrive(int index) {
    Node node = graph.nodes().get(index);
    if (ctx.stopping()) {
      ready.add(index); // never launched: settled as not started when the run ends
      return true;
    }
    for (Wire w : graph.wires().get(index)) {
      if (w.elseNode() >= 0 && !w.point().optional() && !ran(w.fromNode()) && !ran(w.elseNode())) {
        benign[index] = benign[w.fromNode()] && benign[w.elseNode()];
        settle(
            index,
            skipped(
                index,
                "input ["
                    + graph.nodes().get(w.fromNode()).id()
                    + "] and its otherwise branch ["
                    + graph.nodes().get(w.elseNode()).id()
                    + "] were both skipped"));
        return false;
      }
    }
    if (!node.guards().isEmpty()) {
      Gates.Verdict v = gates.check(node);
      if (v != null && v.error() != null) {
        ErrorInfo e = ErrorInfo.of(ErrorId.CONDITION_FAILED.label(), null, v.error());
        Instant now = clock.instant();
        settle(
            index,
            ctx.resultOf(index, Status.FAILED)
                .start(now)
                .end(now)
                .error(
                    new ErrorInfo(
                        e.id(),
                        null,
                        e.type(),
                        "condition ["
                            + v.guard().condition().description()
                            + "] of stage ["
                            + v.guard().stage()
                            + "] threw: "
                            + e.message(),
                        e.stackTrace()))
                .build());
        LOG.warn(
            "Factory [{}] failed: its condition [{}] threw",
            node.id(),
            v.guard().condition().description());
        stopIfFailFast(index);
        return false;
      }
      if (v != null) {
        benign[index] = true;
        settle(
            index,
            ctx.resultOf(index, Status.SKIPPED)
                .reason(
                    v.guard().otherwise()
                        ? "otherwise branch of ["
                            + v.guard().stage()
                            + "]: its condition ["
                            + v.guard().condition().description()
                            + "] held"
                        : "condition ["
                            + v.guard().condition().description()
                            + "] of stage ["
                            + v.guard().stage()
                            + "] did not hold")
                .metadata(gates.facts(node))
                .build());
        return false;
      }
    }
    ready.add(index);
    return true;
  }

  private boolean ran(int index) {
    Status s = results[index] == null ? null : results[index].status();
    return s == Status.SUCCESS || s == Status.CACHED;
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

  /** The step's timeout, or for a timed-out step the end of its grace; null for none yet. */
  private Instant deadlineOf(int index, Running r) {
    if (r.timedOut()) {
      return r.timedOutAt.plus(grace);
    }
    Node node = graph.nodes().get(index);
    Optional<Duration> timeout = node.spec().timeout().or(settings::timeout);
    Instant started = r.runner.startedAt();
    return timeout.isEmpty() || started == null ? null : started.plus(timeout.get());
  }

  private void expireTimeouts() {
    Instant now = clock.instant();
    for (Map.Entry<Integer, Running> e : List.copyOf(running.entrySet())) {
      int index = e.getKey();
      Running r = e.getValue();
      Instant deadline = deadlineOf(index, r);
      if (deadline == null || now.isBefore(deadline)) {
        continue;
      }
      Node node = graph.nodes().get(index);
      if (!r.timedOut()) {
        r.timedOutAt = now;
        r.limit = Duration.between(r.runner.startedAt(), deadline);
        r.future.cancel(true);
        ctx.tags.cancelStep(node.id());
        growPool();
        LOG.warn("Factory [{}] timed out after {}; interrupted it", node.id(), r.limit);
        if (settings.failurePolicy() == FailurePolicy.FAIL_FAST && !ctx.stopping()) {
          ctx.stop("the run stopped after [" + node.id() + "] timed out (FAIL_FAST)");
          stopAll();
        }
      } else {
        running.remove(index);
        abandoned++;
        settle(index, timedOut(index, r, null, abandonedSuffix(r)));
        LOG.error(
            "Factory [{}] ignored its interruption for {}; its thread [{}] is abandoned",
            node.id(),
            grace,
            r.runner.threadName());
        onFailure(index);
      }
    }
  }

  private String abandonedSuffix(Running r) {
    return " and did not respond to interruption within "
        + grace
        + "; its thread ["
        + r.runner.threadName()
        + "] was abandoned";
  }

  /** The result of a timed-out step, with the phases of its late outcome when there is one. */
  private StepResult timedOut(int index, Running r, StepResult late, String suffix) {
    StepResult.Builder b =
        ctx.resultOf(index, Status.FAILED)
            .start(r.runner.startedAt())
            .end(r.timedOutAt)
            .attempts(r.runner.attempts())
            .thread(r.runner.threadName())
            .error(
                ErrorInfo.of(
                    ErrorId.TIMEOUT.label(),
                    null,
                    "factory ["
                        + graph.nodes().get(index).id()
                        + "] exceeded its timeout of "
                        + r.limit
                        + suffix));
    if (late != null) {
      b.phases(late.phases());
    }
    return b.build();
  }

  /** Grows the run's own pool by one thread, standing in for a timed-out worker. */
  private void growPool() {
    if (ownPool != null) {
      int size = ownPool.getMaximumPoolSize() + 1;
      ownPool.setMaximumPoolSize(size);
      ownPool.setCorePoolSize(size);
      ownPool.prestartAllCoreThreads();
    }
  }

  private void abandonRunning(String why) {
    for (Map.Entry<Integer, Running> e : running.entrySet()) {
      Node node = graph.nodes().get(e.getKey());
      Running r = e.getValue();
      abandoned++;
      if (r.timedOut()) {
        settle(e.getKey(), timedOut(e.getKey(), r, null, abandonedSuffix(r)));
      } else {
        settle(
            e.getKey(),
            ctx.resultOf(e.getKey(), Status.CANCELLED)
                .reason("interrupted, but " + why)
                .start(r.runner.startedAt())
                .end(clock.instant())
                .attempts(r.runner.attempts())
                .thread(r.runner.threadName())
                .build());
      }
      LOG.error(
          "Factory [{}] {}; its thread [{}] is abandoned", node.id(), why, r.runner.threadName());
    }
    running.clear();
  }

  private void drainQuietly() {
    Thread.interrupted(); // wait for the interrupted steps, then restore the caller's flag
    try {
      Instant until = clock.instant().plus(grace);
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

  private boolean leftOut(int index) {
    return ctx.cache != null && ctx.cache.leftOut(index);
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
    ownPool = pool;
    return pool;
  }

  /** Stops the run's pool; waits for idle workers only, never for an abandoned one. */
  private void shutdown(ExecutorService pool) {
    pool.shutdownNow();
    if (abandoned > 0) {
      return; // abandoned daemon threads end when their step does; the report names them
    }
    try {
      if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.error("Forgeline worker threads did not end within {}", grace);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
