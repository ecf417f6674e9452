package dev.forgeline.mock.engine;

import org.apache.spark.sql.types.DataType;

/** A reference to slot {@code index} of the input row, bound to the attribute {@code field}. */
public record ColumnRef(int index, Field field) implements Expr {
  @Override
  public DataType type() {
    return field.type();
  }

  @Override
  public boolean nullable() {
    return field.nullable();
  }

  @Override
  public String sql() {
    return field.name();
  }

  @Override
  public Object eval(Object[] row) {
    return row[index];
  }

  // Written out rather than generated, for the reason given in Field.

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnRef r && index == r.index && field.equals(r.field);
  }

  @Override
  public int hashCode() {
    return 31 * index + field.hashCode();
  }
}
