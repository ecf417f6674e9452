package dev.forgeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.spi.PipelineListener;
import dev.forgeline.core.spi.RunInfo;
import dev.forgeline.mock.MockSparkSession;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Randomized scheduler invariants: random graphs of steps that sleep, fail, retry, time out or
 * ignore interruption, run under each failure policy and parallelism, checked after every run.
 *
 * <p>Every try is derived from one {@code long} seed that jqwik prints when a property fails
 * ({@code seed = ...} in its report, and the scenario in the assertion message); {@code
 * Scenario.from(seed)} rebuilds the same graph. The number of tries is jqwik's default (500, set in
 * {@code junit-platform.properties}); {@code -Djqwik.tries.default=20000} runs more.
 */
class SchedulerPropertiesTest {
  private static final Duration GRACE = Duration.ofMillis(100);
  private static final long SLACK_MS = 1_500; // coordinator latency on a loaded 2-core machine
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static SparkSession spark;

  @BeforeContainer
  static void startSession() {
    spark = MockSparkSession.create();
  }

  @AfterContainer
  static void stopSession() throws java.io.IOException {
    spark.close();
  }

  /** One generated step. */
  record StepPlan(
      String id,
      List<Integer> upstream,
      long workMs,
      boolean ignoresInterrupt,
      int failures,
      int maxAttempts,
      long timeoutMs) {

    /** The shortest time the step needs, all attempts and backoffs included. */
    long plannedMs() {
      int attempts = Math.min(failures + 1, maxAttempts);
      return attempts * workMs + (attempts - 1L) * 5;
    }

    boolean failsForGood() {
      return failures >= maxAttempts;
    }
  }

