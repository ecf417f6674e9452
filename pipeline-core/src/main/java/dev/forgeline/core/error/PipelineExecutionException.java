package dev.forgeline.core.error;

import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;

/**
 * Thrown by {@code Pipeline.run()} when a run did not succeed. It carries the full {@link
 * PipelineReport}; its message lists every failed step, numbered, with its error id, phase and
 * cause, and counts the steps skipped or cancelled because of them.
 *
 * @since 0.1.0
 */
public final class PipelineExecutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient PipelineReport report;

  /** Creates the exception for a failed run. */
  public PipelineExecutionException(PipelineReport report) {
    super(render(report));
    this.report = report;
  }

  /** The report of the failed run. */
  public PipelineReport report() {
    return report;
  }

  private static String render(PipelineReport report) {
    StringBuilder b = new StringBuilder();
    b.append("Pipeline [").append(report.pipeline()).append("] run ").append(report.runId());
    b.append(" failed: ").append(report.metrics().count(Status.FAILED)).append(" failed, ");
    b.append(report.metrics().count(Status.CANCELLED)).append(" cancelled, ");
    b.append(report.metrics().count(Status.SKIPPED)).append(" skipped, ");
    b.append(report.metrics().count(Status.SUCCESS)).append(" succeeded\n");
    int n = 1;
    for (StepResult s : report.steps()) {
      if (s.status() == Status.FAILED) {
        String number = n++ + ") ";
        String indent = " ".repeat(number.length());
        b.append('\n').append(number).append(s.error().summary()).append('\n');
        b.append(indent)
            .append("at: factory [")
            .append(s.factoryId())
            .append("] (")
            .append(s.factoryClass())
            .append("), stage [")
            .append(s.stage())
            .append("]\n");
        b.append(indent).append("attempts: ").append(s.attempts()).append('\n');
      }
    }
    for (StepResult s : report.steps()) {
      if (s.status() == Status.SKIPPED || s.status() == Status.CANCELLED) {
        b.append("\n")
            .append(s.status().name().toLowerCase(java.util.Locale.ROOT))
            .append(": [")
            .append(s.factoryId())
            .append("] ")
            .append(s.reason());
      }
    }
    return b.toString();
  }
}
