package dev.forgeline.core;

import static dev.forgeline.core.Shapes.after;
import static dev.forgeline.core.Shapes.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.report.Phase;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Regression tests of the scheduler defects found by the reliability audit (issue 9). */
class SchedulerReliabilityTest {

  /**
   * Busy-waits for {@code spin}, ignoring interruption, as some JDBC drivers and native code do.
   */
  static final class IgnoresInterrupt extends Shapes.Source {
    IgnoresInterrupt(String id, Duration spin) {
      super(id, spin);
    }

    @Override
    public void process() {
      long end = System.nanoTime() + sleep.toNanos();
      while (System.nanoTime() < end) {
        Thread.onSpinWait();
      }
    }
  }

  /** Fails every attempt at once, so only the backoff waits take time. */
  static final class AlwaysFails extends Shapes.Source {
    AlwaysFails(String id) {
      super(id, Duration.ZERO);
    }

    @Override
    public void read() {
      throw new IllegalStateException(id + " broke");
    }
  }

  /** Throws the given error from process(). */
  static final class Throws extends Shapes.Source {
    private final transient Error error;

    Throws(String id, Error error) {
      super(id, Duration.ofMillis(20));
      this.error = error;
    }

    @Override
    public void process() throws InterruptedException {
      Thread.sleep(sleep.toMillis());
      throw error;
    }
  }

