package dev.forgeline.writer;

import dev.forgeline.core.report.ErrorInfo;
import dev.forgeline.core.report.Phase;
import dev.forgeline.core.report.PipelineMetrics;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
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
    return new StepResult(
        id,
        "com.example." + id,
        "stage",
        status,
        null,
        start,
        start.plusMillis(ms),
        phases,
        1,
        "forgeline-1",
        null,
        rows,
        null);
  }

  /** One step of each status, with an error, a reason and a cache key where they belong. */
  static List<StepResult> everyStatus(Instant t) {
    List<StepResult> steps = new ArrayList<>();
    steps.add(step("ok", Status.SUCCESS, t, 120, 1_000L));
    steps.add(
        new StepResult(
            "broken",
            "com.example.Broken",
            "stage",
            Status.FAILED,
            null,
            t,
            t.plusMillis(30),
            Map.of(Phase.WRITE, Duration.ofMillis(30)),
            3,
            "forgeline-2",
            ErrorInfo.of("StepFailed", Phase.WRITE, new IllegalStateException("sink full")),
            null,
            null));
    steps.add(
        new StepResult(
            "after",
            "com.example.After",
            "stage",
            Status.SKIPPED,
            "input [broken] failed",
            null,
            null,
            Map.of(),
            0,
            null,
            null,
            null,
            null));
    steps.add(
        new StepResult(
            "cached",
            "com.example.Cached",
            "stage",
            Status.CACHED,
            null,
            t,
            t.plusMillis(2),
            Map.of(),
            0,
            "forgeline-1",
            null,
            50L,
            "key-123"));
    steps.add(
        new StepResult(
            "slow",
            "com.example.Slow",
            "stage",
            Status.CANCELLED,
            "the run stopped: [broken] failed",
            t,
            t.plusMillis(40),
            Map.of(Phase.PROCESS, Duration.ofMillis(40)),
            1,
            "forgeline-3",
            ErrorInfo.of("Cancelled", Phase.PROCESS, "interrupted"),
            null,
            null));
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
            Duration.ofMillis(busy)));
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
