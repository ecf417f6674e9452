package dev.forgeline.validation;

import static org.apache.spark.sql.functions.col;

import java.util.Objects;
import org.apache.spark.sql.Column;

/**
 * A named condition that every valid row satisfies. A row fails a rule when the condition is false
 * or null, except where a rule says otherwise (range and set rules let nulls pass: combine them
 * with {@link #notNull} to forbid nulls).
 *
 * @param name unique within one check; shown in summaries
 * @param valid the condition of a valid row
 * @since 0.1.0
 */
public record Rule(String name, Column valid) {

  /** Checks for nulls and a blank name. */
  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(valid, "valid");
    if (name.isBlank()) {
      throw new IllegalArgumentException("rule name was [" + name + "] but must not be blank");
    }
  }

  /** {@code column} is not null. */
  public static Rule notNull(String column) {
    return new Rule(column + " is not null", col(column).isNotNull());
  }

  /** {@code column} lies in {@code [low, high]}; nulls pass. */
  public static Rule between(String column, Object low, Object high) {
    return new Rule(
        column + " between " + low + " and " + high,
        col(column).isNull().or(col(column).between(low, high)));
  }

  /** {@code column} is one of {@code values}; nulls pass. */
  public static Rule in(String column, Object... values) {
    return new Rule(
        column + " in " + java.util.Arrays.toString(values),
        col(column).isNull().or(col(column).isin(values)));
  }

  /** {@code column} matches the Java regular expression {@code regex} somewhere; nulls pass. */
  public static Rule matches(String column, String regex) {
    return new Rule(
        column + " matches /" + regex + "/", col(column).isNull().or(col(column).rlike(regex)));
  }

  /** Any condition, e.g. {@code col("end").geq(col("start"))}. */
  public static Rule of(String name, Column valid) {
    return new Rule(name, valid);
  }
}