  /** One generated run. */
  record Scenario(
      long seed, List<StepPlan> steps, FailurePolicy policy, ExecutionMode mode, int parallelism) {

    static Scenario from(long seed) {
      Random r = new Random(seed);
      int n = 1 + r.nextInt(7);
      List<StepPlan> steps = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<Integer> up = new ArrayList<>();
        int inputs = i == 0 ? 0 : r.nextInt(Math.min(i, 2) + 1);
        while (up.size() < inputs) {
          int u = r.nextInt(i);
          if (!up.contains(u)) {
            up.add(u);
          }
        }
        boolean ignores = r.nextInt(12) == 0;
        long work = ignores ? 40 + r.nextInt(120) : r.nextInt(4) == 0 ? 0 : r.nextInt(25);
        int failures = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0;
        int maxAttempts = 1 + r.nextInt(3);
        long timeout = r.nextInt(3) == 0 ? 20 + r.nextInt(80) : 0;
        steps.add(new StepPlan("s" + i, up, work, ignores, failures, maxAttempts, timeout));
      }
      FailurePolicy policy = r.nextBoolean() ? FailurePolicy.CONTINUE : FailurePolicy.FAIL_FAST;
      boolean sequential = r.nextInt(4) == 0;
      return new Scenario(
          seed,
          steps,
          policy,
          sequential ? ExecutionMode.SEQUENTIAL : ExecutionMode.PARALLEL,
          sequential ? 1 : 1 + r.nextInt(4));
    }
  }

  /** What the factories saw while they ran. */
  static final class Trace {
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final Map<String, Long> firstStart = new ConcurrentHashMap<>();
    final Map<String, Long> succeededAt = new ConcurrentHashMap<>();
    final Map<String, Set<String>> received = new ConcurrentHashMap<>();
    final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
  }

  /** A step that does what its plan says and records what it saw. */
  static class Planned implements Factory<Shapes.Token> {
    final StepPlan plan;
    final Trace trace;
    final SparkSession session;

    Planned(StepPlan plan, Trace trace, SparkSession session) {
      this.plan = plan;
      this.trace = trace;
      this.session = session;
    }

    Set<String> inputs() {
      return Set.of();
    }

    @Override
    public void read() {
      int attempt =
          trace.attempts.computeIfAbsent(plan.id(), k -> new AtomicInteger()).incrementAndGet();
      trace.firstStart.putIfAbsent(plan.id(), System.nanoTime());
      trace.received.put(plan.id(), inputs());
      Set<String> tags = new HashSet<>(CollectionConverters.asJava(session.getTags()));
      if (tags.size() != 3 || tags.stream().noneMatch(t -> t.endsWith("-factory-" + plan.id()))) {
        trace.problems.add(plan.id() + " attempt " + attempt + " ran with Spark tags " + tags);
      }
    }

    @Override
    public void process() throws InterruptedException {
      if (plan.ignoresInterrupt()) {
        long end = System.nanoTime() + plan.workMs() * 1_000_000;
        while (System.nanoTime() < end) {
          Thread.onSpinWait();
        }
      } else {
        Thread.sleep(plan.workMs());
      }
      if (trace.attempts.get(plan.id()).get() <= plan.failures()) {
        throw new IllegalStateException(plan.id() + " planned failure");
      }
    }

    @Override
    public Shapes.Token get() {
      trace.succeededAt.put(plan.id(), System.nanoTime());
      return new Shapes.Token(plan.id());
    }
  }

  static final class Planned1 extends Planned {
    @Delivery Shapes.Token in;

    Planned1(StepPlan plan, Trace trace, SparkSession session) {
      super(plan, trace, session);
    }

    @Override
    Set<String> inputs() {
      return Set.of(in.from());
    }
  }

  static final class Planned2 extends Planned {
    @Delivery Shapes.Token left;
    @Delivery Shapes.Token right;

    Planned2(StepPlan plan, Trace trace, SparkSession session) {
      super(plan, trace, session);
    }

    @Override
    Set<String> inputs() {
      return Set.of(left.from(), right.from());
    }
  }

  /** Counts each step's terminal callbacks. */
  static final class Ends implements PipelineListener {
    final Map<String, AtomicInteger> ends = new ConcurrentHashMap<>();

    @Override
    public void onStepEnd(RunInfo run, StepResult result) {
      ends.computeIfAbsent(result.factoryId(), k -> new AtomicInteger()).incrementAndGet();
    }
  }

  @Property
  void everyRunKeepsTheSchedulersInvariants(@ForAll long seed) throws InterruptedException {
    Scenario sc = Scenario.from(seed);
    Trace trace = new Trace();
    Ends ends = new Ends();
    String name = "prop-" + RUNS.incrementAndGet();
    Pipeline p =
        Pipeline.builder(name)
            .spark(spark)
            .listener(ends)
            .settings(
                ExecutionSettings.defaults()
                    .withMode(sc.mode())
                    .withParallelism(sc.parallelism())
                    .withFailurePolicy(sc.policy())
                    .withStopGrace(GRACE))
            .stage("s", s -> sc.steps().forEach(step -> s.add(spec(step, trace))))
            .build();
    long t0 = System.nanoTime();
    PipelineReport r = p.execute();
    long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
    String where = "seed " + seed + ", " + sc;

    // exactly one terminal status per step, told once to listeners
    assertThat(r.steps()).as(where).hasSize(sc.steps().size());
    for (StepPlan step : sc.steps()) {
      assertThat(ends.ends.get(step.id())).as(where + ": onStepEnd of " + step.id()).hasValue(1);
    }
    assertThat(trace.problems).as(where).isEmpty();

    long serialBound = 0;
    for (StepPlan step : sc.steps()) {
      StepResult res = r.step(step.id()).orElseThrow();
      serialBound += step.plannedMs() + (step.ignoresInterrupt() ? step.workMs() : 0);
      String at = where + ": step " + step.id() + " " + res;
      // no step starts before its upstream succeeded, and it got their outputs
      Long started = trace.firstStart.get(step.id());
      if (started != null) {
        Set<String> expected = new HashSet<>();
        for (int u : step.upstream()) {
          String up = sc.steps().get(u).id();
          expected.add(up);
          assertThat(r.step(up).orElseThrow().status()).as(at).isEqualTo(Status.SUCCESS);
          assertThat(trace.succeededAt.get(up)).as(at).isNotNull().isLessThan(started);
        }
        assertThat(trace.received.get(step.id())).as(at).isEqualTo(expected);
      } else {
        assertThat(res.status()).as(at).isIn(Status.SKIPPED, Status.FAILED, Status.CANCELLED);
      }
      // timeouts hold
      if (step.timeoutMs() > 0 && res.start() != null && res.end() != null) {
        long ran = Duration.between(res.start(), res.end()).toMillis();
        assertThat(ran).as(at).isLessThanOrEqualTo(step.timeoutMs() + SLACK_MS);
        if (step.plannedMs() > step.timeoutMs() + SLACK_MS) {
          assertThat(res.status()).as(at).isNotEqualTo(Status.SUCCESS);
        }
      }
      if (step.failsForGood() && started != null) {
        assertThat(res.status()).as(at).isIn(Status.FAILED, Status.CANCELLED);
      }
    }
    if (sc.policy() == FailurePolicy.CONTINUE) {
      checkContinue(sc, r, trace, where);
    } else {
      checkFailFast(sc, r, where);
    }
    // the run ends within its bound: every step one after the other, plus a grace per stuck one
    assertThat(elapsedMs)
        .as(where)
        .isLessThanOrEqualTo(serialBound + GRACE.toMillis() * sc.steps().size() + 3 * SLACK_MS);
    // no Spark job tag on the calling thread, no engine thread left once the steps' work is over
    assertThat(CollectionConverters.asJava(spark.getTags())).as(where).isEmpty();
    assertNoThreadsLeft(name, sc, where);
  }

  /** Under CONTINUE exactly the transitive dependents of failures are skipped; the rest ran. */
  private static void checkContinue(Scenario sc, PipelineReport r, Trace trace, String where) {
    Set<Integer> skip = new HashSet<>();
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    for (int i = 0; i < sc.steps().size(); i++) {
      if (r.step(sc.steps().get(i).id()).orElseThrow().status() == Status.FAILED) {
        todo.add(i);
      }
    }
    while (!todo.isEmpty()) {
      int from = todo.poll();
      for (int d = 0; d < sc.steps().size(); d++) {
        if (sc.steps().get(d).upstream().contains(from) && skip.add(d)) {
          todo.add(d);
        }
      }
    }
    for (int i = 0; i < sc.steps().size(); i++) {
      StepPlan step = sc.steps().get(i);
      Status status = r.step(step.id()).orElseThrow().status();
      if (skip.contains(i)) {
        assertThat(status).as(where + ": " + step.id()).isEqualTo(Status.SKIPPED);
      } else {
        assertThat(status).as(where + ": " + step.id()).isIn(Status.SUCCESS, Status.FAILED);
        assertThat(trace.attempts.get(step.id())).as(where + ": ran " + step.id()).isNotNull();
        if (!step.failsForGood() && step.timeoutMs() == 0) {
          assertThat(status).as(where + ": " + step.id()).isEqualTo(Status.SUCCESS);
        }
      }
    }
  }

  /** Under FAIL_FAST a failure stops the run: nothing succeeds downstream of it. */
  private static void checkFailFast(Scenario sc, PipelineReport r, String where) {
    boolean failed = r.steps().stream().anyMatch(s -> s.status() == Status.FAILED);
    boolean mayFail = sc.steps().stream().anyMatch(s -> s.failsForGood() || s.timeoutMs() > 0);
    if (!mayFail) {
      assertThat(r.steps()).as(where).allMatch(s -> s.status() == Status.SUCCESS);
    }
    for (StepResult s : r.steps()) {
      if (s.status() == Status.SKIPPED || s.status() == Status.CANCELLED) {
        assertThat(failed).as(where + ": " + s.factoryId() + " " + s.reason()).isTrue();
      }
    }
  }

  private static void assertNoThreadsLeft(String pipeline, Scenario sc, String where)
      throws InterruptedException {
    String prefix = "forgeline-" + pipeline + "-";
    long longestSpin =
        sc.steps().stream()
            .filter(StepPlan::ignoresInterrupt)
            .mapToLong(StepPlan::workMs)
            .max()
            .orElse(0);
    long until = System.nanoTime() + (longestSpin + SLACK_MS) * 1_000_000;
    List<String> alive;
    do {
      alive =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
              .map(Thread::getName)
              .toList();
      if (!alive.isEmpty()) {
        Thread.sleep(5);
      }
    } while (!alive.isEmpty() && System.nanoTime() < until);
    assertThat(alive).as(where + ": threads left").isEmpty();
  }

  private FactorySpec spec(StepPlan step, Trace trace) {
    List<Integer> up = step.upstream();
    FactorySpec spec;
    if (up.isEmpty()) {
      spec = FactorySpec.of(new Planned(step, trace, spark));
    } else if (up.size() == 1) {
      spec = FactorySpec.of(new Planned1(step, trace, spark)).withDelivery("in", "s" + up.get(0));
    } else {
      spec =
          FactorySpec.of(new Planned2(step, trace, spark))
              .withDelivery("left", "s" + up.get(0))
              .withDelivery("right", "s" + up.get(1));
    }
    spec =
        spec.withId(step.id())
            .withRetry(
                RetryPolicy.exponential(
                    step.maxAttempts(), Duration.ofMillis(5), Duration.ofMillis(5)));
    return step.timeoutMs() > 0 ? spec.withTimeout(Duration.ofMillis(step.timeoutMs())) : spec;
  }
}
