package dev.forgeline.mock.engine;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;

/** Reads field {@code ordinal} of a struct value (Spark's GetStructField). */
public record ExtractField(Expr child, int ordinal, StructField field) implements Expr {
  @Override
  public DataType type() {
    return field.dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable() || field.nullable();
  }

  @Override
  public String sql() {
    return child.sql() + "." + field.name();
  }

  @Override
  public Object eval(Object[] row) {
    Object s = child.eval(row);
    return s == null ? null : ((Object[]) s)[ordinal];
  }

  @Override
  public List<Expr> children() {
    return List.of(child);
  }
}
