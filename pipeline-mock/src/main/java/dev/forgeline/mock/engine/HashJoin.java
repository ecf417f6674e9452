package dev.forgeline.mock.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The row matching shared by every join: one side is indexed by its join key in a hash table, the
 * other side probes it, and each candidate pair is then checked against the rest of the condition.
 * A join without equality keys indexes every row under one key, which is the nested loop a
 * cartesian product needs.
 *
 * <p>Output order is the nested loop's: for each left row its matches in right-side order, then
 * (full join) the unmatched right rows; a right join walks the right side instead. Keys are
 * computed once per row, so no row of either side is re-materialized per pair.
 */
final class HashJoin {
  /** Returned by a {@link Key} for a row that can match nothing (a null key under {@code =}). */
  static final Object NO_KEY = new Object();

  /** Heap per indexed row: key array slot, next link, hash entry and a boxed key. */
  static final long INDEX_BYTES_PER_ROW = 96;

  /** Computes the join key of one row of a side. */
  @FunctionalInterface
  interface Key {
    Object of(Object[] row);
  }

  /** The rest of the condition, for a candidate pair (null: none). */
  @FunctionalInterface
  interface Residual {
    boolean test(Object[] left, Object[] right);
  }

  /** Receives a matched pair, or a row of one side with null for the other. */
  @FunctionalInterface
  interface Sink {
    void accept(Object[] left, Object[] right);
  }

  private HashJoin() {}

  static void run(
      Joins.Type type,
      List<Object[]> left,
      List<Object[]> right,
      Key leftKey,
      Key rightKey,
      Residual residual,
      Sink sink) {
    if (type == Joins.Type.RIGHT) {
      Index index = index(type, left, leftKey, "left");
      for (Object[] r : right) {
        boolean matched = false;
        Object k = rightKey.of(r);
        if (k != NO_KEY) {
          for (int i = index.first(k); i >= 0; i = index.next[i]) {
            Object[] l = left.get(i);
            if (residual == null || residual.test(l, r)) {
              matched = true;
              sink.accept(l, r);
            }
          }
        }
        if (!matched) {
          sink.accept(null, r);
        }
      }
      return;
    }
    probe(type, left::forEach, right, leftKey, rightKey, residual, sink);
  }

  /**
   * Runs a join of any type but RIGHT with the left side streamed: the right side is indexed, each
   * left row probes it as it arrives, so the left side is never held as a list.
   */
  static void probe(
      Joins.Type type,
      Relation.RowSource left,
      List<Object[]> right,
      Key leftKey,
      Key rightKey,
      Residual residual,
      Sink sink) {
    if (type == Joins.Type.RIGHT) {
      throw new IllegalArgumentException("a right join walks its right side");
    }
    Index index = index(type, right, rightKey, "right");
    boolean semi = type == Joins.Type.LEFT_SEMI || type == Joins.Type.LEFT_ANTI;
    boolean[] rightMatched = type == Joins.Type.FULL ? new boolean[right.size()] : null;
    left.forEach(
        l -> {
          boolean matched = false;
          Object k = leftKey.of(l);
          if (k != NO_KEY) {
            for (int j = index.first(k); j >= 0; j = index.next[j]) {
              Object[] r = right.get(j);
              if (residual == null || residual.test(l, r)) {
                matched = true;
                if (semi) {
                  break;
                }
                if (rightMatched != null) {
                  rightMatched[j] = true;
                }
                sink.accept(l, r);
              }
            }
          }
          if (type == Joins.Type.LEFT_SEMI && matched
              || type == Joins.Type.LEFT_ANTI && !matched
              || !matched && (type == Joins.Type.LEFT || type == Joins.Type.FULL)) {
            sink.accept(l, null);
          }
        });
    if (rightMatched != null) {
      for (int j = 0; j < rightMatched.length; j++) {
        if (!rightMatched[j]) {
          sink.accept(null, right.get(j));
        }
      }
    }
  }

  private static Index index(Joins.Type type, List<Object[]> rows, Key key, String side) {
    String operation = type.name().toLowerCase(java.util.Locale.ROOT) + " join (" + side + " side)";
    return HeapGuard.run(operation, rows.size(), INDEX_BYTES_PER_ROW, () -> Index.build(rows, key));
  }

  /** Row positions by key, chained so that each key's rows are visited in input order. */
  private static final class Index {
    private final Map<Object, Integer> heads;
    private final int[] next;

    private Index(Map<Object, Integer> heads, int[] next) {
      this.heads = heads;
      this.next = next;
    }

    static Index build(List<Object[]> rows, Key key) {
      int n = rows.size();
      Object[] keys = new Object[n];
      for (int i = 0; i < n; i++) {
        keys[i] = key.of(rows.get(i));
      }
      Map<Object, Integer> heads = new HashMap<>();
      int[] next = new int[n];
      for (int i = n - 1; i >= 0; i--) {
        if (keys[i] == NO_KEY) {
          continue;
        }
        Integer after = heads.put(keys[i], i);
        next[i] = after == null ? -1 : after;
      }
      return new Index(heads, next);
    }

    int first(Object key) {
      Integer head = heads.get(key);
      return head == null ? -1 : head;
    }
  }
}
