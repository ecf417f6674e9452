package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** One sort key: expression, direction and null placement. */
public record SortKey(Expr expr, boolean ascending, boolean nullsFirst) {
  /** Heap per sorted row: the decorated array (header, keys, row reference) and list slots. */
  static final long SORT_BYTES_PER_ROW = 64;

  /** Spark's default null placement: first for ascending, last for descending. */
  public static SortKey of(Expr expr, boolean ascending) {
    return new SortKey(expr, ascending, ascending);
  }

  /** The SQL Spark prints, e.g. {@code a DESC NULLS LAST}. */
  public String sql() {
    return expr.sql()
        + (ascending ? " ASC" : " DESC")
        + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }

  /** A row comparator over several keys (evaluates the keys on every comparison). */
  public static Comparator<Object[]> comparator(List<SortKey> keys) {
    return (x, y) -> {
      for (SortKey k : keys) {
        int c = k.compare(k.expr().eval(x), k.expr().eval(y));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  /** Compares two values of this key in its direction and null placement. */
  int compare(Object a, Object b) {
    if (a == null || b == null) {
      if (a == null && b == null) {
        return 0;
      }
      return a == null ? (nullsFirst ? -1 : 1) : (nullsFirst ? 1 : -1);
    }
    int c = Values.compare(a, b);
    return ascending ? c : -c;
  }

  /**
   * Sorts rows stably by the keys, evaluating each key once per row (rows shorter than {@code
   * width} are evaluated on a copy wide enough for the binder's extra slots). The input is not
   * changed.
   */
  public static List<Object[]> sorted(List<Object[]> rows, List<SortKey> keys, int width) {
    int n = rows.size();
    int k = keys.size();
    Object[][] decorated = new Object[n][];
    Object[] scratch = new Object[width];
    for (int i = 0; i < n; i++) {
      Object[] row = rows.get(i);
      Object[] at = row;
      if (row.length < width) {
        System.arraycopy(row, 0, scratch, 0, row.length);
        Arrays.fill(scratch, row.length, width, null);
        at = scratch;
      }
      Object[] d = new Object[k + 1];
      for (int j = 0; j < k; j++) {
        d[j] = keys.get(j).expr().eval(at);
      }
      d[k] = row;
      decorated[i] = d;
    }
    SortKey[] ks = keys.toArray(new SortKey[0]);
    Arrays.sort(
        decorated,
        (x, y) -> {
          for (int j = 0; j < ks.length; j++) {
            int c = ks[j].compare(x[j], y[j]);
            if (c != 0) {
              return c;
            }
          }
          return 0;
        });
    List<Object[]> out = new ArrayList<>(n);
    for (Object[] d : decorated) {
      out.add((Object[]) d[k]);
    }
    return out;
  }
}
