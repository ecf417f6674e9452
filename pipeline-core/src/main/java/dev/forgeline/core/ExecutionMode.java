package dev.forgeline.core;

/**
 * How factories are scheduled onto threads.
 *
 * @since 0.1.0
 */
public enum ExecutionMode {
  /**
   * Parallel, unless the Spark session declares itself a sequential backend (the mock does, through
   * the conf flag {@code spark.forgeline.backend.sequential=true}); then sequential.
   */
  AUTO,
  /** Parallel on every backend, even one that declares itself sequential. */
  PARALLEL,
  /** One factory at a time, in a deterministic order. */
  SEQUENTIAL
}
