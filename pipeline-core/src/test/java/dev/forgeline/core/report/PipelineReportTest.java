package dev.forgeline.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forgeline.core.Delivery;
import dev.forgeline.core.ExecutionSettings;
import dev.forgeline.core.Factory;
import dev.forgeline.core.FailurePolicy;
import dev.forgeline.core.Pipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineReportTest {

  static final class Ok implements Factory<String> {
    @Override
    public String get() {
      return "ok";
    }
  }

  static final class Broken implements Factory<Integer> {
    @Override
    public void process() {
      throw new IllegalArgumentException("bad \"quoted\" input\nsecond line");
    }

    @Override
    public Integer get() {
      return 1;
    }
  }

  static final class AfterBroken implements Factory<Long> {
    @Delivery Integer in;

    @Override
    public Long get() {
      return 2L;
    }
  }

  @Test
  void aRealReportSurvivesJsonWithoutLoss() {
    Pipeline p =
        Pipeline.builder("json")
            .settings(ExecutionSettings.defaults().withFailurePolicy(FailurePolicy.CONTINUE))
            .stage("s", s -> s.add(Ok.class).add(Broken.class).add(AfterBroken.class))
            .build();
    PipelineReport report = p.execute();
    assertThat(report.status()).isEqualTo(Status.FAILED);
    String json = report.toJson();
    PipelineReport back = PipelineReport.fromJson(json);
    assertThat(back).isEqualTo(report);
    assertThat(back.step("Broken").orElseThrow().error().message())
        .isEqualTo("bad \"quoted\" input\nsecond line");
    assertThat(back.step("AfterBroken").orElseThrow().status()).isEqualTo(Status.SKIPPED);
    assertThat(back.metrics().count(Status.FAILED)).isEqualTo(1);
  }

  @Test
  void handBuiltReportWithEveryFieldRoundTrips() {
    Instant t0 = Instant.parse("2026-01-02T03:04:05.123456789Z");
    Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
    phases.put(Phase.READ, Duration.ofNanos(1_234_567));
    phases.put(Phase.GET, Duration.ZERO);
    StepResult step =
        new StepResult(
            "a",
            "x.A",
            "bronze",
            Status.CACHED,
            null,
            t0,
            t0.plusMillis(5),
            phases,
            2,
            "forgeline-p-1",
            new ErrorInfo("StepFailed", Phase.WRITE, "java.io.IOException", "disk", "trace"),
            42L,
            "key-1");
    PipelineReport r =
        new PipelineReport(
            "run-1",
            "p",
            t0,
            t0.plusSeconds(1),
            Status.SUCCESS,
            List.of(step),
            new PipelineMetrics(
                Map.of(Status.CACHED, 1),
                Duration.ofSeconds(1),
                Duration.ofMillis(5),
                Duration.ofMillis(5)));
    assertThat(PipelineReport.fromJson(r.toJson())).isEqualTo(r);
  }

  @Test
  void notAReportIsAClearError() {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> PipelineReport.fromJson("{\"runId\": \"x\"}"));
    assertThat(missing.getMessage()).startsWith("Not a pipeline report:").contains("pipeline");
    String json = Pipeline.builder("j").stage("s", s -> s.add(Ok.class)).build().run().toJson();
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> PipelineReport.fromJson(json.replaceFirst("\\{", "{\"bogus\": 1,")));
    assertThat(unknown.getMessage()).contains("bogus");
  }

  @Test
  void timingsComeFromTheInjectedClock() {
    Clock fixed = Clock.fixed(Instant.parse("2030-05-06T07:08:09Z"), ZoneOffset.UTC);
    Pipeline p = Pipeline.builder("clock").clock(fixed).stage("s", s -> s.add(Ok.class)).build();
    PipelineReport r = p.run();
    assertThat(r.start()).isEqualTo(fixed.instant());
    assertThat(r.step("Ok").orElseThrow().start()).isEqualTo(fixed.instant());
    assertThat(r.duration()).isZero();
  }
}
