package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.NullType;

/** Row-wise operators: select (with window functions), filter, sort, limit and offset. */
public final class Projections {
  private Projections() {}

  /** SELECT: a projection, or a global aggregate when the list holds aggregate functions. */
  public static Relation select(
      Relation in, List<ColumnNode> columns, SessionConf conf, UdfLookup udfs) {
    Binder b = Binder.aggregation(in.scope(conf.caseSensitive()), conf, udfs);
    List<Binder.Named> named = new ArrayList<>();
    List<Generators.Bound> generators = new ArrayList<>();
    for (ColumnNode raw : columns) {
      ColumnNode c =
          raw instanceof org.apache.spark.sql.internal.SqlExpression sql
              ? SqlExpressions.parse(sql.expression())
              : raw;
      org.apache.spark.sql.internal.UnresolvedFunction g = Generators.match(c);
      if (g != null) {
        generators.add(Generators.bind(b, c, g, named));
      } else {
        named.addAll(b.bindNamed(c));
      }
    }
    if (!b.aggregates().isEmpty()) {
      if (!generators.isEmpty()) {
        throw NotSupported.method("a generator together with aggregate functions in one select");
      }
      return Aggregations.global(in, b, named);
    }
    return project(in, b, named, generators);
  }

  /** A projection without generators. */
  public static Relation project(Relation in, Binder b, List<Binder.Named> named) {
    return project(in, b, named, List.of());
  }

  /** Builds the output of bound named expressions, keeping attribute identity where unchanged. */
  public static List<Field> outputFields(List<Binder.Named> named) {
    List<Field> out = new ArrayList<>();
    for (Binder.Named n : named) {
      Field p = n.passthrough();
      if (p != null && p.name().equals(n.name())) {
        out.add(p);
      } else if (p != null) {
        out.add(new Field(n.name(), p.type(), p.nullable(), Field.newId(), null));
      } else {
        out.add(Field.of(n.name(), n.expr().type(), n.expr().nullable()));
      }
    }
    return out;
  }

  /** A projection evaluated row by row (generators expand rows, then window slots are filled). */
  public static Relation project(
      Relation in, Binder b, List<Binder.Named> named, List<Generators.Bound> generators) {
    List<Field> fields = outputFields(named);
    int width = b.width();
    List<WindowCall> windows = List.copyOf(b.windows());
    boolean deterministic = b.deterministic();
    Relation out = projection(in, fields, width, windows, named, generators, deterministic);
    if (windows.isEmpty() && generators.isEmpty()) {
      out =
          out.withProjectionSource(
              in, src -> projection(src, fields, width, windows, named, generators, deterministic));
    }
    return out;
  }

  private static Relation projection(
      Relation in,
      List<Field> fields,
      int width,
      List<WindowCall> windows,
      List<Binder.Named> named,
      List<Generators.Bound> generators,
      boolean deterministic) {
    Expr[] exprs = named.stream().map(Binder.Named::expr).toArray(Expr[]::new);
    if (windows.isEmpty() && generators.isEmpty() && deterministic) {
      return Relation.streamed(
          fields,
          List.of(in),
          sink -> {
            // Expressions read the row and never keep the array: one scratch row serves all.
            Object[] scratch = new Object[width];
            in.forEachRow(
                row -> {
                  Object[] at = widened(row, width, scratch);
                  Object[] r = new Object[exprs.length];
                  for (int i = 0; i < r.length; i++) {
                    r[i] = exprs[i].eval(at);
                  }
                  sink.accept(r);
                });
          });
    }
    // Windows and generators need every input row at once; their output still streams, so a
    // filter over a window (top-k per key) keeps only the rows it passes.
    Relation.RowSource whole =
        sink -> {
          List<Object[]> wide = new ArrayList<>();
          in.forEachRow(r -> wide.add(r.length >= width ? r : java.util.Arrays.copyOf(r, width)));
          List<Object[]> ext = Generators.expand(wide, generators);
          if (!windows.isEmpty()) {
            Windows.evaluate(ext, windows);
          }
          for (int j = 0; j < ext.size(); j++) {
            Object[] row = ext.get(j);
            ext.set(j, null);
            Object[] r = new Object[exprs.length];
            for (int i = 0; i < r.length; i++) {
              r[i] = exprs[i].eval(row);
            }
            sink.accept(r);
          }
        };
    if (deterministic) {
      Relation out = Relation.streamed(fields, List.of(in), whole);
      if (generators.isEmpty()) {
        out = out.withGroupLimiter(cond -> rankLimited(in, width, windows, named, exprs, cond));
      }
      return out;
    }
    return Relation.derived(
        fields,
        List.of(in),
        () -> {
          List<Object[]> out = new ArrayList<>();
          whole.forEach(out::add);
          return out;
        });
  }

