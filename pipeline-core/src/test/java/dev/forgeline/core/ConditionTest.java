package dev.forgeline.core;

import static dev.forgeline.core.Steps.emit;
import static dev.forgeline.core.Steps.maybeWrap;
import static dev.forgeline.core.Steps.wrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.Steps.Tok;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.PipelineDefinitionException;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.spi.PipelineListener;
import dev.forgeline.core.spi.RunInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conditions on stages and factories: every kind, branches, skip propagation, failures. */
class ConditionTest {
  private static final ExecutionSettings CONTINUE =
      ExecutionSettings.defaults()
          .withMode(ExecutionMode.SEQUENTIAL)
          .withFailurePolicy(FailurePolicy.CONTINUE);

  @BeforeEach
  void clear() {
    Steps.RAN.clear();
  }

  private static Config config(String hocon) {
    return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load());
  }

  private static Pipeline.Builder builder(String name, Config config) {
    return builder(name, config, CONTINUE);
  }

  private static Pipeline.Builder builder(String name, Config config, ExecutionSettings s) {
    return Pipeline.builder(name).settings(s).config(config);
  }

  /** Records every skipped step the listener SPI reports. */
  static final class Skips implements PipelineListener {
    final List<String> skipped = new ArrayList<>();

    @Override
    public void onStepSkipped(RunInfo run, StepResult result) {
      skipped.add(result.factoryId() + ": " + result.reason());
    }
  }

  @Test
  void aConfigConditionSwitchesAStageOnAndOff() {
    for (String flag : List.of("on", "off")) {
      Skips skips = new Skips();
      PipelineReport r =
          builder("cfg", config("feature.audit = " + flag))
              .listener(skips)
              .stage("load", s -> s.add(emit("load")))
              .stage(
                  "audit",
                  s -> s.when(Condition.config("feature.audit", "on")).add(wrap("audit", "load")))
              .build()
              .run();
      assertThat(r.succeeded()).isTrue();
      StepResult audit = r.step("audit").orElseThrow();
      if (flag.equals("on")) {
        assertThat(audit.status()).isEqualTo(Status.SUCCESS);
        assertThat(audit.metadata())
            .containsEntry("forgeline.condition", "when: config feature.audit == on -> held");
        assertThat(skips.skipped).isEmpty();
      } else {
        assertThat(audit.status()).isEqualTo(Status.SKIPPED);
        assertThat(audit.reason())
            .isEqualTo("condition [config feature.audit == on] of stage [audit] did not hold");
        assertThat(skips.skipped).containsExactly("audit: " + audit.reason());
      }
    }
  }

  @Test
  void anEnvironmentConditionSwitchesAStageOffInDev() {
    for (String env : List.of("dev", "prod")) {
      PipelineReport r =
          builder("env", config("forgeline.environment = " + env))
              .stage("load", s -> s.add(emit("load")))
              .stage(
                  "publish",
                  s -> s.when(Condition.environmentIsNot("dev")).add(wrap("publish", "load")))
              .build()
              .run();
      assertThat(r.step("publish").orElseThrow().status())
          .isEqualTo(env.equals("dev") ? Status.SKIPPED : Status.SUCCESS);
    }
  }

  private static Pipeline monthly(Instant now) {
    return builder("monthly", config(""))
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .stage(
            "full",
            s ->
                s.when(Condition.runDate("first day of the month", d -> d.getDayOfMonth() == 1))
                    .add(emit("rebuild")))
        .stage("incremental", s -> s.otherwise("full").add(emit("merge")))
        .stage("publish", s -> s.add(FactorySpec.of(new Steps.Wrap("publish")).withId("publish")))
        .build();
  }

  @Test
  void aRunDateConditionPicksABranchAndConsumersSeeWhicheverRan() {
    Pipeline first = monthly(Instant.parse("2026-11-01T02:00:00Z"));
    PipelineReport r1 = first.run();
    assertThat(r1.succeeded()).isTrue();
    assertThat(r1.step("merge").orElseThrow().status()).isEqualTo(Status.SKIPPED);
    assertThat(r1.step("merge").orElseThrow().reason())
        .isEqualTo(
            "otherwise branch of [full]: its condition [run date: first day of the month] held");
    assertThat(first.output("publish", Tok.class).value()).isEqualTo("publish(rebuild)");

    Pipeline mid = monthly(Instant.parse("2026-11-15T02:00:00Z"));
    PipelineReport r2 = mid.run();
    assertThat(r2.step("rebuild").orElseThrow().status()).isEqualTo(Status.SKIPPED);
    assertThat(r2.step("merge").orElseThrow().metadata().get("forgeline.condition"))
        .isEqualTo(
            "otherwise of [full] (when not: run date: first day of the month)"
                + " -> else branch taken");
    assertThat(mid.output("publish", Tok.class).value()).isEqualTo("publish(merge)");
  }

  /** Counts orders; a plain value stands in for a Dataset's count. */
  static final class CountNew implements Factory<Long> {
    final long count;

    CountNew(long count) {
      this.count = count;
    }

    @Override
    public Long get() {
      return count;
    }
  }

  @Test
  void aDeliveredValueConditionWaitsForItsProducerAndReadsItsOutput() {
    for (long count : new long[] {0, 3}) {
      Pipeline p =
          builder(
                  "delivered",
                  config(""),
                  CONTINUE.withMode(ExecutionMode.PARALLEL).withParallelism(2))
              .stage("count", s -> s.add("new-orders", new CountNew(count)))
              .stage(
                  "merge",
                  s ->
                      s.when(
                              Condition.delivered(
                                  "new-orders", Long.class, "is not empty", n -> n > 0))
                          .add(emit("merge")))
              .build();
      PipelineReport r = p.run();
      StepResult merge = r.step("merge").orElseThrow();
      assertThat(merge.upstream()).containsExactly("new-orders");
      assertThat(merge.status()).isEqualTo(count > 0 ? Status.SUCCESS : Status.SKIPPED);
      if (count == 0) {
        assertThat(merge.reason()).contains("[new-orders] is not empty");
      }
    }
  }

  @Test
  void outcomeConditionsRunOnFailureAndAlwaysLikeAFinally() {
    for (boolean broken : new boolean[] {true, false}) {
      Steps.RAN.clear();
      FactorySpec load =
          broken
              ? FactorySpec.of(new Steps.Boom("load")).withId("load")
              : FactorySpec.of(new Steps.Emit("load")).withId("load");
      PipelineReport r =
          builder("outcomes", config(""))
              .stage("cleanup", s -> s.when(Condition.always()).add(emit("cleanup")))
              .stage("load", s -> s.add(load))
              .stage("alert", s -> s.when(Condition.failed("load")).add(emit("alert")))
              .stage("report", s -> s.add(wrap("report", "load")))
              .build()
              .execute();
      assertThat(r.step("alert").orElseThrow().status())
          .isEqualTo(broken ? Status.SUCCESS : Status.SKIPPED);
      assertThat(r.step("cleanup").orElseThrow().status()).isEqualTo(Status.SUCCESS);
      assertThat(r.step("report").orElseThrow().status())
          .isEqualTo(broken ? Status.SKIPPED : Status.SUCCESS);
      // declared first, the finally still runs last: it waits for every step it does not feed
      assertThat(Steps.RAN.get(Steps.RAN.size() - 1)).isEqualTo("cleanup");
      assertThat(r.succeeded()).isEqualTo(!broken);
    }
  }

  @Test
  void anyJavaPredicateIsEvaluatedOncePerRunOnTheCoordinatingThread() {
    AtomicInteger calls = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    Condition custom =
        Condition.of(
            "the pipeline is called [once]",
            c -> {
              calls.incrementAndGet();
              threads.add(Thread.currentThread());
              return c.pipeline().equals("once");
            });
    Pipeline p =
        builder("once", config(""), CONTINUE.withMode(ExecutionMode.PARALLEL).withParallelism(3))
            .stage("a", s -> s.when(custom).add(emit("a1")).add(emit("a2")).add(emit("a3")))
            .build();
    p.run();
    p.run();
    assertThat(calls).hasValue(2);
    assertThat(threads).containsOnly(Thread.currentThread());
    assertThat(Steps.RAN).containsExactlyInAnyOrder("a1", "a2", "a3", "a1", "a2", "a3");
  }

  @Test
  void aFactoryConditionSkipsOnlyThatFactory() {
    PipelineReport r =
        builder("factory", config("forgeline.environment = dev"))
            .stage(
                "s",
                s ->
                    s.add(emit("kept"))
                        .add(emit("prod-only").when(Condition.environmentIs("prod", "staging"))))
            .build()
            .run();
    assertThat(r.step("kept").orElseThrow().status()).isEqualTo(Status.SUCCESS);
    assertThat(r.step("prod-only").orElseThrow().reason())
        .isEqualTo("condition [env in [prod, staging]] of stage [s] did not hold");
  }

  @Test
  void skipsPropagateThroughRequiredDeliveriesButNotOptionalOnes() {
    Pipeline p =
        builder("propagate", config(""))
            .stage("off", s -> s.when(Condition.of("never", c -> false)).add(emit("source")))
            .stage("needs", s -> s.add(wrap("needs", "source")).add(wrap("needs-2", "needs")))
            .stage("maybe", s -> s.add(maybeWrap("maybe", "source")))
            .build();
    PipelineReport r = p.run();
    assertThat(r.succeeded()).as("a switched-off stage is not a failure").isTrue();
    assertThat(r.step("needs").orElseThrow().reason()).isEqualTo("input [source] was skipped");
    assertThat(r.step("needs-2").orElseThrow().reason()).isEqualTo("input [needs] was skipped");
    assertThat(r.step("maybe").orElseThrow().status()).isEqualTo(Status.SUCCESS);
    assertThat(p.output("maybe", Tok.class).value()).isEqualTo("maybe(-)");
  }

  @Test
  void aConditionThatThrowsFailsItsStepsNamingItAndSkipsTheirDependents() {
    PipelineReport r =
        builder("throws", config(""))
            .stage(
                "gate",
                s ->
                    s.when(Condition.configFlag("flags.missing"))
                        .add(emit("gated"))
                        .add(emit("gated-2")))
            .stage("after", s -> s.add(wrap("after", "gated")))
            .stage("other", s -> s.add(emit("other")))
            .build()
            .execute();
    assertThat(r.succeeded()).isFalse();
    StepResult gated = r.step("gated").orElseThrow();
    assertThat(gated.status()).isEqualTo(Status.FAILED);
    assertThat(gated.error().id()).isEqualTo(ErrorId.CONDITION_FAILED.label());
    assertThat(gated.error().message())
        .startsWith("condition [config flags.missing] of stage [gate] threw: ")
        .contains("flags.missing");
    assertThat(r.step("gated-2").orElseThrow().error().id())
        .isEqualTo(ErrorId.CONDITION_FAILED.label());
    assertThat(r.step("after").orElseThrow().reason())
        .isEqualTo("input [gated] did not succeed (FAILED)");
    assertThat(r.step("other").orElseThrow().status()).isEqualTo(Status.SUCCESS);
  }

  @Test
  void hoconConditionsSwitchStagesWithoutCode() {
    String hocon =
        "forgeline.stages.silver.when = \"env != dev && !config.flags.frozen\"\n"
            + "flags.frozen = false\n";
    for (String env : List.of("dev", "prod")) {
      PipelineReport r =
          builder("hocon", config(hocon + "forgeline.environment = " + env))
              .stage("bronze", s -> s.add(emit("bronze")))
              .stage("silver", s -> s.add(wrap("silver", "bronze")))
              .build()
              .run();
      StepResult silver = r.step("silver").orElseThrow();
      assertThat(silver.status()).isEqualTo(env.equals("dev") ? Status.SKIPPED : Status.SUCCESS);
      if (env.equals("dev")) {
        assertThat(silver.reason())
            .isEqualTo(
                "condition [env != dev && !config.flags.frozen] of stage [silver] did not hold");
      }
    }
  }

  @Test
  void theHoconConditionLanguage() {
    Map<String, Boolean> cases =
        Map.of(
            "env == prod", true,
            "env in [dev, test]", false,
            "env not in [dev, 'test']", true,
            "config.a.b == \"x y\"", true,
            "config.n == 3 and (config.on or false)", true,
            "not config.on || env != prod", false,
            "config.off", false);
    Config cfg =
        config("forgeline.environment = prod\na.b = \"x y\"\nn = 3\non = true\noff = false");
    cases.forEach(
        (text, expected) -> {
          PipelineReport r =
              builder(
                      "lang",
                      cfg.withFallback(
                          config(
                              "forgeline.stages.s.when = \"" + text.replace("\"", "\\\"") + "\"")))
                  .stage("s", s -> s.add(emit("x")))
                  .build()
                  .run();
          assertThat(r.step("x").orElseThrow().status())
              .as(text)
              .isEqualTo(expected ? Status.SUCCESS : Status.SKIPPED);
        });
  }

  @Test
  void badHoconConditionsAreNumberedBuildErrorsWithTheirKey() {
    Config cfg =
        ConfigFactory.parseString(
                "forgeline.stages.silver.when = \"env !! dev\"\n"
                    + "forgeline.stages.\"gold\".when = \"config.x == \"\n"
                    + "forgeline.stages.silvr.when = \"env == dev\"\n",
                com.typesafe.config.ConfigParseOptions.defaults().setOriginDescription("app.conf"))
            .withFallback(ConfigFactory.load());
    PipelineDefinitionException e =
        assertThrows(
            PipelineDefinitionException.class,
            () ->
                builder("bad-hocon", cfg)
                    .stage("silver", s -> s.add(emit("silver")))
                    .stage("gold", s -> s.add(emit("gold")))
                    .build());
    Golden.assertMatches("condition-syntax", e.getMessage());
  }

  @Test
  void aDeliveryOnlyOneBranchProducesIsABuildErrorUnlessOptional() {
    Condition c = Condition.of("c", x -> true);
    PipelineDefinitionException e =
        assertThrows(
            PipelineDefinitionException.class,
            () ->
                builder("branches", config(""))
                    .stage("full", s -> s.when(c).add(emit("rebuild")))
                    .stage("incremental", s -> s.otherwise("full").add(new CountNew(1)))
                    .stage("publish", s -> s.add(FactorySpec.of(new Steps.Wrap("p")).withId("p")))
                    .stage("typo", s -> s.otherwise("ful").add("t", new CountNew(2)))
                    .build());
    Golden.assertMatches("branch-delivery", e.getMessage());

    Pipeline optional =
        builder("branches", config(""))
            .stage("full", s -> s.when(Condition.of("c", x -> false)).add(emit("rebuild")))
            .stage("incremental", s -> s.otherwise("full").add(new CountNew(1)))
            .stage("publish", s -> s.add(FactorySpec.of(new Steps.MaybeWrap("p")).withId("p")))
            .build();
    optional.run();
    assertThat(optional.output("p", Tok.class).value()).isEqualTo("p(-)");
  }

  @Test
  void describeAndMermaidShowConditionsAndBranches() {
    Pipeline p = monthly(Instant.parse("2026-11-01T00:00:00Z"));
    Golden.assertMatches("describe-conditions", p.describe());
    Golden.assertMatches("mermaid-conditions", p.toMermaid());
  }
}
