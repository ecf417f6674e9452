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

    /**
     * Which rows of its sorted partition this function's value for one row depends on; an operator
     * that drops the tail of a partition (a rank filter's group limit) may do so only when every
     * function's reach stays within the rows it keeps.
     */
    default Reach reach(Spec spec) {
      return Reach.PARTITION;
    }

    /** The ranking this function computes when a filter may limit by it, else null. */
    default Rank rank() {
      return null;
    }
  }

  /** Which rows of its sorted partition a window function's value for one row depends on. */
  public enum Reach {
    /** Any row of the partition (its size, or rows after it). */
    PARTITION,
    /** The row itself and rows before it in the partition's order. */
    PRECEDING,
    /** The row itself, rows before it and its peers (rows equal to it in the order). */
    PEERS
  }

  /** The ranking functions a filter such as {@code rn <= 3} turns into a per-partition limit. */
  public enum Rank {
    /** {@code row_number()}: positions, ties broken by input order. */
    ROW_NUMBER,
    /** {@code rank()}: ties share a rank, with gaps after them. */
    RANK,
    /** {@code dense_rank()}: ties share a rank, without gaps. */
    DENSE_RANK
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
