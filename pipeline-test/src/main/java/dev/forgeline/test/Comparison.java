package dev.forgeline.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link DatasetAssertions} compares two Datasets: every option starts strict and each {@code
 * ignoring...}/{@code with...} method returns a new, changed copy. Immutable and thread-safe.
 *
 * <pre>{@code
 * Comparison loose = Comparison.strict()
 *     .ignoringRowOrder()
 *     .ignoringNullability()
 *     .withAbsoluteTolerance(0.005)
 *     .withTimestampTolerance(Duration.ofSeconds(1));
 * DatasetAssertions.assertDatasetEquals(expected, actual, loose);
 * }</pre>
 *
 * @param rowOrder whether row order matters
 * @param columnOrder whether column order matters (columns are then matched by name)
 * @param nullability whether a column's, element's or map value's nullability matters
 * @param absoluteTolerance the largest absolute difference between two numbers still equal
 * @param relativeTolerance the largest difference relative to the larger magnitude still equal
 * @param timestampTolerance the largest difference between two timestamps still equal
 * @param nanEqual whether NaN equals NaN
 * @param maxDiffRows how many differing rows a failure message shows side by side
 * @since 0.1.0
 */
public record Comparison(
    boolean rowOrder,
    boolean columnOrder,
    boolean nullability,
    double absoluteTolerance,
    double relativeTolerance,
    Duration timestampTolerance,
    boolean nanEqual,
    int maxDiffRows) {

  /** Checks the values: tolerances are finite and not negative, at least one row is shown. */
  public Comparison {
    requireTolerance("absoluteTolerance", absoluteTolerance);
    requireTolerance("relativeTolerance", relativeTolerance);
    Objects.requireNonNull(timestampTolerance, "timestampTolerance");
    if (timestampTolerance.isNegative()) {
      throw new IllegalArgumentException(
          "timestampTolerance was [" + timestampTolerance + "] but must not be negative");
    }
    if (maxDiffRows < 1) {
      throw new IllegalArgumentException(
          "maxDiffRows was [" + maxDiffRows + "] but must be at least 1");
    }
  }

  /** Everything matters: order of rows and columns, nullability, exact values, NaN unequal. */
  public static Comparison strict() {
    return new Comparison(true, true, true, 0.0, 0.0, Duration.ZERO, false, 10);
  }

  /** A copy where rows may come in any order (each expected row is matched to one actual row). */
  public Comparison ignoringRowOrder() {
    return new Comparison(
        false,
        columnOrder,
        nullability,
        absoluteTolerance,
        relativeTolerance,
        timestampTolerance,
        nanEqual,
        maxDiffRows);
  }

  /** A copy where columns are matched by name, in any order. */
  public Comparison ignoringColumnOrder() {
    return new Comparison(
        rowOrder,
        false,
        nullability,
        absoluteTolerance,
        relativeTolerance,
        timestampTolerance,
        nanEqual,
        maxDiffRows);
  }

  /** A copy where nullable and non-nullable columns (and elements, map values) are alike. */
  public Comparison ignoringNullability() {
    return new Comparison(
        rowOrder,
        columnOrder,
        false,
        absoluteTolerance,
        relativeTolerance,
        timestampTolerance,
        nanEqual,
        maxDiffRows);
  }

  /** A copy where two numbers at most {@code tolerance} apart are equal. */
  public Comparison withAbsoluteTolerance(double tolerance) {
    return new Comparison(
        rowOrder,
        columnOrder,
        nullability,
        tolerance,
        relativeTolerance,
        timestampTolerance,
        nanEqual,
        maxDiffRows);
  }

  /**
   * A copy where two numbers are equal when their difference is at most {@code tolerance} times the
   * larger magnitude (0.01 is one percent). Either tolerance suffices when both are set.
   */
  public Comparison withRelativeTolerance(double tolerance) {
    return new Comparison(
        rowOrder,
        columnOrder,
        nullability,
        absoluteTolerance,
        tolerance,
        timestampTolerance,
        nanEqual,
        maxDiffRows);
  }

  /**
   * A copy where two timestamps (with or without time zone) at most {@code tolerance} apart are
   * equal.
   */
  public Comparison withTimestampTolerance(Duration tolerance) {
    return new Comparison(
        rowOrder,
        columnOrder,
        nullability,
        absoluteTolerance,
        relativeTolerance,
        tolerance,
        nanEqual,
        maxDiffRows);
  }

  /** A copy where NaN equals NaN (as in Spark SQL's {@code =}). */
  public Comparison treatingNaNAsEqual() {
    return new Comparison(
        rowOrder,
        columnOrder,
        nullability,
        absoluteTolerance,
        relativeTolerance,
        timestampTolerance,
        true,
        maxDiffRows);
  }

  /** A copy whose failure messages show up to {@code rows} differing rows. */
  public Comparison showingDiffRows(int rows) {
    return new Comparison(
        rowOrder,
        columnOrder,
        nullability,
        absoluteTolerance,
        relativeTolerance,
        timestampTolerance,
        nanEqual,
        rows);
  }

  /** The options that are not strict, for the first line of a failure message. */
  String describe() {
    List<String> parts = new ArrayList<>();
    parts.add(rowOrder ? "row order matters" : "any row order");
    if (!columnOrder) {
      parts.add("any column order");
    }
    if (!nullability) {
      parts.add("nullability ignored");
    }
    if (absoluteTolerance > 0) {
      parts.add("absolute tolerance " + absoluteTolerance);
    }
    if (relativeTolerance > 0) {
      parts.add("relative tolerance " + relativeTolerance);
    }
    if (!timestampTolerance.isZero()) {
      parts.add("timestamp tolerance " + timestampTolerance);
    }
    if (nanEqual) {
      parts.add("NaN = NaN");
    }
    return String.join(", ", parts);
  }

  private static void requireTolerance(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          name + " was [" + value + "] but must be a finite number >= 0");
    }
  }
}
