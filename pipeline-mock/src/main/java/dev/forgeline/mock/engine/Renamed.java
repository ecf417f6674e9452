package dev.forgeline.mock.engine;

import java.util.List;
import org.apache.spark.sql.types.DataType;

/**
 * An alias nested inside a larger expression: evaluates its child, prints {@code child AS name}.
 */
public record Renamed(Expr child, String name) implements Expr {
  @Override
  public DataType type() {
    return child.type();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public String sql() {
    return child.sql() + " AS " + name;
  }

  @Override
  public Object eval(Object[] row) {
    return child.eval(row);
  }

  @Override
  public boolean foldable() {
    return child.foldable();
  }

  @Override
  public List<Expr> children() {
    return List.of(child);
  }
}
