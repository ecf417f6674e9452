package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;

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

  /**
   * A comparator of this key's values in its direction and null placement, specialised for the
   * common primitive types (the same order as {@link #compare}, without its type dispatch).
   */
  Comparator<Object> valueComparator() {
    DataType t = expr.type();
    Comparator<Object> nonNull;
    if (t instanceof LongType) {
      nonNull =
          (a, b) ->
              a instanceof Long x && b instanceof Long y
                  ? Long.compare(x, y)
                  : Values.compare(a, b);
    } else if (t instanceof IntegerType) {
      nonNull =
          (a, b) ->
              a instanceof Integer x && b instanceof Integer y
                  ? Integer.compare(x, y)
                  : Values.compare(a, b);
    } else if (t instanceof DoubleType) {
      nonNull =
          (a, b) -> {
            if (a instanceof Double x && b instanceof Double y) {
              double p = x;
              double q = y;
              return p == q ? 0 : Double.compare(p, q);
            }
            return Values.compare(a, b);
          };
    } else {
      return this::compare;
    }
    boolean asc = ascending;
    int nullA = nullsFirst ? -1 : 1;
    return (a, b) -> {
      if (a == null || b == null) {
        return a == b ? 0 : a == null ? nullA : -nullA;
      }
      int c = nonNull.compare(a, b);
      return asc ? c : -c;
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
    int[] columns = columnsOf(keys);
    if (columns != null) {
      return sortedByColumns(rows, keys, columns);
    }
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
    Comparator<Object>[] ks = comparators(keys);
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

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Comparator<Object>[] comparators(List<SortKey> keys) {
    Comparator<Object>[] out = new Comparator[keys.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = keys.get(j).valueComparator();
    }
    return out;
  }

  /** The input positions the keys read when every key is a plain column reference, else null. */
  private static int[] columnsOf(List<SortKey> keys) {
    int[] at = new int[keys.size()];
    for (int j = 0; j < at.length; j++) {
      if (!(keys.get(j).expr() instanceof ColumnRef ref)) {
        return null;
      }
      at[j] = ref.index();
    }
    return at;
  }

  /**
   * Sorts rows whose keys are their own columns in place of a decorated copy: reading {@code
   * row[i]} is as cheap as reading a precomputed key, and no array per row is allocated.
   */
  private static List<Object[]> sortedByColumns(
      List<Object[]> rows, List<SortKey> keys, int[] columns) {
    Object[][] all = rows.toArray(new Object[0][]);
    Comparator<Object>[] ks = comparators(keys);
    Comparator<Object[]> cmp;
    if (ks.length == 1) {
      Comparator<Object> k = ks[0];
      int c = columns[0];
      cmp = (x, y) -> k.compare(x[c], y[c]);
    } else {
      cmp =
          (x, y) -> {
            for (int j = 0; j < ks.length; j++) {
              int c = ks[j].compare(x[columns[j]], y[columns[j]]);
              if (c != 0) {
                return c;
              }
            }
            return 0;
          };
    }
    Arrays.sort(all, cmp);
    return new ArrayList<>(Arrays.asList(all));
  }
}
