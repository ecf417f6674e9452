package dev.forgeline.core.internal.exec;

import dev.forgeline.core.internal.graph.Graph;
import dev.forgeline.core.report.PipelineMetrics;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns the step results of a run into its immutable report and metrics. */
final class ReportAssembler {
  private ReportAssembler() {}

  static PipelineReport assemble(
      String runId,
      Graph graph,
      Instant start,
      Instant end,
      StepResult[] results,
      boolean[] benign,
      RunSetup.Provenance provenance,
      java.util.function.IntPredicate leftOut) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    Duration busy = Duration.ZERO;
    boolean ok = true;
    for (int i = 0; i < results.length; i++) {
      StepResult r = results[i];
      counts.merge(r.status(), 1, Integer::sum);
      busy = busy.plus(r.duration());
      // A step a condition switched off (or that only lost an input that way), or one a partial
      // run leaves out (--select, --from), is skipped by choice, not by failure.
      ok &=
          r.status() == Status.SUCCESS
              || r.status() == Status.CACHED
              || (r.status() == Status.SKIPPED && benign[i])
              || leftOut.test(i);
    }
    PipelineMetrics metrics =
        new PipelineMetrics(
            counts, Duration.between(start, end), criticalPath(graph, results), busy);
    return new PipelineReport(
        runId,
        graph.pipeline(),
        start,
        end,
        ok ? Status.SUCCESS : Status.FAILED,
        List.of(results),
        metrics,
        provenance.environment(),
        provenance.forgelineVersion(),
        provenance.sparkVersion(),
        provenance.sparkApplicationId(),
        provenance.configHash(),
        Map.of());
  }

  /** The longest chain of step durations along the graph's edges (topological order). */
  static Duration criticalPath(Graph graph, StepResult[] results) {
    int n = graph.size();
    int[] indegree = new int[n];
    long[] finish = new long[n];
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      indegree[i] = graph.upstream().get(i).length;
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    long longest = 0;
    while (!ready.isEmpty()) {
      int i = ready.poll();
      long startAt = 0;
      for (int u : graph.upstream().get(i)) {
        startAt = Math.max(startAt, finish[u]);
      }
      finish[i] = startAt + results[i].duration().toNanos();
      longest = Math.max(longest, finish[i]);
      for (int d : graph.downstream().get(i)) {
        if (--indegree[d] == 0) {
          ready.add(d);
        }
      }
    }
    return Duration.ofNanos(longest);
  }
}
