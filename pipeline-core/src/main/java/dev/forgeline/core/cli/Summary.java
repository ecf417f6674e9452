package dev.forgeline.core.cli;

import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;

/** The one-line summary of a run the command line prints. */
final class Summary {
  private Summary() {}

  static String line(PipelineReport r, String report) {
    StringBuilder b = new StringBuilder();
    b.append(r.succeeded() ? "SUCCESS" : "FAILED")
        .append(": pipeline [")
        .append(r.pipeline())
        .append("] run ")
        .append(r.runId())
        .append(": ")
        .append(r.metrics().count(Status.SUCCESS))
        .append(" succeeded, ")
        .append(r.metrics().count(Status.FAILED))
        .append(" failed, ")
        .append(r.metrics().count(Status.CANCELLED))
        .append(" cancelled, ")
        .append(r.metrics().count(Status.SKIPPED))
        .append(" skipped");
    if (r.metrics().count(Status.CACHED) > 0 || r.cacheMisses() > 0) {
      b.append(", ")
          .append(r.metrics().count(Status.CACHED))
          .append(" cached (cache: ")
          .append(r.cacheHits())
          .append(" hits, ")
          .append(r.cacheMisses())
          .append(" misses)");
    }
    b.append(" in ").append(r.duration().toMillis()).append(" ms");
    r.steps().stream()
        .filter(s -> s.status() == Status.FAILED)
        .findFirst()
        .ifPresent(
            s ->
                b.append("; first failure: [")
                    .append(s.factoryId())
                    .append("] ")
                    .append(firstLine(s)));
    return b.append("; report: ").append(report).toString();
  }

  private static String firstLine(StepResult s) {
    String m = s.error() == null ? String.valueOf(s.reason()) : s.error().summary();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