  private static StepResult step(PipelineReport r, String id) {
    return r.step(id).orElseThrow();
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void timeoutHoldsForASingleStepInASequentialRun() {
    for (int run = 0; run < 4; run++) {
      Pipeline p =
          Pipeline.builder("single-timeout")
              .settings(ExecutionSettings.defaults().withMode(ExecutionMode.SEQUENTIAL))
              .stage("s", s -> s.add(source("slow", 3_000).withTimeout(Duration.ofMillis(300))))
              .build();
      long t0 = System.nanoTime();
      PipelineReport r = p.execute();
      assertThat(millisSince(t0)).as("run %d", run).isLessThan(2_000);
      assertThat(step(r, "slow").status()).isEqualTo(Status.FAILED);
      assertThat(step(r, "slow").error().id()).isEqualTo("Timeout");
    }
  }

  @Test
  void timeoutHoldsForASingleStepInAParallelRun() {
    for (int run = 0; run < 4; run++) {
      Pipeline p =
          Pipeline.builder("single-timeout-parallel")
              .settings(
                  ExecutionSettings.defaults().withMode(ExecutionMode.PARALLEL).withParallelism(3))
              .stage("s", s -> s.add(source("slow", 3_000).withTimeout(Duration.ofMillis(300))))
              .build();
      long t0 = System.nanoTime();
      PipelineReport r = p.execute();
      assertThat(millisSince(t0)).as("run %d", run).isLessThan(2_000);
      assertThat(step(r, "slow").error().id()).isEqualTo("Timeout");
    }
  }

  @Test
  void timeoutBoundsTheWholeRetryBudget() {
    Pipeline p =
        Pipeline.builder("retry-timeout")
            .settings(ExecutionSettings.defaults().withMode(ExecutionMode.SEQUENTIAL))
            .stage(
                "s",
                s ->
                    s.add(
                        FactorySpec.of(new AlwaysFails("flaky"))
                            .withId("flaky")
                            .withTimeout(Duration.ofSeconds(1))
                            .withRetry(
                                RetryPolicy.exponential(
                                    50, Duration.ofMillis(100), Duration.ofMillis(100)))))
            .build();
    long t0 = System.nanoTime();
    PipelineReport r = p.execute();
    assertThat(millisSince(t0)).isLessThan(2_500);
    assertThat(step(r, "flaky").error().id()).isEqualTo("Timeout");
    assertThat(step(r, "flaky").attempts()).isBetween(2, 20);
  }

  @Test
  void aStepIgnoringInterruptionEndsTheRunWithinTheGraceAndDoesNotStarveOthers() {
    Pipeline p =
        Pipeline.builder("stuck")
            .settings(
                ExecutionSettings.defaults()
                    .withMode(ExecutionMode.PARALLEL)
                    .withParallelism(1)
                    .withFailurePolicy(FailurePolicy.CONTINUE)
                    .withStopGrace(Duration.ofMillis(500)))
            .stage(
                "s",
                s ->
                    s.add(
                            FactorySpec.of(new IgnoresInterrupt("stuck", Duration.ofSeconds(8)))
                                .withId("stuck")
                                .withTimeout(Duration.ofMillis(300)))
                        .add(source("next", 50))
                        .add(after("afterNext", 50, "next")))
            .build();
    long t0 = System.nanoTime();
    PipelineReport r = p.execute();
    long elapsed = millisSince(t0);
    assertThat(elapsed).isLessThan(3_000);
    StepResult stuck = step(r, "stuck");
    assertThat(stuck.status()).isEqualTo(Status.FAILED);
    assertThat(stuck.error().id()).isEqualTo("Timeout");
    assertThat(stuck.error().message())
        .contains("did not respond to interruption within PT0.5S")
        .contains("thread [" + stuck.thread() + "] was abandoned");
    assertThat(step(r, "next").status()).isEqualTo(Status.SUCCESS);
    assertThat(step(r, "afterNext").status()).isEqualTo(Status.SUCCESS);
    // "next" did not queue behind the stuck worker: it ran on another thread, before the grace.
    assertThat(step(r, "next").thread()).isNotEqualTo(stuck.thread());
    assertThat(step(r, "next").start()).isBefore(stuck.start().plusMillis(800));
  }

  @Test
  void aStepThatEndsWithinTheGraceAfterItsTimeoutIsReportedAsInterrupted() {
    Pipeline p =
        Pipeline.builder("late")
            .settings(
                ExecutionSettings.defaults()
                    .withMode(ExecutionMode.SEQUENTIAL)
                    .withStopGrace(Duration.ofSeconds(5)))
            .stage(
                "s",
                s ->
                    s.add(
                        FactorySpec.of(new IgnoresInterrupt("late", Duration.ofMillis(700)))
                            .withId("late")
                            .withTimeout(Duration.ofMillis(200))))
            .build();
    long t0 = System.nanoTime();
    PipelineReport r = p.execute();
    assertThat(millisSince(t0)).isBetween(600L, 3_000L);
    assertThat(step(r, "late").error().message())
        .contains("exceeded its timeout of PT0.2S and was interrupted")
        .doesNotContain("abandoned");
  }

  @Test
  void anOutOfMemoryErrorKeepsItsPhaseAndTimingsAndStopsAContinueRun() {
    Pipeline p =
        Pipeline.builder("oom")
            .settings(
                ExecutionSettings.defaults()
                    .withMode(ExecutionMode.PARALLEL)
                    .withParallelism(2)
                    .withFailurePolicy(FailurePolicy.CONTINUE))
            .stage(
                "s",
                s ->
                    s.add(
                            FactorySpec.of(
                                    new Throws("oom", new OutOfMemoryError("Java heap space")))
                                .withId("oom"))
                        .add(source("sleeper", 60_000))
                        .add(after("afterSleeper", 0, "sleeper")))
            .build();
    long t0 = System.nanoTime();
    PipelineReport r = p.execute();
    assertThat(millisSince(t0)).isLessThan(10_000);
    StepResult oom = step(r, "oom");
    assertThat(oom.status()).isEqualTo(Status.FAILED);
    assertThat(oom.error().phase()).isEqualTo(Phase.PROCESS);
    assertThat(oom.error().type()).isEqualTo(OutOfMemoryError.class.getName());
    assertThat(oom.phases()).containsKeys(Phase.CREATE, Phase.READ, Phase.PROCESS);
    assertThat(oom.phases().get(Phase.PROCESS)).isGreaterThanOrEqualTo(Duration.ofMillis(15));
    assertThat(step(r, "sleeper").status()).isEqualTo(Status.CANCELLED);
    assertThat(step(r, "sleeper").reason()).contains("[oom]").contains("OutOfMemoryError");
    assertThat(step(r, "afterSleeper").status()).isEqualTo(Status.SKIPPED);
  }

  @Test
  void aStackOverflowErrorKeepsItsPhaseAndIsNotRetried() {
    Pipeline p =
        Pipeline.builder("soe")
            .settings(ExecutionSettings.defaults().withMode(ExecutionMode.SEQUENTIAL))
            .stage(
                "s",
                s ->
                    s.add(
                        FactorySpec.of(new Throws("soe", new StackOverflowError()))
                            .withId("soe")
                            .withRetry(
                                RetryPolicy.exponential(
                                    3, Duration.ofMillis(1), Duration.ofMillis(1)))))
            .build();
    StepResult soe = step(p.execute(), "soe");
    assertThat(soe.error().phase()).isEqualTo(Phase.PROCESS);
    assertThat(soe.attempts()).isEqualTo(1);
    assertThat(soe.phases()).containsKey(Phase.PROCESS);
  }

  @Test
  void aCallerInterruptNamesTheInterruptInTheReasons() throws Exception {
    Pipeline p =
        Pipeline.builder("caller")
            .settings(
                ExecutionSettings.defaults().withMode(ExecutionMode.PARALLEL).withParallelism(1))
            .stage("s", s -> s.add(source("sleeper", 60_000)).add(source("queued", 0)))
            .build();
    AtomicReference<PipelineReport> report = new AtomicReference<>();
    Thread caller = new Thread(() -> report.set(p.execute()), "caller");
    caller.start();
    Thread.sleep(300);
    caller.interrupt();
    caller.join(10_000);
    assertThat(caller.isAlive()).isFalse();
    PipelineReport r = report.get();
    assertThat(step(r, "sleeper").status()).isEqualTo(Status.CANCELLED);
    assertThat(step(r, "sleeper").reason())
        .isEqualTo("interrupted: the calling thread was interrupted");
    assertThat(step(r, "queued").reason())
        .isEqualTo("not started: the calling thread was interrupted");
  }
}
