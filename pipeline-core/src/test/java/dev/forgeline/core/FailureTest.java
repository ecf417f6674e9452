package dev.forgeline.core;

import static dev.forgeline.core.Shapes.after;
import static dev.forgeline.core.Shapes.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forgeline.core.error.PipelineExecutionException;
import dev.forgeline.core.report.ErrorInfo;
import dev.forgeline.core.report.Phase;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Failure policies, retries, timeouts and errors inside factories. */
class FailureTest {

  /** Fails in the given phase for the first {@code failures} attempts. */
  static final class Flaky extends Shapes.Source {
    final Phase phase;
    final int failures;
    final AtomicInteger calls = new AtomicInteger();

    Flaky(String id, Phase phase, int failures) {
      super(id, Duration.ZERO);
      this.phase = phase;
      this.failures = failures;
    }

    private void maybeFail(Phase p) {
      if (p == phase && calls.incrementAndGet() <= failures) {
        throw new IllegalStateException(id + " broke in " + p + " (call " + calls.get() + ")");
      }
    }

    @Override
    public void read() {
      maybeFail(Phase.READ);
    }

    @Override
    public void process() {
      maybeFail(Phase.PROCESS);
    }

    @Override
    public void write() {
      maybeFail(Phase.WRITE);
    }
  }

  static final class NullProducer implements Factory<String> {
    @Override
    public String get() {
      return null;
    }
  }

  static final class NeedsString implements Factory<Integer> {
    @Delivery String text;

    @Override
    public Integer get() {
      return text.length();
    }
  }

  static final class MaybeString implements Factory<Integer> {
    @Delivery(optional = true)
    String text;

    @Override
    public Integer get() {
      return text == null ? -1 : text.length();
    }
  }

  private static ExecutionSettings settings(FailurePolicy policy) {
    return ExecutionSettings.defaults()
        .withMode(ExecutionMode.PARALLEL)
        .withParallelism(4)
        .withFailurePolicy(policy);
  }

  private static StepResult step(PipelineReport r, String id) {
    return r.step(id).orElseThrow();
  }

