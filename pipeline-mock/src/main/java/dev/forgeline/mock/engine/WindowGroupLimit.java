package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rank filter over a window as a per-partition limit, the mock's counterpart of Spark's
 * InferWindowGroupLimit / WindowGroupLimitExec: for {@code rn <= n} (or {@code rn < n}, {@code rn =
 * n}, {@code n >= rn}, {@code n > rn}) AND-ed into a filter over a projection whose {@code rn} is
 * {@code row_number()}, {@code rank()} or {@code dense_rank()}, each partition keeps only the rows
 * whose rank can still pass, in a bounded structure per partition key, instead of every input row
 * being held and every partition sorted whole. The window functions of the projection are then
 * computed over the rows kept and the filter still runs over them, so the limit only drops rows the
 * filter would drop.
 *
 * <p>That holds only when the values of the rows kept do not depend on the rows dropped: every
 * window of the projection must share the ranking's partitioning and order and reach no further
 * than the current row (row_number, rank, dense_rank, lag, running frames); a RANGE frame, which
 * reaches the current row's peers, only under rank or dense_rank, which keep whole tie groups.
 * Otherwise, or beyond {@link #MAX_LIMIT}, no limit is planned and the window runs whole.
 *
 * <p>Which rows are kept: the same as the whole computation would rank within the limit. Ties in
 * the order are broken by input position (the whole computation sorts stably), so row_number keeps
 * the earliest of tied rows; rank keeps every row with fewer than {@code n} rows strictly before
 * it; dense_rank every row among the first {@code n} distinct order values. The rows kept come out
 * in input order, as the whole computation's do.
 */
final class WindowGroupLimit {
  /** The largest limit planned (Spark's {@code spark.sql.optimizer.windowGroupLimitThreshold}). */
  static final int MAX_LIMIT = 1000;

  /** A planned limit: keep the rows of {@code call} ranked at most {@code limit}. */
  record Plan(WindowCall call, int limit) {}

  private WindowGroupLimit() {}

  /**
   * The limit that {@code condition}, a filter over a projection of {@code named} expressions with
   * {@code windows}, implies, or null when it implies none that is safe.
   */
  static Plan find(Expr condition, List<Binder.Named> named, List<WindowCall> windows) {
    List<Expr> terms = new ArrayList<>();
    EquiKeys.flatten(condition, terms);
    Plan best = null;
    for (Expr t : terms) {
      Plan p = limitOf(t, named, windows);
      if (p != null && (best == null || better(p, best))) {
        best = p;
      }
    }
    if (best == null || best.limit() > MAX_LIMIT || !safe(best.call(), windows)) {
      return null;
    }
    return best;
  }

  /** A smaller limit keeps fewer rows; at the same limit row_number keeps fewest. */
  private static boolean better(Plan p, Plan q) {
    if (p.limit() != q.limit()) {
      return p.limit() < q.limit();
    }
    return p.call().function().rank() == WindowCall.Rank.ROW_NUMBER
        && q.call().function().rank() != WindowCall.Rank.ROW_NUMBER;
  }

  /** The limit of one term such as {@code rn <= 3} or {@code 3 > rn}, or null. */
  private static Plan limitOf(Expr term, List<Binder.Named> named, List<WindowCall> windows) {
    if (!(term instanceof OpExpr op) || op.children().size() != 2) {
      return null;
    }
    Expr a = op.children().get(0);
    Expr b = op.children().get(1);
    boolean rankLeft = a instanceof ColumnRef;
    ColumnRef ref = rankLeft ? (ColumnRef) a : b instanceof ColumnRef r ? r : null;
    Expr other = rankLeft ? b : a;
    if (ref == null || !(other instanceof Lit lit) || !(lit.value() instanceof Integer n)) {
      return null;
    }
    long value = n;
    Long limit =
        switch (op.op()) {
          case EQUAL, NULL_SAFE_EQUAL -> value;
          case LESS_OR_EQUAL -> rankLeft ? value : null;
          case LESS_THAN -> rankLeft ? value - 1 : null;
          case GREATER_OR_EQUAL -> rankLeft ? null : value;
          case GREATER_THAN -> rankLeft ? null : value - 1;
          case AND -> null;
        };
    if (limit == null || ref.index() >= named.size()) {
      return null;
    }
    if (!(named.get(ref.index()).expr() instanceof SlotRef slot)) {
      return null;
    }
    for (WindowCall w : windows) {
      if (w.slot() == slot.slot() && w.function().rank() != null) {
        return new Plan(w, (int) Math.max(0, limit));
      }
    }
    return null;
  }

  /** Whether every window's values on the rows kept are those it has over whole partitions. */
  private static boolean safe(WindowCall ranking, List<WindowCall> windows) {
    WindowCall.Spec spec = ranking.spec();
    boolean wholeTies = ranking.function().rank() != WindowCall.Rank.ROW_NUMBER;
    for (WindowCall w : windows) {
      if (!w.spec().partitionBy().equals(spec.partitionBy())
          || !w.spec().orderBy().equals(spec.orderBy())) {
        return false;
      }
      WindowCall.Reach reach = w.function().reach(w.spec());
      if (reach == WindowCall.Reach.PARTITION || reach == WindowCall.Reach.PEERS && !wholeTies) {
        return false;
      }
    }
    return true;
  }

  /**
   * Keeps, of the rows pushed to it, those a plan's ranking places within its limit, per partition
   * key. Not thread-safe: one keeper serves one evaluation.
   */
  static final class Keeper {
    private final List<Expr> partitionBy;
    private final List<SortKey> orderBy;
    private final Comparator<Object>[] order;
    private final WindowCall.Rank rank;
    private final int limit;
    private final Map<Object, Group> groups = new HashMap<>();
    private final Comparator<Object[]> keyOrder;
    private final boolean plainColumns;
    private long seq;
    private int kept;

    Keeper(Plan plan) {
      this.partitionBy = plan.call().spec().partitionBy();
      this.orderBy = plan.call().spec().orderBy();
      this.order = SortKey.comparators(orderBy);
      this.rank = plan.call().function().rank();
      this.limit = plan.limit();
      this.plainColumns =
          partitionBy.stream().allMatch(e -> e instanceof ColumnRef)
              && orderBy.stream().allMatch(k -> k.expr() instanceof ColumnRef);
      this.keyOrder =
          (x, y) -> {
            for (int j = 0; j < order.length; j++) {
              int c = order[j].compare(x[j], y[j]);
              if (c != 0) {
                return c;
              }
            }
            return 0;
          };
    }

    /**
     * Whether the keys read only the input's own columns, so a row may be offered as it is rather
     * than widened to the binder's slots first.
     */
    boolean plainColumns() {
      return plainColumns;
    }

    /**
     * Offers one row; {@code row} is evaluated as given (wide enough for the binder's slots unless
     * {@link #plainColumns}) and copied to {@code width} only when kept.
     */
    void offer(Object[] row, int width) {
      long at = seq++;
      if (limit == 0) {
        return;
      }
      Object[] key = new Object[orderBy.size()];
      for (int j = 0; j < key.length; j++) {
        key[j] = orderBy.get(j).expr().eval(row);
      }
      Group g = groups.computeIfAbsent(Windows.partitionKey(partitionBy, row), k -> new Group());
      if (g.full()) {
        int c = keyOrder.compare(key, g.ties.lastKey());
        if (c > 0 || c == 0 && rank == WindowCall.Rank.ROW_NUMBER) {
          return;
        }
      }
      g.add(key, new Kept(at, java.util.Arrays.copyOf(row, Math.max(width, row.length))));
    }

    /** The rows kept, in input order. */
    List<Object[]> kept() {
      Kept[] all = new Kept[kept];
      int i = 0;
      for (Group g : groups.values()) {
        for (List<Kept> ties : g.ties.values()) {
          for (Kept k : ties) {
            all[i++] = k;
          }
        }
      }
      java.util.Arrays.sort(all, 0, i, Comparator.comparingLong(Kept::seq));
      List<Object[]> out = new ArrayList<>(i);
      for (int j = 0; j < i; j++) {
        out.add(all[j].row());
      }
      return out;
    }

    private record Kept(long seq, Object[] row) {}

    /** One partition's candidates: tie groups in order, each in input order. */
    private final class Group {
      private final TreeMap<Object[], List<Kept>> ties = new TreeMap<>(keyOrder);
      private int size;

      /** Whether a row after every kept one would rank beyond the limit. */
      boolean full() {
        return rank == WindowCall.Rank.DENSE_RANK ? ties.size() >= limit : size >= limit;
      }

      void add(Object[] key, Kept row) {
        ties.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
        size++;
        kept++;
        switch (rank) {
          case ROW_NUMBER -> {
            if (size > limit) {
              List<Kept> last = ties.lastEntry().getValue();
              last.remove(last.size() - 1);
              if (last.isEmpty()) {
                ties.pollLastEntry();
              }
              drop(1);
            }
          }
          case RANK -> {
            while (size - ties.lastEntry().getValue().size() >= limit) {
              drop(ties.pollLastEntry().getValue().size());
            }
          }
          case DENSE_RANK -> {
            while (ties.size() > limit) {
              drop(ties.pollLastEntry().getValue().size());
            }
          }
        }
      }

      private void drop(int n) {
        size -= n;
        kept -= n;
      }
    }
  }
}