  /**
   * The rows of a window projection that {@code condition} may pass, when it limits a ranking (see
   * {@link WindowGroupLimit}): only the rows each partition ranks within the limit are kept and
   * their windows computed; null when the condition implies no safe limit.
   */
  private static Relation.RowSource rankLimited(
      Relation in,
      int width,
      List<WindowCall> windows,
      List<Binder.Named> named,
      Expr[] exprs,
      Expr condition) {
    WindowGroupLimit.Plan plan = WindowGroupLimit.find(condition, named, windows);
    if (plan == null) {
      return null;
    }
    return sink -> {
      WindowGroupLimit.Keeper keeper = new WindowGroupLimit.Keeper(plan);
      Object[] scratch = new Object[width];
      boolean plain = keeper.plainColumns();
      in.forEachRow(row -> keeper.offer(plain ? row : widened(row, width, scratch), width));
      List<Object[]> kept = keeper.kept();
      Windows.evaluate(kept, windows);
      for (Object[] row : kept) {
        Object[] r = new Object[exprs.length];
        for (int i = 0; i < r.length; i++) {
          r[i] = exprs[i].eval(row);
        }
        sink.accept(r);
      }
    };
  }

  /**
   * The row itself when it is wide enough for the binder's extra slots, else {@code scratch}
   * holding its values and nulls after them.
   */
  static Object[] widened(Object[] row, int width, Object[] scratch) {
    if (row.length >= width) {
      return row;
    }
    System.arraycopy(row, 0, scratch, 0, row.length);
    java.util.Arrays.fill(scratch, row.length, width, null);
    return scratch;
  }

