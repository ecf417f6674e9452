package dev.forgeline.mock.kit;

import java.util.Map;
import java.util.Objects;

/**
 * One case of the contract kit: a small DataFrame program, how to observe its result, and what
 * Spark is documented to do with it.
 *
 * @param id the stable id, {@code area.name}, never null
 * @param area the feature area, for example {@code joins}, never null
 * @param description what the program does, in one sentence, never null
 * @param program the program, never null
 * @param observation how its frame is observed, never null
 * @param expectedCondition the Spark error condition the case must raise, or null when it must
 *     succeed
 * @param conf session settings applied while the case runs (restored afterwards), never null
 * @param tolerance relative tolerance for doubles and floats; 0 compares them exactly
 * @param needsSparkParser whether the program needs Spark's own SQL parser on the reference
 *     session: with a parser injected by an extension, Spark's answer changes (Delta 4.3.1's parser
 *     drops the arguments of {@code spark.sql(query, args)}), so {@link ContractKit#compare} runs
 *     such a case on a session of the same SparkContext without extensions
 * @since 0.1.0
 */
public record KitCase(
    String id,
    String area,
    String description,
    KitProgram program,
    Observation observation,
    String expectedCondition,
    Map<String, String> conf,
    double tolerance,
    boolean needsSparkParser) {

  /** Validates the fields and copies the settings. */
  public KitCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(observation, "observation");
    conf = Map.copyOf(conf);
    if (tolerance < 0 || Double.isNaN(tolerance)) {
      throw new IllegalArgumentException(
          "tolerance of case [" + id + "] was [" + tolerance + "] but it must be >= 0");
    }
  }

  /** A case that runs on any reference session. */
  public KitCase(
      String id,
      String area,
      String description,
      KitProgram program,
      Observation observation,
      String expectedCondition,
      Map<String, String> conf,
      double tolerance) {
    this(id, area, description, program, observation, expectedCondition, conf, tolerance, false);
  }

  /** Whether Spark is expected to raise an error for this case. */
  public boolean expectsFailure() {
    return expectedCondition != null;
  }

  @Override
  public String toString() {
    return id + " (" + description + ")";
  }
}
