package dev.forgeline.mock.engine;

import org.apache.spark.sql.types.DataType;

/** Reads a value an operator computed into an extra row slot (aggregates, windows). */
public record SlotRef(int slot, String sql, DataType type, boolean nullable) implements Expr {
  @Override
  public Object eval(Object[] row) {
    return row[slot];
  }
}
