package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.SortKey;
import dev.forgeline.mock.engine.WindowCall;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Ranking and offset window functions: row_number, rank, dense_rank, ntile, lag, lead ... */
final class WindowFunctions {
  private WindowFunctions() {}

  /** A window function computed from the sorted partition alone. */
  private record Ranking(
      DataType type,
      boolean nullable,
      Computation body,
      WindowCall.Reach reach,
      WindowCall.Rank rank)
      implements WindowCall.Function {
    /** A function whose value may depend on the whole partition. */
    Ranking(DataType type, boolean nullable, Computation body) {
      this(type, nullable, body, WindowCall.Reach.PARTITION, null);
    }

    /** A ranking function a filter may turn into a per-partition limit. */
    static Ranking ranking(WindowCall.Rank rank, Computation body) {
      return new Ranking(DataTypes.IntegerType, false, body, WindowCall.Reach.PRECEDING, rank);
    }

    @Override
    public Object[] compute(List<Object[]> rows, WindowCall.Spec spec) {
      return body.compute(rows, SortKey.comparator(spec.orderBy()));
    }

    @Override
    public WindowCall.Reach reach(WindowCall.Spec spec) {
      return reach;
    }
  }

  @FunctionalInterface
  private interface Computation {
    Object[] compute(List<Object[]> rows, Comparator<Object[]> order);
  }

  static void register(FunctionRegistry.Registrar r) {
    r.window(
        "row_number",
        c ->
            Ranking.ranking(
                WindowCall.Rank.ROW_NUMBER,
                (rows, order) -> {
                  Object[] out = new Object[rows.size()];
                  for (int i = 0; i < out.length; i++) {
                    out[i] = i + 1;
                  }
                  return out;
                }));
    r.window(
        "rank",
        c -> Ranking.ranking(WindowCall.Rank.RANK, (rows, order) -> rank(rows, order, false)));
    r.window(
        "dense_rank",
        c -> Ranking.ranking(WindowCall.Rank.DENSE_RANK, (rows, order) -> rank(rows, order, true)));
    r.window(
        "percent_rank",
        c ->
            new Ranking(
                DataTypes.DoubleType,
                false,
                (rows, order) -> {
                  Object[] ranks = rank(rows, order, false);
                  Object[] out = new Object[ranks.length];
                  for (int i = 0; i < out.length; i++) {
                    out[i] =
                        ranks.length <= 1
                            ? 0.0
                            : ((Integer) ranks[i] - 1) / (double) (ranks.length - 1);
                  }
                  return out;
                }));
    r.window(
        "cume_dist",
        c ->
            new Ranking(
                DataTypes.DoubleType,
                false,
                (rows, order) -> {
                  int n = rows.size();
                  Object[] out = new Object[n];
                  int i = 0;
                  while (i < n) {
                    int j = i;
                    while (j + 1 < n && order.compare(rows.get(j + 1), rows.get(i)) == 0) {
                      j++;
                    }
                    for (int k = i; k <= j; k++) {
                      out[k] = (j + 1) / (double) n;
                    }
                    i = j + 1;
                  }
                  return out;
                }));
    r.window(
        "ntile",
        c -> {
          c.arity(1, 1);
          int buckets = ((Number) c.constant(0, "buckets", "\"INT\"")).intValue();
          return new Ranking(
              DataTypes.IntegerType,
              false,
              (rows, order) -> {
                int n = rows.size();
                Object[] out = new Object[n];
                int base = n / buckets;
                int extra = n % buckets;
                int idx = 0;
                for (int b = 1; b <= buckets && idx < n; b++) {
                  int size = base + (b <= extra ? 1 : 0);
                  for (int k = 0; k < size && idx < n; k++) {
                    out[idx++] = b;
                  }
                }
                return out;
              });
        });
    r.window("lag", c -> offset(c, -1));
    r.window("lead", c -> offset(c, 1));
  }

  private static Object[] rank(List<Object[]> rows, Comparator<Object[]> order, boolean dense) {
    Object[] out = new Object[rows.size()];
    int rank = 0;
    int dr = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || order.compare(rows.get(i - 1), rows.get(i)) != 0) {
        rank = i + 1;
        dr++;
      }
      out[i] = dense ? dr : rank;
    }
    return out;
  }

  private static WindowCall.Function offset(FnCall c, int direction) {
    c.arity(1, 4);
    Expr value = c.arg(0);
    int offset = c.arity() >= 2 ? ((Number) c.constant(1, "offset", "\"INT\"")).intValue() : 1;
    Expr dflt = c.arity() >= 3 ? c.arg(2) : null;
    boolean ignoreNulls =
        c.arity() >= 4 && Boolean.TRUE.equals(c.constant(3, "ignoreNulls", "\"BOOLEAN\""));
    List<Expr> typed =
        dflt == null
            ? List.of(value)
            : List.of(
                value,
                dev.forgeline.mock.engine.CastExpr.implicit(
                    dflt, value.type(), c.conf().ansi(), c.conf().zone()));
    Expr v = typed.get(0);
    Expr d = dflt == null ? null : typed.get(1);
    // lag reads only rows before the current one (lead, or lag with a negative offset, after it).
    boolean backward = ignoreNulls ? direction < 0 : direction * offset <= 0;
    return new Ranking(
        v.type(),
        true,
        (rows, order) -> {
          int n = rows.size();
          Object[] out = new Object[n];
          for (int i = 0; i < n; i++) {
            int target = -1;
            if (ignoreNulls) {
              int seen = 0;
              for (int j = i + direction; j >= 0 && j < n; j += direction) {
                if (v.eval(rows.get(j)) != null && ++seen == offset) {
                  target = j;
                  break;
                }
              }
            } else {
              target = i + direction * offset;
            }
            if (target >= 0 && target < n) {
              out[i] = v.eval(rows.get(target));
            } else {
              out[i] = d == null ? null : d.eval(rows.get(i));
            }
          }
          return out;
        },
        backward ? WindowCall.Reach.PRECEDING : WindowCall.Reach.PARTITION,
        null);
  }
}
