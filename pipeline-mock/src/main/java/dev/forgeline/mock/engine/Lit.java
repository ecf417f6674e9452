package dev.forgeline.mock.engine;

import org.apache.spark.sql.types.DataType;

/** A constant internal value of a known type. */
public record Lit(Object value, DataType type, String sql) implements Expr {
  /** A literal named the way Spark prints it (strings unquoted, as in generated column names). */
  public static Lit of(Object value, DataType type) {
    return new Lit(value, type, value == null ? "NULL" : Values.toDisplayString(value, type, null));
  }

  @Override
  public boolean nullable() {
    return value == null;
  }

  @Override
  public Object eval(Object[] row) {
    return value;
  }

  @Override
  public boolean foldable() {
    return true;
  }
}
