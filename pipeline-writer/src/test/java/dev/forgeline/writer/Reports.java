package dev.forgeline.writer;

import dev.forgeline.core.report.ErrorInfo;
import dev.forgeline.core.report.Phase;
import dev.forgeline.core.report.PipelineMetrics;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.report.ValidationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reports made by hand for the writer's tests, with exactly known values. */
final class Reports {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private Reports() {}

  /** A successful step that ran from {@code start} for {@code ms} milliseconds. */
  static StepResult step(String id, Status status, Instant start, long ms, Long rows) {
    Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
    phases.put(Phase.READ, Duration.ofMillis(ms / 2));
    phases.put(Phase.WRITE, Duration.ofMillis(ms - ms / 2));
    return StepResult.builder(id, "com.example." + id, "stage", status)
        .start(start)
        .end(start.plusMillis(ms))
        .phases(phases)
        .attempts(1)
        .thread("forgeline-1")
        .rows(rows)
        .build();
  }

  /** One step of each status, with an error, a reason and a cache key where they belong. */
  static List<StepResult> everyStatus(Instant t) {
    List<StepResult> steps = new ArrayList<>();
    steps.add(step("ok", Status.SUCCESS, t, 120, 1_000L).toBuilder().cacheKey("key-ok").build());
    steps.add(
        StepResult.builder("broken", "com.example.Broken", "stage", Status.FAILED)
            .start(t)
            .end(t.plusMillis(30))
            .phases(Map.of(Phase.WRITE, Duration.ofMillis(30)))
            .attempts(3)
            .thread("forgeline-2")
            .error(ErrorInfo.of("StepFailed", Phase.WRITE, new IllegalStateException("sink full")))
            .upstream(List.of("ok"))
            .validation(
                new ValidationResult(
                    1_000,
                    990,
                    10,
                    0.99,
                    List.of("amount_positive"),
                    Map.of("amount_positive", 10L, "id_not_null", 0L)))
            .metadata(Map.of("owner", "team-a"))
            .build());
    steps.add(
        StepResult.builder("after", "com.example.After", "stage", Status.SKIPPED)
            .reason("input [broken] failed")
            .upstream(List.of("broken"))
            .build());
    steps.add(
        StepResult.builder("cached", "com.example.Cached", "stage", Status.CACHED)
            .start(t)
            .end(t.plusMillis(2))
            .thread("forgeline-1")
            .rows(50L)
            .cacheKey("key-123")
            .build());
    steps.add(
        StepResult.builder("slow", "com.example.Slow", "stage", Status.CANCELLED)
            .reason("the run stopped: [broken] failed")
            .start(t)
            .end(t.plusMillis(40))
            .phases(Map.of(Phase.PROCESS, Duration.ofMillis(40)))
            .attempts(1)
            .thread("forgeline-3")
            .error(ErrorInfo.of("Cancelled", Phase.PROCESS, "interrupted"))
            .rowsWritten(40L)
            .tableVersions(Map.of("/data/silver/orders", 7L))
            .build());
    return steps;
  }

  /** A report of {@code steps}, run status derived as the engine does. */
  static PipelineReport report(
      String runId, String pipeline, Instant start, List<StepResult> steps) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    Instant end = start;
    long busy = 0;
    for (StepResult s : steps) {
      counts.merge(s.status(), 1, Integer::sum);
      if (s.end() != null && s.end().isAfter(end)) {
        end = s.end();
      }
      busy += s.duration().toMillis();
    }
    boolean ok =
        steps.stream().allMatch(s -> s.status() == Status.SUCCESS || s.status() == Status.CACHED);
    return new PipelineReport(
        runId,
        pipeline,
        start,
        end.plusMillis(5),
        ok ? Status.SUCCESS : Status.FAILED,
        steps,
        new PipelineMetrics(
            counts,
            Duration.between(start, end.plusMillis(5)),
            Duration.ofMillis(busy),
            Duration.ofMillis(busy)),
        "prod",
        "0.1.0-test",
        "4.1.3",
        "local-1234",
        "abc123",
        Map.of("trigger", "schedule"));
  }

  /** A successful report of {@code n} steps. */
  static PipelineReport successful(String runId, String pipeline, Instant start, int n) {
    List<StepResult> steps = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      steps.add(step("step" + i, Status.SUCCESS, start, 10 + i % 7, (long) i));
    }
    return report(runId, pipeline, start, steps);
  }
}
