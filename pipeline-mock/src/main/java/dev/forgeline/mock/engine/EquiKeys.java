package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A join condition split for a hash join: the AND-ed equalities ({@code =} or {@code <=>}) whose
 * one operand reads only the left side and the other only the right side become the key; every
 * other term is the residual, checked per candidate pair. Operands are recognized only when built
 * from column references, literals, casts and calls, whose inputs are all visible as children.
 */
final class EquiKeys {
  private static final int NONE = 0;
  private static final int LEFT = 1;
  private static final int RIGHT = 2;
  private static final int MIXED = 3;

  private final List<Expr> leftOperands;
  private final List<Expr> rightOperands;
  private final boolean[] nullSafe;
  private final List<Expr> residual;

  private EquiKeys(
      List<Expr> leftOperands, List<Expr> rightOperands, boolean[] nullSafe, List<Expr> residual) {
    this.leftOperands = leftOperands;
    this.rightOperands = rightOperands;
    this.nullSafe = nullSafe;
    this.residual = residual;
  }

  /**
   * Splits {@code condition} (null: none) of a join of {@code nl} left and {@code nr} right
   * columns.
   */
  static EquiKeys split(Expr condition, int nl, int nr) {
    List<Expr> terms = new ArrayList<>();
    if (condition != null) {
      flatten(condition, terms);
    }
    List<Expr> lefts = new ArrayList<>();
    List<Expr> rights = new ArrayList<>();
    List<Boolean> safe = new ArrayList<>();
    List<Expr> rest = new ArrayList<>();
    for (Expr t : terms) {
      if (t instanceof OpExpr op && op.op().equality() && op.children().size() == 2) {
        Expr a = op.children().get(0);
        Expr b = op.children().get(1);
        int sa = side(a, nl, nr);
        int sb = side(b, nl, nr);
        if (sa == LEFT && sb == RIGHT || sa == RIGHT && sb == LEFT) {
          lefts.add(sa == LEFT ? a : b);
          rights.add(sa == LEFT ? b : a);
          safe.add(op.op() == OpExpr.Op.NULL_SAFE_EQUAL);
          continue;
        }
      }
      rest.add(t);
    }
    boolean[] ns = new boolean[safe.size()];
    for (int i = 0; i < ns.length; i++) {
      ns[i] = safe.get(i);
    }
    return new EquiKeys(List.copyOf(lefts), List.copyOf(rights), ns, List.copyOf(rest));
  }

  /** Adds the AND-ed terms of {@code e} to {@code out}, in order. */
  static void flatten(Expr e, List<Expr> out) {
    if (e instanceof OpExpr op && op.op() == OpExpr.Op.AND) {
      for (Expr c : op.children()) {
        flatten(c, out);
      }
    } else {
      out.add(e);
    }
  }

  /** Which side's columns an operand reads: NONE (constant), LEFT, RIGHT or MIXED. */
  private static int side(Expr e, int nl, int nr) {
    if (e instanceof ColumnRef ref) {
      if (ref.index() < nl) {
        return LEFT;
      }
      return ref.index() < nl + nr ? RIGHT : MIXED;
    }
    if (!(e instanceof Lit || e instanceof CastExpr || e instanceof Call || e instanceof OpExpr)) {
      return MIXED;
    }
    int s = NONE;
    for (Expr c : e.children()) {
      int cs = side(c, nl, nr);
      if (cs == MIXED || s != NONE && cs != NONE && cs != s) {
        return MIXED;
      }
      if (cs != NONE) {
        s = cs;
      }
    }
    return s;
  }

  /** The key of a left row (left columns at their own positions). */
  Object leftKey(Object[] row) {
    return key(leftOperands, row);
  }

  /** The key of a right row placed after the left columns in {@code row}. */
  Object rightKey(Object[] row) {
    return key(rightOperands, row);
  }

  private Object key(List<Expr> operands, Object[] row) {
    int n = operands.size();
    if (n == 0) {
      return Boolean.TRUE;
    }
    if (n == 1) {
      Object v = operands.get(0).eval(row);
      return v == null && !nullSafe[0] ? HashJoin.NO_KEY : Values.key(v);
    }
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      Object v = operands.get(i).eval(row);
      if (v == null && !nullSafe[i]) {
        return HashJoin.NO_KEY;
      }
      values[i] = v;
    }
    return Values.key(values);
  }

  /** The residual check over a pair, or null when the keys are the whole condition. */
  HashJoin.Residual residual(int width, int nl, int nr) {
    if (residual.isEmpty()) {
      return null;
    }
    return (l, r) -> {
      Object[] row = new Object[width];
      System.arraycopy(l, 0, row, 0, nl);
      System.arraycopy(r, 0, row, nl, nr);
      for (Expr t : residual) {
        if (!Boolean.TRUE.equals(t.eval(row))) {
          return false;
        }
      }
      return true;
    };
  }
}
