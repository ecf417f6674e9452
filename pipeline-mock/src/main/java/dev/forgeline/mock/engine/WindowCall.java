package dev.forgeline.mock.engine;

import java.util.List;
import org.apache.spark.sql.types.DataType;

/** A window function bound in a projection, computed into row slot {@code slot}. */
public record WindowCall(Function function, Spec spec, int slot) {
  /** A window function over one sorted partition. */
  public interface Function {
    DataType type();

    boolean nullable();

    /** Values for every row of the partition, in the partition's sorted order. */
    Object[] compute(List<Object[]> sortedPartition, Spec spec);
  }

  /** PARTITION BY, ORDER BY and frame. */
  public record Spec(List<Expr> partitionBy, List<SortKey> orderBy, Frame frame) {}

  /** A frame: ROWS or RANGE, with bounds as offsets from the current row (null means unbounded). */
  public record Frame(boolean rows, Long lower, Long upper) {
    public String sql() {
      return (rows ? "ROWS" : "RANGE")
          + " BETWEEN "
          + bound(lower, true)
          + " AND "
          + bound(upper, false);
    }

    private static String bound(Long b, boolean lowerBound) {
      if (b == null) {
        return lowerBound ? "UNBOUNDED PRECEDING" : "UNBOUNDED FOLLOWING";
      }
      if (b == 0) {
        return "CURRENT ROW";
      }
      return b + " FOLLOWING";
    }
  }
}
