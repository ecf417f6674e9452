package dev.forgeline.writer;

import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.StepResult;

/**
 * The report fields that the core report gains with the seams issue (environment, versions,
 * application id, rows written, table versions, validation, upstream, metadata). Kept apart so the
 * flattening of the stable fields does not change when these arrive; until then they stay null.
 */
final class ReportFields {
  private ReportFields() {}

  static void run(PipelineReport r, Object[] v) {}

  static void runMetadata(Object[] v) {}

  static void step(StepResult s, Object[] v) {}
}
