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
        StepResult.builder("a", "x.A", "bronze", Status.CACHED)
            .start(t0)
            .end(t0.plusMillis(5))
            .phases(phases)
            .attempts(2)
            .thread("forgeline-p-1")
            .error(new ErrorInfo("StepFailed", Phase.WRITE, "java.io.IOException", "disk", "trace"))
            .rows(42L)
            .rowsWritten(40L)
            .tableVersions(Map.of("/lake/gold", 7L))
            .upstream(List.of("orders", "customers"))
            .validation(
                new ValidationResult(
                    42, 40, 2, 40 / 42.0, List.of("id-not-null"), Map.of("id-not-null", 2L)))
            .cacheKey("key-1")
            .metadata(Map.of("source", "s3://bucket/x"))
            .build();
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
                Duration.ofMillis(5)),
            "prod",
            "0.1.0",
            "4.1.3",
            "local-123",
            "abc",
            Map.of("listener.failed.x", "boom"));
    String json = r.toJson();
    assertThat(PipelineReport.fromJson(json)).isEqualTo(r);
    assertThat(json)
        .contains("\"schemaVersion\" : 2")
        .contains("\"durationMs\" : 5.000000")
        .contains("\"READ\" : 1.234567")
        .contains("\"upstream\" : [ \"orders\", \"customers\" ]")
        .doesNotContain("PT");
  }

  @Test
  void aReportOfSchemaVersionOneIsStillRead() throws Exception {
    String v1;
    try (var in = getClass().getResourceAsStream("/report/v1-report.json")) {
      v1 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    PipelineReport r = PipelineReport.fromJson(v1);
    assertThat(r.pipeline()).isEqualTo("sales");
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.environment()).isNull();
    StepResult read = r.step("ReadOrders").orElseThrow();
    assertThat(read.phases().get(Phase.READ)).isEqualTo(Duration.parse("PT13.25305464S"));
    assertThat(read.durationMs()).isEqualTo(13053.05464);
    assertThat(read.upstream()).isEmpty();
    StepResult revenue = r.step("Revenue").orElseThrow();
    assertThat(revenue.error().message()).isEqualTo("no rows");
    assertThat(revenue.rows()).isEqualTo(7L);
    assertThat(r.metrics().total()).isEqualTo(Duration.parse("PT13.25305464S"));
    // read as version 1, written as version 2, read back unchanged
    assertThat(PipelineReport.fromJson(r.toJson())).isEqualTo(r);
  }

  @Test
  void aReportOfANewerSchemaVersionIsRefusedByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PipelineReport.fromJson("{\"schemaVersion\": 3, \"runId\": \"x\"}"));
    assertThat(e.getMessage()).contains("schemaVersion was [3]").contains("versions 1 to 2");
  }

  @Test
  void aSavedReportNamesEachStepsUpstreamSteps() {
    Pipeline p =
        Pipeline.builder("graph")
            .settings(ExecutionSettings.defaults().withFailurePolicy(FailurePolicy.CONTINUE))
            .stage("s", s -> s.add(Ok.class).add(Broken.class).add(AfterBroken.class))
            .build();
    PipelineReport back = PipelineReport.fromJson(p.execute().toJson());
    assertThat(back.step("AfterBroken").orElseThrow().upstream()).containsExactly("Broken");
    assertThat(back.step("Ok").orElseThrow().upstream()).isEmpty();
  }

  @Test
  void aReportSaysWhatProducedTheRun() {
    com.typesafe.config.Config cfg =
        com.typesafe.config.ConfigFactory.parseString(
                "forgeline.environment = staging\n db.password = hunter22\n app.size = 3")
            .withFallback(com.typesafe.config.ConfigFactory.load());
    PipelineReport r =
        Pipeline.builder("origin").config(cfg).stage("s", s -> s.add(Ok.class)).build().run();
    assertThat(r.environment()).isEqualTo("staging");
    assertThat(r.configHash()).hasSize(64);
    com.typesafe.config.Config otherSecret =
        com.typesafe.config.ConfigFactory.parseString(
                "forgeline.environment = staging\n db.password = other-secret\n app.size = 3")
            .withFallback(com.typesafe.config.ConfigFactory.load());
    com.typesafe.config.Config otherValue =
        com.typesafe.config.ConfigFactory.parseString(
                "forgeline.environment = staging\n db.password = hunter22\n app.size = 4")
            .withFallback(com.typesafe.config.ConfigFactory.load());
    String sameButSecret =
        Pipeline.builder("origin")
            .config(otherSecret)
            .stage("s", s -> s.add(Ok.class))
            .build()
            .run()
            .configHash();
    String changed =
        Pipeline.builder("origin")
            .config(otherValue)
            .stage("s", s -> s.add(Ok.class))
            .build()
            .run()
            .configHash();
    assertThat(sameButSecret).isEqualTo(r.configHash());
    assertThat(changed).isNotEqualTo(r.configHash());
    assertThat(r.toJson()).doesNotContain("hunter22");
  }

  @Test
  void notAReportIsAClearError() {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> PipelineReport.fromJson("{\"runId\": \"x\"}"));
    assertThat(missing.getMessage())
        .isEqualTo("Not a pipeline report (schema version 1): field [metrics] is missing");
    String json = Pipeline.builder("j").stage("s", s -> s.add(Ok.class)).build().run().toJson();
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> PipelineReport.fromJson(json.replaceFirst("\\{", "{\"bogus\": 1,")));
    assertThat(unknown.getMessage()).contains("unknown field [bogus]");
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
