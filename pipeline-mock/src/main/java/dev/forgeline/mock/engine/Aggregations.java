package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.internal.ColumnNode;

/**
 * GROUP BY, ROLLUP, CUBE, grouping sets and global aggregates. Each group keeps one representative
 * input row (for grouping columns) plus one accumulator per aggregate call; the output expressions
 * are then evaluated on the representative row with the aggregate slots filled.
 */
public final class Aggregations {
  private Aggregations() {}

  /** A global aggregate (select with aggregate functions and no grouping): exactly one row. */
  public static Relation global(Relation in, Binder b, List<Binder.Named> named) {
    for (Binder.Named n : named) {
      checkGrouped(n.expr(), List.of(), true);
    }
    return grouped(in, b, List.of(), named, List.of(List.of()));
  }

  /**
   * groupBy(...).agg(...): output is the grouping columns then the aggregate columns.
   *
   * @param groupingSets lists of grouping-column positions; one set of all positions for groupBy
   */
  public static Relation aggregate(
      Relation in,
      List<ColumnNode> grouping,
      List<ColumnNode> aggregates,
      List<List<Integer>> groupingSets,
      SessionConf conf,
      UdfLookup udfs) {
    Binder b = Binder.aggregation(in.scope(conf.caseSensitive()), conf, udfs);
    List<Binder.Named> groups = new ArrayList<>();
    for (ColumnNode g : grouping) {
      groups.addAll(b.bindNamed(g));
    }
    if (!b.aggregates().isEmpty()) {
      throw Errors.analysis(
          "GROUP_BY_AGGREGATE", "sqlExpr", Errors.sqlExpr(b.aggregates().get(0).aggregate().sql()));
    }
    b.groupingExpressions(groups.stream().map(Binder.Named::expr).toList());
    List<Binder.Named> outs = new ArrayList<>();
    for (ColumnNode a : aggregates) {
      outs.addAll(b.bindNamed(a));
    }
    List<Expr> groupExprs = groups.stream().map(Binder.Named::expr).toList();
    for (Binder.Named n : outs) {
      checkGrouped(n.expr(), groupExprs, false);
    }
    List<List<Integer>> sets =
        groupingSets == null ? List.of(allPositions(groups.size())) : groupingSets;
    return grouped(in, b, groups, outs, sets);
  }

  private static List<Integer> allPositions(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  private static void checkGrouped(Expr e, List<Expr> groups, boolean global) {
    if (e instanceof SlotRef) {
      return;
    }
    for (Expr g : groups) {
      if (g.equals(e) || g.sql().equals(e.sql()) && !(e instanceof Lit)) {
        return;
      }
    }
    if (e instanceof ColumnRef ref) {
      if (global) {
        throw Errors.analysis("MISSING_GROUP_BY");
      }
      throw Errors.missingAggregation(ref.sql());
    }
    for (Expr c : e.children()) {
      checkGrouped(c, groups, global);
    }
  }

  private static Relation grouped(
      Relation in,
      Binder b,
      List<Binder.Named> groups,
      List<Binder.Named> outs,
      List<List<Integer>> sets) {
    List<Binder.Named> all = new ArrayList<>(groups);
    all.addAll(outs);
    List<Field> fields = new ArrayList<>(Projections.outputFields(all));
    boolean partialSets = sets.size() > 1 || sets.size() == 1 && sets.get(0).size() < groups.size();
    if (partialSets) {
      for (int i = 0; i < groups.size(); i++) {
        fields.set(i, fields.get(i).withNullable(true));
      }
    }
    List<AggCall> aggs = List.copyOf(b.aggregates());
    List<Binder.GroupingCall> groupingCalls = List.copyOf(b.groupingCalls());
    List<WindowCall> windows = List.copyOf(b.windows());
    int width = b.width();
    boolean isGlobal = groups.isEmpty();
    return Relation.derived(
        fields,
        List.of(in),
        () -> {
          List<Object[]> out = new ArrayList<>();
          // One grouping set streams its input; several read it once each, from one list.
          Relation.RowSource input = sets.size() == 1 ? in::forEachRow : in.snapshot()::forEach;
          for (int s = 0; s < sets.size(); s++) {
            Set<Integer> active = new HashSet<>(sets.get(s));
            boolean[] activeFlags = new boolean[groups.size()];
            for (int g = 0; g < activeFlags.length; g++) {
              activeFlags[g] = active.contains(g);
            }
            Map<Object, Object[]> reps = new LinkedHashMap<>();
            Map<Object, Aggregate.Accumulator[]> accs = new LinkedHashMap<>();
            Object[] scratch = new Object[width];
            input.forEach(
                row -> {
                  // Accumulators read the row and keep values, never the array, and a new group's
                  // representative is a copy: one scratch array serves every input row.
                  Object[] ext = Projections.widened(row, width, scratch);
                  // One map per grouping set, so the key is the group values alone.
                  Object k;
                  if (groups.size() == 1) {
                    k = activeFlags[0] ? Values.key(groups.get(0).expr().eval(ext)) : null;
                  } else {
                    Object[] key = new Object[groups.size()];
                    for (int g = 0; g < key.length; g++) {
                      key[g] = activeFlags[g] ? groups.get(g).expr().eval(ext) : null;
                    }
                    k = Values.key(key);
                  }
                  Aggregate.Accumulator[] a = accs.get(k);
                  if (a == null) {
                    a = new Aggregate.Accumulator[aggs.size()];
                    for (int i = 0; i < a.length; i++) {
                      a[i] = aggs.get(i).aggregate().start();
                    }
                    accs.put(k, a);
                    reps.put(k, nullInactive(ext, groups, active));
                  }
                  for (Aggregate.Accumulator acc : a) {
                    acc.add(ext);
                  }
                });
            if (isGlobal && accs.isEmpty()) {
              Aggregate.Accumulator[] a = new Aggregate.Accumulator[aggs.size()];
              for (int i = 0; i < a.length; i++) {
                a[i] = aggs.get(i).aggregate().start();
              }
              accs.put(List.of(), a);
              reps.put(List.of(), new Object[width]);
            }
            List<Object[]> groupRows = new ArrayList<>();
            for (Map.Entry<Object, Aggregate.Accumulator[]> e : accs.entrySet()) {
              Object[] rep = reps.get(e.getKey());
              Aggregate.Accumulator[] a = e.getValue();
              for (int i = 0; i < a.length; i++) {
                rep[aggs.get(i).slot()] = a[i].result();
              }
              for (Binder.GroupingCall gc : groupingCalls) {
                long v = 0;
                for (int p : gc.positions()) {
                  v = (v << 1) | (active.contains(p) ? 0 : 1);
                }
                rep[gc.slot()] = gc.id() ? (Object) v : (Object) (byte) v;
              }
              groupRows.add(rep);
            }
            if (!windows.isEmpty()) {
              Windows.evaluate(groupRows, windows);
            }
            for (Object[] rep : groupRows) {
              Object[] r = new Object[all.size()];
              for (int i = 0; i < r.length; i++) {
                r[i] =
                    i < groups.size() && !active.contains(i) ? null : all.get(i).expr().eval(rep);
              }
              out.add(r);
            }
          }
          return out;
        });
  }

  private static Object[] nullInactive(
      Object[] ext, List<Binder.Named> groups, Set<Integer> active) {
    Object[] rep = ext.clone();
    for (int g = 0; g < groups.size(); g++) {
      if (!active.contains(g) && groups.get(g).expr() instanceof ColumnRef ref) {
        rep[ref.index()] = null;
      }
    }
    return rep;
  }
}
