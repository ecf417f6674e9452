package dev.forgeline.mock.engine;

import org.apache.spark.sql.types.DataType;

/** A lambda variable of a higher-order function, read from its slot. */
public record LambdaVar(int slot, String name, DataType type, boolean nullable) implements Expr {
  @Override
  public String sql() {
    return "namedlambdavariable()";
  }

  @Override
  public Object eval(Object[] row) {
    return row[slot];
  }
}
