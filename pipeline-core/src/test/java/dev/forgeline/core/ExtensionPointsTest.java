package dev.forgeline.core;

import static dev.forgeline.core.Shapes.after;
import static dev.forgeline.core.Shapes.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.forgeline.core.error.ErrorCode;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.PipelineDefinitionException;
import dev.forgeline.core.error.Problem;
import dev.forgeline.core.report.Phase;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.report.ValidationResult;
import dev.forgeline.core.spi.CheckContext;
import dev.forgeline.core.spi.FactoryCheckContext;
import dev.forgeline.core.spi.PipelineCheck;
import dev.forgeline.core.spi.PipelineListener;
import dev.forgeline.core.spi.RunInfo;
import dev.forgeline.core.spi.StepContext;
import dev.forgeline.core.spi.StepInfo;
import dev.forgeline.core.spi.StepInterceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The listener, check, interceptor and step-context extension points, end to end. */
class ExtensionPointsTest {

  /** Records every callback as one line, and the thread it came on. */
  static final class Recorder implements PipelineListener {
    final List<String> events = new ArrayList<>();
    final List<String> threads = new ArrayList<>();

    private void add(String e) {
      events.add(e);
      threads.add(Thread.currentThread().getName());
    }

    @Override
    public void onRunStart(RunInfo run) {
      add("runStart " + run.pipeline());
    }

    @Override
    public void onStepStart(RunInfo run, StepInfo step, int attempt) {
      add("start " + step.factoryId() + " #" + attempt);
    }

    @Override
    public void onStepRetry(
        RunInfo run, StepInfo step, int failedAttempt, Throwable error, Duration backoff) {
      add("retry " + step.factoryId() + " #" + failedAttempt + " after " + backoff.toMillis());
    }

    @Override
    public void onStepSkipped(RunInfo run, StepResult result) {
      add("skipped " + result.factoryId());
    }

    @Override
    public void onStepEnd(RunInfo run, StepResult result) {
      add("end " + result.factoryId() + " " + result.status());
    }

    @Override
    public void onRunEnd(PipelineReport report) {
      add("runEnd " + report.status());
    }
  }

  private static ExecutionSettings sequentialContinue() {
    return ExecutionSettings.defaults()
        .withParallelism(1)
        .withMode(ExecutionMode.SEQUENTIAL)
        .withFailurePolicy(FailurePolicy.CONTINUE);
  }

