package dev.forgeline.core.internal.exec;

import dev.forgeline.core.internal.cache.CachePlan;
import dev.forgeline.core.spi.PipelineListener;
import dev.forgeline.core.spi.StepInterceptor;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a pipeline hands each run besides the graph and settings: its extensions and what the report
 * says produced the run.
 *
 * @param listeners called on the coordinating thread, in order
 * @param interceptors called on each output, in order
 * @param provenance the report's environment, versions and configuration hash
 * @param redact masks secrets in text that reaches the report or the log
 * @param cache the result cache and partial-run plan; null for none
 */
public record RunSetup(
    List<PipelineListener> listeners,
    List<StepInterceptor> interceptors,
    Provenance provenance,
    UnaryOperator<String> redact,
    CachePlan cache) {

  /** Copies the lists. */
  public RunSetup {
    listeners = List.copyOf(listeners);
    interceptors = List.copyOf(interceptors);
  }

  /** A setup without a result cache. */
  public RunSetup(
      List<PipelineListener> listeners,
      List<StepInterceptor> interceptors,
      Provenance provenance,
      UnaryOperator<String> redact) {
    this(listeners, interceptors, provenance, redact, null);
  }

  /** No extensions, nothing known about the run's origin. */
  public static RunSetup none() {
    return new RunSetup(List.of(), List.of(), Provenance.UNKNOWN, UnaryOperator.identity());
  }

  /**
   * What produced a run, for its report.
   *
   * @param environment the configuration's environment overlay, or null
   * @param forgelineVersion pipeline-core's version, or null
   * @param sparkVersion the session's Spark version, or null
   * @param sparkApplicationId the Spark application id, or null
   * @param configHash the hash of the effective configuration without secrets, or null
   */
  public record Provenance(
      String environment,
      String forgelineVersion,
      String sparkVersion,
      String sparkApplicationId,
      String configHash) {
    static final Provenance UNKNOWN = new Provenance(null, null, null, null, null);
  }
}
