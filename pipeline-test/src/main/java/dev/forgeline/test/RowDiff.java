package dev.forgeline.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs expected and actual rows and renders the pairs that differ, side by side, with the
 * differing cells marked {@code »like this«}.
 *
 * <p>With row order, row {@code i} is compared with row {@code i}. Without it, rows that render the
 * same are paired first (a hash lookup), then every remaining expected row is paired with an equal
 * remaining actual row (quadratic in the rows left, which tolerances make necessary); rows still
 * unpaired are shown next to the unpaired row they resemble most.
 */
final class RowDiff {
  /** An expected row (index or -1) next to an actual row (index or -1). */
  record Pair(int expected, int actual) {}

  private final List<Object[]> expected;
  private final List<Object[]> actual;
  private final Comparison c;

  RowDiff(List<Object[]> expected, List<Object[]> actual, Comparison c) {
    this.expected = expected;
    this.actual = actual;
    this.c = c;
  }

  /** The pairs that differ, in expected order, then unpaired actual rows. */
  List<Pair> differences() {
    return c.rowOrder() ? ordered() : unordered();
  }

  private List<Pair> ordered() {
    List<Pair> out = new ArrayList<>();
    int n = Math.max(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      boolean hasE = i < expected.size();
      boolean hasA = i < actual.size();
      if (!hasE || !hasA || !Values.rowsEqual(expected.get(i), actual.get(i), c)) {
        out.add(new Pair(hasE ? i : -1, hasA ? i : -1));
      }
    }
    return out;
  }

  private List<Pair> unordered() {
    Map<String, List<Integer>> byKey = new HashMap<>();
    for (int j = 0; j < actual.size(); j++) {
      byKey.computeIfAbsent(Values.join(actual.get(j)), k -> new ArrayList<>()).add(j);
    }
    boolean[] used = new boolean[actual.size()];
    List<Integer> unmatched = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      List<Integer> same = byKey.get(Values.join(expected.get(i)));
      Integer hit = null;
      if (same != null) {
        for (int k = 0; k < same.size() && hit == null; k++) {
          int j = same.get(k);
          if (!used[j] && Values.rowsEqual(expected.get(i), actual.get(j), c)) {
            hit = j;
            same.remove(k);
          }
        }
      }
      if (hit != null) {
        used[hit] = true;
      } else {
        unmatched.add(i);
      }
    }
    List<Integer> stillUnmatched = new ArrayList<>();
    for (int i : unmatched) {
      int hit = -1;
      for (int j = 0; j < actual.size() && hit < 0; j++) {
        if (!used[j] && Values.rowsEqual(expected.get(i), actual.get(j), c)) {
          hit = j;
        }
      }
      if (hit >= 0) {
        used[hit] = true;
      } else {
        stillUnmatched.add(i);
      }
    }
    List<Pair> out = new ArrayList<>();
    for (int i : stillUnmatched) {
      int best = -1;
      int bestScore = 0;
      for (int j = 0; j < actual.size(); j++) {
        if (!used[j]) {
          int score = sameCells(expected.get(i), actual.get(j));
          if (score > bestScore) {
            best = j;
            bestScore = score;
          }
        }
      }
      if (best >= 0) {
        used[best] = true;
      }
      out.add(new Pair(i, best));
    }
    for (int j = 0; j < actual.size(); j++) {
      if (!used[j]) {
        out.add(new Pair(-1, j));
      }
    }
    return out;
  }

  private int sameCells(Object[] e, Object[] a) {
    int n = 0;
    for (int k = 0; k < Math.min(e.length, a.length); k++) {
      if (Values.equal(e[k], a[k], c)) {
        n++;
      }
    }
    return n;
  }

  /** The side-by-side table of the first {@code limit} differences. */
  String table(List<Pair> diffs, int limit) {
    TextTable t =
        c.rowOrder()
            ? new TextTable().row("row", "expected", "actual")
            : new TextTable().row("expected row", "actual row");
    for (Pair p : diffs.subList(0, Math.min(limit, diffs.size()))) {
      Object[] e = p.expected() >= 0 ? expected.get(p.expected()) : null;
      Object[] a = p.actual() >= 0 ? actual.get(p.actual()) : null;
      String es = e == null ? "(no row)" : marked(e, a);
      String as = a == null ? "(no row)" : marked(a, e);
      if (c.rowOrder()) {
        t.row(String.valueOf(Math.max(p.expected(), p.actual()) + 1), es, as);
      } else {
        t.row(
            e == null ? "(none)" : "#" + (p.expected() + 1) + " " + es,
            a == null ? "(none)" : "#" + (p.actual() + 1) + " " + as);
      }
    }
    String more =
        diffs.size() > limit
            ? "... and " + (diffs.size() - limit) + " more differing rows not shown\n"
            : "";
    return t.render() + more;
  }

  private String marked(Object[] row, Object[] other) {
    List<String> cells = new ArrayList<>(row.length);
    for (int k = 0; k < row.length; k++) {
      String v = Values.render(row[k]);
      boolean differs = other == null || !Values.equal(row[k], other[k], c);
      cells.add(differs && other != null ? "»" + v + "«" : v);
    }
    return "[" + String.join(", ", cells) + "]";
  }
}
