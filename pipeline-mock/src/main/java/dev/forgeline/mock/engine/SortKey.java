package dev.forgeline.mock.engine;

import java.util.Comparator;
import java.util.List;

/** One sort key: expression, direction and null placement. */
public record SortKey(Expr expr, boolean ascending, boolean nullsFirst) {
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

  /** A row comparator over several keys. */
  public static Comparator<Object[]> comparator(List<SortKey> keys) {
    return (x, y) -> {
      for (SortKey k : keys) {
        Object a = k.expr().eval(x);
        Object b = k.expr().eval(y);
        int c;
        if (a == null || b == null) {
          if (a == null && b == null) {
            continue;
          }
          c = a == null ? (k.nullsFirst() ? -1 : 1) : (k.nullsFirst() ? 1 : -1);
          return c;
        }
        c = Values.compare(a, b);
        if (c != 0) {
          return k.ascending() ? c : -c;
        }
      }
      return 0;
    };
  }
}
