package dev.forgeline.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable record of one pipeline run: one {@link StepResult} per factory, in the pipeline's
 * declaration order, the run's {@link PipelineMetrics}, and what produced it (environment,
 * versions, Spark application, configuration hash).
 *
 * <p>{@link #toJson()} and {@link #fromJson(String)} round-trip without loss through {@link
 * ReportJson}, which also reads reports written by earlier versions.
 *
 * @param runId unique per run
 * @param pipeline the pipeline's name
 * @param start when the run started
 * @param end when the run ended
 * @param status SUCCESS when every step succeeded (or came from the cache), else FAILED
 * @param steps one result per factory
 * @param metrics figures about the run
 * @param environment the environment overlay the configuration was loaded with ({@code
 *     forgeline.environment}); null when none
 * @param forgelineVersion the version of pipeline-core that ran; null when unknown
 * @param sparkVersion the Spark session's version; null for a run without Spark
 * @param sparkApplicationId the Spark application id ({@code spark.app.id}); null when unknown
 * @param configHash a SHA-256 of the effective configuration with secret values left out; null when
 *     unknown
 * @param metadata free-form facts about the run (for example a listener's failure to write)
 * @since 0.1.0
 */
public record PipelineReport(
    String runId,
    String pipeline,
    Instant start,
    Instant end,
    Status status,
    List<StepResult> steps,
    PipelineMetrics metrics,
    String environment,
    String forgelineVersion,
    String sparkVersion,
    String sparkApplicationId,
    String configHash,
    Map<String, String> metadata) {

  /** Checks for nulls and copies the collections. */
  public PipelineReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(status, "status");
    steps = List.copyOf(steps);
    Objects.requireNonNull(metrics, "metrics");
    metadata =
        metadata == null || metadata.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** A report with only the run's core fields; the provenance fields are unknown. */
  public PipelineReport(
      String runId,
      String pipeline,
      Instant start,
      Instant end,
      Status status,
      List<StepResult> steps,
      PipelineMetrics metrics) {
    this(runId, pipeline, start, end, status, steps, metrics, null, null, null, null, null, null);
  }

  /** The result of the factory with {@code factoryId}, if it is part of the run. */
  public Optional<StepResult> step(String factoryId) {
    return steps.stream().filter(s -> s.factoryId().equals(factoryId)).findFirst();
  }

  /** The wall time of the run. */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /** {@link #duration()} in milliseconds, with sub-millisecond digits. */
  public double durationMs() {
    return duration().toNanos() / 1e6;
  }

  /** Whether the run succeeded. */
  public boolean succeeded() {
    return status == Status.SUCCESS;
  }

  /** How many steps the result cache served (status CACHED with a cache key). */
  public int cacheHits() {
    return (int)
        steps.stream().filter(s -> s.status() == Status.CACHED && s.cacheKey() != null).count();
  }

  /** How many cacheable steps ran because the cache had no entry for their key. */
  public int cacheMisses() {
    return (int)
        steps.stream().filter(s -> s.status() != Status.CACHED && s.cacheKey() != null).count();
  }

  /** This report with {@code key = value} added to its metadata (replacing an old value). */
  public PipelineReport withMetadata(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(metadata);
    m.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new PipelineReport(
        runId,
        pipeline,
        start,
        end,
        status,
        steps,
        metrics,
        environment,
        forgelineVersion,
        sparkVersion,
        sparkApplicationId,
        configHash,
        m);
  }

  /** The report as JSON ({@link ReportJson#write}): times as ISO-8601, durations in ms. */
  public String toJson() {
    return ReportJson.write(this);
  }

  /**
   * Reads a report written by {@link #toJson()}, of this or an earlier schema version.
   *
   * @throws IllegalArgumentException naming the location when {@code json} is not a report
   */
  public static PipelineReport fromJson(String json) {
    return ReportJson.read(json);
  }
}
