package dev.forgeline.test;

import com.google.inject.TypeLiteral;
import dev.forgeline.core.Factory;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.connector.Connector;
import dev.forgeline.core.connector.Connectors;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.StepResult;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * What one {@link PipelineRunner#run()} produced: the report, each factory's output, and the
 * connectors (a {@code memory} sink holds what the run wrote to it). Immutable.
 *
 * @since 0.1.0
 */
public final class PipelineRun {
  private final Pipeline pipeline;
  private final PipelineReport report;
  private final Connectors connectors;

  PipelineRun(Pipeline pipeline, PipelineReport report, Connectors connectors) {
    this.pipeline = pipeline;
    this.report = report;
    this.connectors = connectors;
  }

  /** The run's report. */
  public PipelineReport report() {
    return report;
  }

  /** Whether every step succeeded. */
  public boolean succeeded() {
    return report.succeeded();
  }

  /**
   * Fails the test unless every step succeeded, listing each step that did not with its error.
   *
   * @return this run, for chaining
   */
  public PipelineRun assertSucceeded() {
    if (report.succeeded()) {
      return this;
    }
    StringBuilder b =
        new StringBuilder("Pipeline [")
            .append(report.pipeline())
            .append("] did not succeed: ")
            .append(report.status())
            .append('\n');
    for (StepResult s : report.steps()) {
      if (s.status() != dev.forgeline.core.report.Status.SUCCESS) {
        b.append("  ").append(s.factoryId()).append(": ").append(s.status());
        if (s.error() != null) {
          b.append(" in ").append(s.error().phase()).append(": ").append(s.error().message());
        } else if (s.reason() != null) {
          b.append(" (").append(s.reason()).append(')');
        }
        b.append('\n');
      }
    }
    throw new AssertionFailedError(b.toString());
  }

  /** The output of the factory of class {@code type}; see {@link Pipeline#output(Class)}. */
  public <T> T output(Class<? extends Factory<T>> type) {
    return pipeline.output(type);
  }

  /** The output of factory {@code id}; see {@link Pipeline#output(String, Class)}. */
  public <T> T output(String id, Class<T> type) {
    return pipeline.output(id, type);
  }

  /** The output of factory {@code id} of a generic type, such as {@code Dataset<Row>}. */
  public <T> T output(String id, TypeLiteral<T> type) {
    return pipeline.output(id, type);
  }

  /** The connector {@code name} as the run saw it, with any replaced source. */
  public Connector connector(String name) {
    return connectors.get(Objects.requireNonNull(name, "name"));
  }

  /** The pipeline that ran, for {@link Pipeline#describe()} and further runs. */
  public Pipeline pipeline() {
    return pipeline;
  }
}
