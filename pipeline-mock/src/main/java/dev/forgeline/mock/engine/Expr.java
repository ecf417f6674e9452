package dev.forgeline.mock.engine;

import java.util.List;
import org.apache.spark.sql.types.DataType;

/**
 * A bound, type-checked expression: the output of {@link Binder} and the unit the evaluator runs.
 * Instances are immutable and safe to evaluate from many threads at once.
 */
public interface Expr {
  /** The result type (Spark's). */
  DataType type();

  /** Whether the result may be null. */
  boolean nullable();

  /** Spark's pretty SQL text, used as the generated column name, e.g. {@code (a + 1)}. */
  String sql();

  /** Evaluates against one row of internal values. */
  Object eval(Object[] row);

  /** True when the value does not depend on the row (a literal or a function of literals). */
  default boolean foldable() {
    return false;
  }

  /** The direct children, for analysis checks. */
  default List<Expr> children() {
    return List.of();
  }
}