  @Test
  void continuePolicySkipsOnlyDependentsAndIndependentBranchesFinish() {
    Pipeline p =
        Pipeline.builder("continue")
            .settings(settings(FailurePolicy.CONTINUE))
            .stage(
                "s",
                s ->
                    s.add(FactorySpec.of(new Flaky("bad", Phase.PROCESS, 99)).withId("bad"))
                        .add(after("child", 0, "bad"))
                        .add(after("grandchild", 0, "child"))
                        .add(source("ok", 200))
                        .add(after("okChild", 50, "ok")))
            .build();
    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);
    PipelineReport r = e.report();
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(step(r, "bad").status()).isEqualTo(Status.FAILED);
    assertThat(step(r, "child").status()).isEqualTo(Status.SKIPPED);
    assertThat(step(r, "child").reason()).contains("[bad]");
    assertThat(step(r, "grandchild").status()).isEqualTo(Status.SKIPPED);
    assertThat(step(r, "grandchild").reason()).contains("[child] was skipped");
    assertThat(step(r, "ok").status()).isEqualTo(Status.SUCCESS);
    assertThat(step(r, "okChild").status()).isEqualTo(Status.SUCCESS);
    assertThat(e.getMessage())
        .contains("1 failed, 0 cancelled, 2 skipped, 2 succeeded")
        .contains(
            "1) [Forgeline/StepFailed] in PROCESS: IllegalStateException: bad broke in"
                + " PROCESS")
        .contains("at: factory [bad]");
  }

  @Test
  void failFastInterruptsRunningFactoriesAndSkipsTheRest() {
    Pipeline p =
        Pipeline.builder("fail-fast")
            .settings(settings(FailurePolicy.FAIL_FAST))
            .stage(
                "s",
                s ->
                    s.add(source("sleeper", 60_000))
                        .add(after("afterSleeper", 0, "sleeper"))
                        .add(source("slowStart", 100))
                        .add(FactorySpec.of(new Flaky("bad", Phase.READ, 99)).withId("bad"))
                        .add(after("afterBad", 0, "bad")))
            .build();
    long t0 = System.nanoTime();
    PipelineReport r = p.execute();
    long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(step(r, "bad").status()).isEqualTo(Status.FAILED);
    assertThat(step(r, "sleeper").status()).isEqualTo(Status.CANCELLED);
    assertThat(step(r, "sleeper").reason()).contains("stopped after [bad] failed");
    assertThat(step(r, "afterSleeper").status()).isEqualTo(Status.SKIPPED);
    assertThat(step(r, "afterBad").status()).isEqualTo(Status.SKIPPED);
    // The sleeper was interrupted, not waited for: the run ends long before its 60 s sleep.
    assertThat(elapsedMs).isLessThan(30_000);
  }

  @Test
  void retriesWithExponentialBackoffUntilSuccess() {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    Flaky flaky = new Flaky("flaky", Phase.WRITE, 2);
    Pipeline p =
        Pipeline.builder("retry")
            .sleeper(waits::add)
            .stage(
                "s",
                s ->
                    s.add(
                        FactorySpec.of(flaky)
                            .withId("flaky")
                            .withRetry(
                                RetryPolicy.exponential(
                                    4, Duration.ofSeconds(1), Duration.ofSeconds(30)))))
            .build();
    PipelineReport r = p.run();
    assertThat(step(r, "flaky").status()).isEqualTo(Status.SUCCESS);
    assertThat(step(r, "flaky").attempts()).isEqualTo(3);
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void retriesStopAtMaxAttemptsAndBackoffIsCapped() {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    Pipeline p =
        Pipeline.builder("retry-out")
            .sleeper(waits::add)
            .settings(
                ExecutionSettings.defaults()
                    .withRetry(
                        RetryPolicy.exponential(4, Duration.ofSeconds(2), Duration.ofSeconds(5))))
            .stage("s", s -> s.add(FactorySpec.of(new Flaky("bad", Phase.READ, 99)).withId("bad")))
            .build();
    PipelineReport r = p.execute();
    assertThat(step(r, "bad").status()).isEqualTo(Status.FAILED);
    assertThat(step(r, "bad").attempts()).isEqualTo(4);
    assertThat(step(r, "bad").error().message()).contains("call 4");
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
  }

  @Test
  void timeoutFailsTheStepAndInterruptsIt() {
    Pipeline p =
        Pipeline.builder("timeout")
            .settings(settings(FailurePolicy.CONTINUE))
            .stage(
                "s",
                s ->
                    s.add(source("slow", 60_000).withTimeout(Duration.ofMillis(200)))
                        .add(source("quick", 10)))
            .build();
    PipelineReport r = p.execute();
    ErrorInfo error = step(r, "slow").error();
    assertThat(step(r, "slow").status()).isEqualTo(Status.FAILED);
    assertThat(error.id()).isEqualTo("Timeout");
    assertThat(error.message()).contains("exceeded its timeout of PT0.2S");
    assertThat(step(r, "quick").status()).isEqualTo(Status.SUCCESS);
  }

  @Test
  void nullOutputForARequiredConsumerFailsTheProducerNamingTheConsumer() {
    Pipeline p =
        Pipeline.builder("null-output")
            .stage("s", s -> s.add(NullProducer.class).add(NeedsString.class))
            .build();
    PipelineReport r = p.execute();
    StepResult producer = step(r, "NullProducer");
    assertThat(producer.status()).isEqualTo(Status.FAILED);
    assertThat(producer.error().id()).isEqualTo("NullOutput");
    assertThat(producer.error().phase()).isEqualTo(Phase.GET);
    assertThat(producer.error().message()).contains("[NeedsString].text");
    assertThat(step(r, "NeedsString").status()).isEqualTo(Status.SKIPPED);
  }

  @Test
  void nullOutputIsFineForAnOptionalConsumer() {
    Pipeline p =
        Pipeline.builder("null-optional")
            .stage("s", s -> s.add(NullProducer.class).add(MaybeString.class))
            .build();
    p.run();
    assertThat(p.output(MaybeString.class)).isEqualTo(-1);
  }

  @Test
  void anExceptionNamesTheFactoryAndThePhase() {
    for (Phase phase : List.of(Phase.READ, Phase.PROCESS, Phase.WRITE)) {
      Pipeline p =
          Pipeline.builder("phase-" + phase)
              .stage("s", s -> s.add(FactorySpec.of(new Flaky("f", phase, 1)).withId("f")))
              .build();
      PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);
      StepResult f = step(e.report(), "f");
      assertThat(f.error().phase()).isEqualTo(phase);
      assertThat(f.error().type()).isEqualTo(IllegalStateException.class.getName());
      assertThat(f.error().stackTrace()).contains("FailureTest$Flaky");
      assertThat(e.getMessage()).contains("in " + phase).contains("factory [f]");
    }
  }
}