  /** Copies rows into arrays wide enough for the binder's extra slots. */
  public static List<Object[]> extend(List<Object[]> rows, int width) {
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      if (r.length >= width) {
        // No extra slots to fill: rows are never mutated, so the row itself serves.
        out.add(r);
        continue;
      }
      Object[] e = new Object[width];
      System.arraycopy(r, 0, e, 0, r.length);
      out.add(e);
    }
    return out;
  }

  /** WHERE: keeps rows whose condition is true (null counts as false). */
  public static Relation filter(
      Relation in, ColumnNode condition, SessionConf conf, UdfLookup udfs) {
    return throughProjection(in, r -> filterBound(r, condition, conf, udfs));
  }

  /**
   * Applies a row operator; when it fails on a column a projection dropped, applies it below the
   * projection and re-projects (Spark's ResolveMissingReferences for Filter and Sort).
   */
  private static Relation throughProjection(
      Relation in, java.util.function.UnaryOperator<Relation> op) {
    try {
      return op.apply(in);
    } catch (Exception e) {
      Relation source = in.projectionSource();
      if (source == null || !isUnresolved(e)) {
        throw Errors.<RuntimeException>sneaky(e);
      }
      Relation below;
      try {
        below = throughProjection(source, op);
      } catch (Exception ignored) {
        throw Errors.<RuntimeException>sneaky(e);
      }
      return in.reproject(below);
    }
  }

  /** An aggregate in a filter: Spark names the WHERE condition rather than the operator. */
  private static RuntimeException whereCondition(Exception e, ColumnNode condition) {
    if (e instanceof org.apache.spark.SparkThrowable st
        && "UNSUPPORTED_EXPR_FOR_OPERATOR".equals(st.getCondition())) {
      return Errors.analysis(
          "INVALID_WHERE_CONDITION",
          "condition",
          Errors.sqlExpr(condition.sql()),
          "expressionList",
          st.getMessageParameters().get("invalidExprSqls"));
    }
    return Errors.<RuntimeException>sneaky(e);
  }

  private static boolean isUnresolved(Throwable e) {
    return e instanceof org.apache.spark.SparkThrowable st
        && st.getCondition() != null
        && st.getCondition().startsWith("UNRESOLVED_COLUMN");
  }

  private static Relation filterBound(
      Relation in, ColumnNode condition, SessionConf conf, UdfLookup udfs) {
    Binder b = Binder.rows(in.scope(conf.caseSensitive()), conf, udfs);
    Expr cond;
    try {
      cond = b.bind(condition);
    } catch (Exception e) {
      throw whereCondition(e, condition);
    }
    if (!(cond.type() instanceof BooleanType) && !(cond.type() instanceof NullType)) {
      throw Errors.filterNotBoolean(cond.sql(), cond.type());
    }
    int width = b.width();
    Relation.RowSource limited = b.deterministic() ? in.limitedBy(cond) : null;
    Relation.RowSource rows = limited != null ? limited : in::forEachRow;
    Relation.RowSource source =
        sink -> {
          Object[] scratch = new Object[width];
          rows.forEach(
              row -> {
                if (Boolean.TRUE.equals(cond.eval(widened(row, width, scratch)))) {
                  sink.accept(row);
                }
              });
        };
    if (b.deterministic()) {
      return Relation.streamed(in.fields(), List.of(in), source);
    }
    return Relation.derived(
        in.fields(),
        List.of(in),
        () -> {
          List<Object[]> out = new ArrayList<>();
          source.forEach(out::add);
          return out;
        });
  }

  /** ORDER BY: a stable sort on the given keys. */
  public static Relation sort(
      Relation in, List<ColumnNode> keys, SessionConf conf, UdfLookup udfs) {
    return throughProjection(in, r -> sortBound(r, keys, conf, udfs));
  }

  private static Relation sortBound(
      Relation in, List<ColumnNode> keys, SessionConf conf, UdfLookup udfs) {
    Binder b = Binder.rows(in.scope(conf.caseSensitive()), conf, udfs);
    List<SortKey> sortKeys = new ArrayList<>();
    for (ColumnNode k : keys) {
      sortKeys.add(Sorting.key(b, k));
    }
    int width = b.width();
    return Relation.derived(
        in.fields(),
        List.of(in),
        () -> {
          List<Object[]> rows = in.snapshot();
          return HeapGuard.run(
              "sort",
              rows.size(),
              SortKey.SORT_BYTES_PER_ROW,
              () -> {
                List<Object[]> sorted = SortKey.sorted(rows, sortKeys, width);
                int n = in.fields().size();
                sorted.replaceAll(r -> r.length == n ? r : java.util.Arrays.copyOf(r, n));
                return sorted;
              });
        });
  }

  /** LIMIT n. */
  public static Relation limit(Relation in, int n) {
    if (n < 0) {
      throw Errors.analysis(
          "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE",
          "name",
          "limit",
          "expr",
          "\"" + n + "\"",
          "v",
          String.valueOf(n));
    }
    return Relation.derived(
        in.fields(),
        List.of(in),
        () -> {
          List<Object[]> rows = in.snapshot();
          return rows.subList(0, Math.min(n, rows.size()));
        });
  }

  /** OFFSET n. */
  public static Relation offset(Relation in, int n) {
    if (n < 0) {
      throw Errors.analysis(
          "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE",
          "name",
          "offset",
          "expr",
          "\"" + n + "\"",
          "v",
          String.valueOf(n));
    }
    return Relation.derived(
        in.fields(),
        List.of(in),
        () -> {
          List<Object[]> rows = in.snapshot();
          return rows.subList(Math.min(n, rows.size()), rows.size());
        });
  }
}