  @Test
  void listenersHearEveryStepOnTheCallingThreadInTheDocumentedOrder() {
    Recorder rec = new Recorder();
    FailureTest.Flaky flaky = new FailureTest.Flaky("flaky", Phase.PROCESS, 1);
    FailureTest.Flaky broken = new FailureTest.Flaky("broken", Phase.READ, 99);
    Pipeline p =
        Pipeline.builder("events")
            .settings(sequentialContinue())
            .sleeper(d -> {})
            .listener(rec)
            .stage(
                "s",
                s ->
                    s.add(source("a", 0))
                        .add(
                            FactorySpec.of(flaky)
                                .withId("flaky")
                                .withRetry(
                                    RetryPolicy.exponential(
                                        2, Duration.ofMillis(5), Duration.ofMillis(5))))
                        .add(FactorySpec.of(broken).withId("broken"))
                        .add(after("downstream", 0, "broken")))
            .build();
    PipelineReport report = p.execute();

    assertThat(rec.events)
        .containsExactly(
            "runStart events",
            "start a #1",
            "end a SUCCESS",
            "start flaky #1",
            "retry flaky #1 after 5",
            "start flaky #2",
            "end flaky SUCCESS",
            "start broken #1",
            "end broken FAILED",
            "skipped downstream",
            "end downstream SKIPPED",
            "runEnd FAILED");
    assertThat(rec.threads).containsOnly(Thread.currentThread().getName());
    assertThat(report.step("flaky").orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void aThrowingListenerIsIsolatedAndNamedInTheReport() {
    PipelineListener bad =
        new PipelineListener() {
          @Override
          public void onRunStart(RunInfo run) {
            throw new IllegalStateException("listener broke at start");
          }

          @Override
          public void onStepEnd(RunInfo run, StepResult result) {
            throw new IllegalStateException("listener broke at end");
          }

          @Override
          public void onRunEnd(PipelineReport report) {
            throw new IllegalStateException("listener broke at run end");
          }
        };
    Recorder after = new Recorder();
    PipelineReport report =
        Pipeline.builder("isolated")
            .listener(bad)
            .listener(after)
            .stage("s", s -> s.add(source("a", 0)).add(after("b", 0, "a")))
            .build()
            .run();

    assertThat(report.status()).isEqualTo(Status.SUCCESS);
    assertThat(report.steps()).extracting(StepResult::status).containsOnly(Status.SUCCESS);
    assertThat(after.events).contains("runStart isolated", "end b SUCCESS", "runEnd SUCCESS");
    assertThat(report.metadata())
        .containsEntry(
            "listener.failed." + bad.getClass().getName(),
            "onRunStart: java.lang.IllegalStateException: listener broke at start");
  }

  @Test
  void listenersChecksAndInterceptorsMayComeFromGuiceMultibinders() {
    Recorder rec = new Recorder();
    List<String> seen = new ArrayList<>();
    AbstractModule module =
        new AbstractModule() {
          @Override
          protected void configure() {
            Multibinder.newSetBinder(binder(), PipelineListener.class).addBinding().toInstance(rec);
            Multibinder.newSetBinder(binder(), StepInterceptor.class)
                .addBinding()
                .toInstance(
                    new StepInterceptor() {
                      @Override
                      public Object afterGet(StepInfo step, Object output) {
                        seen.add(step.factoryId());
                        return output;
                      }
                    });
          }
        };
    Pipeline.builder("bound").modules(module).stage("s", s -> s.add(source("a", 0))).build().run();
    assertThat(rec.events).contains("end a SUCCESS");
    assertThat(seen).containsExactly("a");
  }

  /** A module's own error ids, as the writer and validation define theirs. */
  enum AcmeError implements ErrorCode {
    NO_OWNER("AcmeNoOwner", "A factory has no @Owner annotation.");

    private final String label;
    private final String description;

    AcmeError(String label, String description) {
      this.label = label;
      this.description = description;
    }

    @Override
    public String label() {
      return label;
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public String namespace() {
      return "Acme";
    }
  }

  @Test
  void aChecksProblemsJoinBuildsNumberedListWithTheirOwnIds() {
    PipelineCheck perFactory =
        new PipelineCheck() {
          @Override
          public List<Problem> checkFactory(FactoryCheckContext f) {
            return f.factoryId().equals("a")
                ? List.of(
                    new Problem(
                        AcmeError.NO_OWNER, "No owner.", f.place(), List.of(), "annotate it."))
                : List.of();
          }
        };
    PipelineCheck whole =
        new PipelineCheck() {
          @Override
          public List<Problem> check(CheckContext ctx) {
            return List.of(
                new Problem(
                    AcmeError.NO_OWNER,
                    "Saw " + ctx.factories().size() + " factories.",
                    "pipeline [" + ctx.pipeline() + "]",
                    ctx.factories().stream()
                        .map(s -> s.factoryId() + " <- " + s.upstream())
                        .toList(),
                    ""));
          }
        };
    PipelineCheck throwing =
        new PipelineCheck() {
          @Override
          public List<Problem> check(CheckContext ctx) {
            throw new IllegalStateException("check crashed");
          }
        };
    PipelineDefinitionException e =
        assertThrows(
            PipelineDefinitionException.class,
            () ->
                Pipeline.builder("checked")
                    .check(perFactory)
                    .check(whole)
                    .check(throwing)
                    .stage("s", s -> s.add(source("a", 0)).add(after("b", 0, "a")))
                    .build());
    assertThat(e.problems())
        .extracting(Problem::id)
        .containsExactly(AcmeError.NO_OWNER, AcmeError.NO_OWNER, ErrorId.CHECK_FAILED);
    assertThat(e.getMessage())
        .contains("1) [Acme/AcmeNoOwner] No owner.")
        .contains("2) [Acme/AcmeNoOwner] Saw 2 factories.")
        .contains("b <- [a]")
        .contains("3) [Forgeline/CheckFailed]")
        .contains("check crashed");
  }

  @Test
  void anInterceptorMayReplaceTheOutputOrFailTheStep() {
    StepInterceptor rename =
        new StepInterceptor() {
          @Override
          public Object afterGet(StepInfo step, Object output) {
            if (step.factoryId().equals("bad")) {
              throw new IllegalArgumentException("rule [not-empty] failed");
            }
            return output instanceof Shapes.Token t ? new Shapes.Token(t.from() + "!") : output;
          }
        };
    Pipeline p =
        Pipeline.builder("intercepted")
            .settings(sequentialContinue())
            .interceptor(rename)
            .stage("s", s -> s.add(source("a", 0)).add(source("bad", 0)).add(after("b", 0, "bad")))
            .build();
    PipelineReport r = p.execute();
    assertThat(p.output("a", Shapes.Token.class).from()).isEqualTo("a!");
    StepResult bad = r.step("bad").orElseThrow();
    assertThat(bad.status()).isEqualTo(Status.FAILED);
    assertThat(bad.error().phase()).isEqualTo(Phase.GET);
    assertThat(bad.error().message()).isEqualTo("rule [not-empty] failed");
    assertThat(r.step("b").orElseThrow().status()).isEqualTo(Status.SKIPPED);
  }

  /** Records facts through the step context, as a connector or validation would. */
  static final class Recording implements Factory<String> {
    @Override
    public void write() {
      StepContext c = StepContext.current().orElseThrow();
      c.recordRowsWritten(40);
      c.recordRowsWritten(2);
      c.recordTableVersion("/lake/gold", 3);
      c.recordValidation(new ValidationResult(10, 9, 1, 0.9, List.of("r1"), Map.of("r1", 1L)));
      c.putMetadata("source", "orders.csv");
    }

    @Override
    public String get() {
      return "x";
    }
  }

  @Test
  void factsRecordedInTheStepContextReachTheStepResult() {
    assertThat(StepContext.current()).isEmpty();
    PipelineReport r =
        Pipeline.builder("facts").stage("s", s -> s.add(Recording.class)).build().run();
    StepResult step = r.step("Recording").orElseThrow();
    assertThat(step.rowsWritten()).isEqualTo(42L);
    assertThat(step.tableVersions()).containsExactly(Map.entry("/lake/gold", 3L));
    assertThat(step.validation().failedRules()).containsExactly("r1");
    assertThat(step.metadata()).containsEntry("source", "orders.csv");
    assertThat(StepContext.current()).isEmpty();
  }

  static final class ReadOrders implements Factory<String> {
    @Override
    public String get() {
      return "orders";
    }
  }

  /** The snippet of docs/concepts.md#extension-points, verbatim between the markers. */
  @Test
  void theConceptsPageSnippetRuns() {
    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("docs");
    // docs:concepts-extension-points:start
    PipelineReport report =
        Pipeline.builder("events")
            .listener(
                new PipelineListener() {
                  @Override
                  public void onStepEnd(RunInfo run, StepResult result) {
                    log.info(
                        "{} {} in {} ms", result.factoryId(), result.status(), result.durationMs());
                  }
                })
            .check(
                new PipelineCheck() {
                  @Override
                  public List<Problem> checkFactory(FactoryCheckContext f) {
                    return List.of(); // problems here join build()'s numbered list
                  }
                })
            .stage("s", s -> s.add(ReadOrders.class))
            .build()
            .run();
    // docs:concepts-extension-points:end
    assertThat(report.step("ReadOrders").orElseThrow().status()).isEqualTo(Status.SUCCESS);
  }
}
