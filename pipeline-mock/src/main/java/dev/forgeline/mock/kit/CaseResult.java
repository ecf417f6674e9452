package dev.forgeline.mock.kit;

import java.util.List;
import java.util.Objects;

/**
 * The result of running one kit case on Spark (the reference) and on the mock (the candidate).
 *
 * @param kitCase the case, never null
 * @param spark what Spark produced, never null
 * @param mock what the mock produced, never null
 * @param intentProblems how Spark departed from what the case declares (empty when Spark behaved as
 *     the case says), never null
 * @param differences how the mock's outcome differs from Spark's (empty when they match), never
 *     null
 * @since 0.1.0
 */
public record CaseResult(
    KitCase kitCase,
    Outcome spark,
    Outcome mock,
    List<String> intentProblems,
    List<String> differences) {

  /** Copies the lists and rejects nulls. */
  public CaseResult {
    Objects.requireNonNull(kitCase, "kitCase");
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(mock, "mock");
    intentProblems = List.copyOf(intentProblems);
    differences = List.copyOf(differences);
  }

  /** Whether Spark behaved as the case declares. */
  public boolean sparkAsIntended() {
    return intentProblems.isEmpty();
  }

  /** Whether the mock produced what Spark produced. */
  public boolean mockMatches() {
    return differences.isEmpty();
  }

  /** Whether the case holds on both backends: Spark as intended and the mock equal to Spark. */
  public boolean passesBoth() {
    return sparkAsIntended() && mockMatches();
  }

  /**
   * One line naming the first way the mock differs from Spark, for gap lists; empty when the mock
   * matches.
   */
  public String headline() {
    return OutcomeDiff.headline(spark, mock, kitCase.tolerance());
  }

  /**
   * A multi-line report naming the case, its area and program, and every problem found; for a
   * passing case only the header line.
   */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append('[')
        .append(kitCase.id())
        .append("] area=")
        .append(kitCase.area())
        .append(passesBoth() ? " PASS" : " FAIL")
        .append('\n');
    if (passesBoth()) {
      return sb.toString();
    }
    sb.append("program: ").append(kitCase.description()).append('\n');
    if (!kitCase.conf().isEmpty()) {
      sb.append("conf: ").append(kitCase.conf()).append('\n');
    }
    sb.append("spark: ").append(OutcomeDiff.describe(spark)).append('\n');
    sb.append("mock : ").append(OutcomeDiff.describe(mock)).append('\n');
    for (String p : intentProblems) {
      sb.append("spark departs from the case: ").append(p).append('\n');
    }
    for (String d : differences) {
      sb.append(d).append('\n');
    }
    return sb.toString();
  }
}
