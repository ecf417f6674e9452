package dev.forgeline.validation.contract;

import java.util.Objects;
import org.apache.spark.sql.types.DataType;

/**
 * What a contract expects of one column.
 *
 * @param name the column's name, taken literally
 * @param type its Spark type
 * @param nullable whether it may hold nulls
 * @since 0.1.0
 */
public record ColumnContract(String name, DataType type, boolean nullable) {

  /** Checks for nulls and a blank name. */
  public ColumnContract {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a contract column name must not be blank");
    }
  }

  /** The type as written in contract files, for example {@code decimal(10,2)}. */
  public String typeName() {
    return type.simpleString();
  }
}
