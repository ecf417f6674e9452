package dev.forgeline.core.internal.exec;

import dev.forgeline.core.Factory;
import dev.forgeline.core.RetryPolicy;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.internal.cache.RunCache;
import dev.forgeline.core.internal.graph.Node;
import dev.forgeline.core.internal.graph.Wire;
import dev.forgeline.core.report.ErrorInfo;
import dev.forgeline.core.report.Phase;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step on a worker thread: creates the factory, hands it its deliveries, calls its phases,
 * retries with backoff, and reports a {@link StepOutcome}. Exactly one outcome is posted for every
 * runner that {@link #claim() starts}.
 */
final class StepRunner implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  private final RunContext ctx;
  private final Node node;
  private final StepFacts facts;
  private final AtomicBoolean claimed = new AtomicBoolean();
  private volatile Instant startedAt;
  private volatile String threadName;
  private volatile int attempts;
  private RunCache.Lookup lookup = RunCache.Lookup.NONE;
  private String cacheKey;

  StepRunner(RunContext ctx, Node node) {
    this.ctx = ctx;
    this.node = node;
    this.facts = new StepFacts(ctx.step(node.index()));
  }

  /** Claims the step; whoever claims first (worker or scheduler) owns it. */
  boolean claim() {
    return claimed.compareAndSet(false, true);
  }

  Instant startedAt() {
    return startedAt;
  }

  String threadName() {
    return threadName;
  }

  int attempts() {
    return attempts;
  }

  @Override
  public void run() {
    if (!claim()) {
      return;
    }
    threadName = Thread.currentThread().getName();
    startedAt = ctx.clock.instant();
    List<String> tags = ctx.tags.forStep(node.id());
    StepOutcome outcome = null;
    try {
      ctx.tags.add(tags);
      facts.bindToThread();
      outcome = fromCache();
      if (outcome == null) {
        outcome = runAttempts();
      }
    } catch (Exception | Error e) { // Scala code may throw checked exceptions undeclared
      ErrorInfo info = ErrorInfo.of(ErrorId.STEP_FAILED.label(), null, e);
      outcome =
          new StepOutcome(
              node.index(),
              result(Status.FAILED, null, new EnumMap<>(Phase.class), info, null),
              null,
              e instanceof VirtualMachineError);
    } finally {
      StepFacts.unbindFromThread();
      if (outcome == null) {
        outcome =
            failed(
                new EnumMap<>(Phase.class),
                ErrorInfo.of(
                    ErrorId.STEP_FAILED.label(), null, "the step ended without an outcome"));
      }
      try {
        if (outcome.result().status() != Status.SUCCESS
            && outcome.result().status() != Status.CACHED) {
          // A job submitted after the run-wide cancel (still planning when it came) must not
          // outlive its step.
          ctx.tags.cancelStep(node.id());
        }
        ctx.tags.remove(tags);
      } finally {
        ctx.completions.add(outcome);
      }
    }
  }

  /**
   * Serves the step without running it when the cache holds its key (or, for a step a partial run
   * only serves, from its declared table); null when it must run. A cacheable step that must run
   * keeps its key, so its output is stored after the GET phase.
   */
  private StepOutcome fromCache() {
    if (ctx.cache == null) {
      return null;
    }
    RunCache.Lookup found;
    try {
      found = ctx.cache.lookup(node, ctx.outputs::get);
    } catch (RuntimeException e) {
      LOG.warn(
          "Factory [{}]: the cache lookup failed, so it runs uncached: {}",
          node.id(),
          e.toString());
      found = RunCache.Lookup.NONE;
    }
    lookup = found;
    cacheKey = found.key();
    if (found.hit()) {
      if (found.note() != null) {
        facts.putMetadata("cache", found.note());
      }
      return new StepOutcome(
          node.index(), served(null).cacheKey(found.key()).build(), found.value(), false);
    }
    if (!ctx.cache.serveOnly(node.index())) {
      return null;
    }
    String table = ctx.cache.table(node.index());
    if (table == null) {
      return failed(
          new EnumMap<>(Phase.class),
          ErrorInfo.of(
              ErrorId.NOT_SERVED.label(),
              null,
              "factory ["
                  + node.id()
                  + "] is not selected and the cache ("
                  + ctx.cache.storage()
                  + ") holds no entry for its current key"
                  + (found.key() == null ? "" : " [" + found.key() + "]")
                  + "; select it too, or run the whole pipeline once to fill the cache"));
    }
    try {
      Object out = ctx.cache.fromTable(node);
      return new StepOutcome(
          node.index(),
          served("not selected: its output was read from connector [" + table + "]").build(),
          out,
          false);
    } catch (RuntimeException e) {
      return failed(
          new EnumMap<>(Phase.class), ErrorInfo.of(ErrorId.NOT_SERVED.label(), Phase.READ, e));
    }
  }

  private StepResult.Builder served(String reason) {
    return facts
        .fill(ctx.resultOf(node.index(), Status.CACHED))
        .reason(reason)
        .start(startedAt)
        .end(ctx.clock.instant())
        .attempts(0)
        .thread(threadName);
  }

  private StepOutcome runAttempts() {
    RetryPolicy retry = ctx.retryOf(node);
    Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
    while (true) {
      attempts++;
      phases.clear();
      facts.reset();
      if (lookup.note() != null) {
        facts.putMetadata("cache", lookup.note());
      }
      ctx.completions.add(new StepEvent.Started(node.index(), attempts));
      try {
        return attempt(phases);
      } catch (PhaseFailure f) {
        if (f.fatal) {
          return new StepOutcome(
              node.index(), result(Status.FAILED, null, phases, f.info, null), null, true);
        }
        if (f.interrupted || ctx.stopping()) {
          return cancelled(phases);
        }
        if (f.retryable && attempts < retry.maxAttempts()) {
          Duration wait = retry.backoffAfter(attempts);
          LOG.warn(
              "Factory [{}] failed in {} (attempt {} of {}); retrying in {}: {}",
              node.id(),
              f.phase,
              attempts,
              retry.maxAttempts(),
              wait,
              Redaction.summary(f.getCause(), ctx.redact));
          ctx.completions.add(new StepEvent.Retrying(node.index(), attempts, f.getCause(), wait));
          try {
            ctx.sleeper.sleep(wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cancelled(phases);
          }
          continue;
        }
        return failed(phases, f.info);
      }
    }
  }

  private StepOutcome attempt(Map<Phase, Duration> phases) throws PhaseFailure {
    Factory<?> factory = (Factory<?>) timed(Phase.CREATE, phases, this::create);
    timed(
        Phase.READ,
        phases,
        () -> {
          factory.read();
          return null;
        });
    timed(
        Phase.PROCESS,
        phases,
        () -> {
          factory.process();
          return null;
        });
    timed(
        Phase.WRITE,
        phases,
        () -> {
          factory.write();
          return null;
        });
    Object out =
        timed(
            Phase.GET,
            phases,
            () -> {
              Object got = intercepted(factory.get());
              return ctx.cache == null
                  ? got
                  : ctx.cache.store(node, lookup, got, facts.tableVersions());
            });
    if (out == null && ctx.graph.outputRequired(node.index())) {
      throw new PhaseFailure(
          Phase.GET,
          ErrorInfo.of(
              ErrorId.NULL_OUTPUT.label(),
              Phase.GET,
              "factory ["
                  + node.id()
                  + "] returned null from get(), but "
                  + consumers()
                  + " require its output"),
          null,
          false,
          false);
    }
    OptionalLong rows = factory.rows();
    StepResult r =
        result(Status.SUCCESS, null, phases, null, rows.isPresent() ? rows.getAsLong() : null);
    return new StepOutcome(node.index(), r, out, false);
  }

  private Object intercepted(Object output) throws Exception {
    Object out = output;
    for (var i : ctx.interceptors) {
      out = i.afterGet(facts.step(), out);
    }
    return out;
  }

  private Object create() throws Exception {
    Factory<?> factory = node.newInstance();
    for (Wire w : ctx.graph.wires().get(node.index())) {
      if (w.unmatched()) {
        continue;
      }
      Object value = w.fromNode() >= 0 ? ctx.outputs.get(w.fromNode()) : w.fromInput().value();
      if (value == null && w.elseNode() >= 0) {
        value = ctx.outputs.get(w.elseNode()); // the otherwise branch ran instead
      }
      if (value == null && (w.point().optional() || w.point().type().getRawType().isPrimitive())) {
        continue; // an optional input whose producer was skipped: the member keeps its value
      }
      try {
        w.point().inject(factory, value);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof Exception ex ? ex : e;
      }
    }
    return factory;
  }

  private interface Body {
    Object call() throws Exception;
  }

  private Object timed(Phase phase, Map<Phase, Duration> phases, Body body) throws PhaseFailure {
    if (ctx.stopping() || Thread.currentThread().isInterrupted()) {
      throw new PhaseFailure(phase, null, null, false, true);
    }
    Instant t0 = ctx.clock.instant();
    try {
      return body.call();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PhaseFailure(phase, null, e, false, true);
    } catch (Exception | LinkageError | AssertionError e) {
      boolean interrupted = Thread.currentThread().isInterrupted();
      ErrorId id = phase == Phase.CREATE ? ErrorId.CREATION_FAILED : ErrorId.STEP_FAILED;
      throw new PhaseFailure(phase, ErrorInfo.of(id.label(), phase, e), e, true, interrupted);
    } catch (Error e) {
      // OutOfMemoryError, StackOverflowError, ...: never retried; a VirtualMachineError leaves the
      // JVM in doubt, so it stops the run whatever the failure policy.
      ErrorId id = phase == Phase.CREATE ? ErrorId.CREATION_FAILED : ErrorId.STEP_FAILED;
      PhaseFailure f = new PhaseFailure(phase, ErrorInfo.of(id.label(), phase, e), e, false, false);
      f.fatal = e instanceof VirtualMachineError;
      throw f;
    } finally {
      phases.put(phase, Duration.between(t0, ctx.clock.instant()));
    }
  }

  private String consumers() {
    StringBuilder b = new StringBuilder();
    for (int c : ctx.graph.downstream().get(node.index())) {
      for (Wire w : ctx.graph.wires().get(c)) {
        if (w.from(node.index()) && !w.point().optional()) {
          b.append(b.length() == 0 ? "" : ", ");
          b.append('[').append(ctx.graph.nodes().get(c).id()).append("].").append(w.point().name());
        }
      }
    }
    return b.toString();
  }

  private StepOutcome failed(Map<Phase, Duration> phases, ErrorInfo info) {
    return new StepOutcome(
        node.index(), result(Status.FAILED, null, phases, info, null), null, false);
  }

  private StepOutcome cancelled(Map<Phase, Duration> phases) {
    String why = ctx.stopReason();
    String reason = why == null ? "interrupted" : "interrupted: " + why;
    return new StepOutcome(
        node.index(), result(Status.CANCELLED, reason, phases, null, null), null, false);
  }

  private StepResult result(
      Status status, String reason, Map<Phase, Duration> phases, ErrorInfo error, Long rows) {
    return facts
        .fill(ctx.resultOf(node.index(), status))
        .reason(reason)
        .start(startedAt)
        .end(ctx.clock.instant())
        .phases(phases)
        .attempts(attempts)
        .thread(threadName)
        .error(error)
        .rows(rows)
        .cacheKey(cacheKey)
        .build();
  }

  /** A phase that threw, or was interrupted. */
  static final class PhaseFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Phase phase;
    final transient ErrorInfo info;
    final boolean retryable;
    final boolean interrupted;
    boolean fatal;

    PhaseFailure(
        Phase phase, ErrorInfo info, Throwable cause, boolean retryable, boolean interrupted) {
      super(cause);
      this.phase = phase;
      this.info = info;
      this.retryable = retryable;
      this.interrupted = interrupted;
    }
  }
}
