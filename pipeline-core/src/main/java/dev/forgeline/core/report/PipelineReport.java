package dev.forgeline.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable record of one pipeline run: one {@link StepResult} per factory, in the pipeline's
 * declaration order, and the run's {@link PipelineMetrics}.
 *
 * <p>{@link #toJson()} and {@link #fromJson(String)} round-trip without loss.
 *
 * @param runId unique per run
 * @param pipeline the pipeline's name
 * @param start when the run started
 * @param end when the run ended
 * @param status SUCCESS when every step succeeded (or came from the cache), else FAILED
 * @param steps one result per factory
 * @param metrics figures about the run
 * @since 0.1.0
 */
public record PipelineReport(
    String runId,
    String pipeline,
    Instant start,
    Instant end,
    Status status,
    List<StepResult> steps,
    PipelineMetrics metrics) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Checks for nulls and copies the list. */
  public PipelineReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(status, "status");
    steps = List.copyOf(steps);
    Objects.requireNonNull(metrics, "metrics");
  }

  /** The result of the factory with {@code factoryId}, if it is part of the run. */
  public Optional<StepResult> step(String factoryId) {
    return steps.stream().filter(s -> s.factoryId().equals(factoryId)).findFirst();
  }

  /** The wall time of the run. */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /** Whether the run succeeded. */
  public boolean succeeded() {
    return status == Status.SUCCESS;
  }

  /** The report as JSON; times as ISO-8601 text. */
  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write report of run [" + runId + "] as JSON", e);
    }
  }

  /**
   * Reads a report written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException naming the location when {@code json} is not a report
   */
  public static PipelineReport fromJson(String json) {
    try {
      return JSON.readValue(json, PipelineReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Not a pipeline report: " + e.getOriginalMessage() + " at " + e.getLocation(), e);
    }
  }
}
