package dev.forgeline.mock.engine;

import java.util.List;
import org.apache.spark.sql.types.DataType;

/**
 * A bound call whose operator the planner must recognize: equality, null-safe equality, AND or an
 * ordering comparison. Joins split a condition into its AND-ed terms and hash on the equalities
 * between the two sides; a filter over a window finds {@code rank <= n} among them (a per-partition
 * limit, see {@code WindowGroupLimit}); every other use evaluates it exactly as the wrapped call.
 *
 * @param op the operator
 * @param call the bound call (its children are the operands, after coercion)
 */
public record OpExpr(Op op, Expr call) implements Expr {
  /** The recognized operators. */
  public enum Op {
    /** {@code =}: null on either side yields null. */
    EQUAL,
    /** {@code <=>}: null equals null. */
    NULL_SAFE_EQUAL,
    /** {@code AND}. */
    AND,
    /** {@code <}. */
    LESS_THAN,
    /** {@code <=}. */
    LESS_OR_EQUAL,
    /** {@code >}. */
    GREATER_THAN,
    /** {@code >=}. */
    GREATER_OR_EQUAL;

    /** Whether this operator is an equality that a join may hash on. */
    public boolean equality() {
      return this == EQUAL || this == NULL_SAFE_EQUAL;
    }
  }

  @Override
  public DataType type() {
    return call.type();
  }

  @Override
  public boolean nullable() {
    return call.nullable();
  }

  @Override
  public String sql() {
    return call.sql();
  }

  @Override
  public Object eval(Object[] row) {
    return call.eval(row);
  }

  @Override
  public boolean foldable() {
    return call.foldable();
  }

  @Override
  public List<Expr> children() {
    return call.children();
  }
}
