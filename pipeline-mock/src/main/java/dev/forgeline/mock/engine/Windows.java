package dev.forgeline.mock.engine;

import dev.forgeline.mock.fn.FnCall;
import dev.forgeline.mock.fn.FunctionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.SortOrder;
import org.apache.spark.sql.internal.UnresolvedFunction;
import org.apache.spark.sql.internal.Window;
import org.apache.spark.sql.internal.WindowFrame;
import org.apache.spark.sql.types.DataType;

/** Binds {@code f.over(w)} and evaluates window slots over partitions. */
public final class Windows {
  private Windows() {}

  /** Binds a Window node: a ranking/offset function or an aggregate over a frame. */
  public static Expr bind(Binder binder, Window w) {
    ColumnNode fnNode = w.windowFunction();
    if (!(fnNode instanceof UnresolvedFunction fn)) {
      throw Errors.analysis("UNSUPPORTED_EXPR_FOR_WINDOW", "sqlExpr", Errors.sqlExpr(fnNode.sql()));
    }
    List<Expr> partition = new ArrayList<>();
    for (ColumnNode p : Scala.list(w.windowSpec().partitionColumns())) {
      partition.add(binder.bind(p));
    }
    List<SortKey> order = new ArrayList<>();
    for (SortOrder so : Scala.list(w.windowSpec().sortColumns())) {
      order.add(Sorting.key(binder, so));
    }
    String name = fn.functionName().toLowerCase(java.util.Locale.ROOT);
    FnCall call =
        new FnCall(fn.functionName(), Scala.list(fn.arguments()), fn.isDistinct(), binder);
    WindowFrame frameNode = Scala.orNull(w.windowSpec().frame());
    FunctionRegistry.WindowBuilder ranking = FunctionRegistry.window(name);
    WindowCall.Function function;
    WindowCall.Frame frame;
    String fnSql;
    if (ranking != null) {
      if (order.isEmpty()) {
        throw Errors.analysis("_LEGACY_ERROR_TEMP_1037", "wf", rankingSql(call, name));
      }
      function = ranking.build(call);
      frame =
          name.equals("lag") || name.equals("lead")
              ? new WindowCall.Frame(true, offsetOf(call, name), offsetOf(call, name))
              : new WindowCall.Frame(!name.equals("cume_dist"), null, 0L);
      fnSql = rankingSql(call, name);
    } else {
      FunctionRegistry.AggregateBuilder aggBuilder = FunctionRegistry.aggregate(name);
      if (aggBuilder == null) {
        throw Errors.analysis("UNSUPPORTED_EXPR_FOR_WINDOW", "sqlExpr", Errors.sqlExpr(call.sql()));
      }
      Aggregate agg = aggBuilder.build(call);
      frame =
          frameNode == null
              ? (order.isEmpty()
                  ? new WindowCall.Frame(true, null, null)
                  : new WindowCall.Frame(false, null, 0L))
              : frameOf(frameNode, binder);
      if (!frame.rows()
          && (frame.lower() != null && frame.lower() != 0
              || frame.upper() != null && frame.upper() != 0)) {
        checkRangeOrder(order, frame);
      }
      function = new FrameAggregate(agg);
      fnSql = agg.sql();
    }
    StringBuilder sb = new StringBuilder(fnSql).append(" OVER (");
    List<String> parts = new ArrayList<>();
    if (!partition.isEmpty()) {
      parts.add("PARTITION BY " + String.join(", ", partition.stream().map(Expr::sql).toList()));
    }
    if (!order.isEmpty()) {
      parts.add("ORDER BY " + String.join(", ", order.stream().map(SortKey::sql).toList()));
    }
    parts.add(frame.sql());
    sb.append(String.join(" ", parts)).append(')');
    return binder.addWindow(function, new WindowCall.Spec(partition, order, frame), sb.toString());
  }

  /** Spark's printed name of a ranking or offset function. */
  private static String rankingSql(FnCall call, String name) {
    switch (name) {
      case "rank", "dense_rank", "percent_rank":
        return name.toUpperCase(java.util.Locale.ROOT) + "()";
      case "lag", "lead":
        {
          String offset = call.arity() >= 2 ? call.arg(1).sql() : "1";
          String dflt = call.arity() >= 3 ? call.arg(2).sql() : "NULL";
          return name + "(" + call.arg(0).sql() + ", " + offset + ", " + dflt + ")";
        }
      default:
        return call.sql();
    }
  }

  private static Long offsetOf(FnCall call, String name) {
    long offset = 1;
    if (call.arity() >= 2) {
      Object o = call.constant(1, "offset", "\"INT\"");
      offset = ((Number) o).longValue();
    }
    return name.equals("lag") ? -offset : offset;
  }

  private static void checkRangeOrder(List<SortKey> order, WindowCall.Frame frame) {
    if (order.size() != 1) {
      throw Errors.analysis(
          "DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER",
          "sqlExpr",
          Errors.sqlExpr(frame.sql()),
          "orderSpec",
          String.join(", ", order.stream().map(SortKey::sql).toList()));
    }
    DataType t = order.get(0).expr().type();
    if (!Types.isNumeric(t) && !Types.isDatetime(t)) {
      throw Errors.analysis(
          "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE",
          "sqlExpr",
          Errors.sqlExpr(frame.sql()),
          "location",
          "lower",
          "exprType",
          Errors.sqlType(t),
          "expectedType",
          "(\"NUMERIC\" or \"DATE\" or \"TIMESTAMP\")");
    }
  }

  private static WindowCall.Frame frameOf(WindowFrame f, Binder binder) {
    boolean rows = f.frameType().toString().toLowerCase(java.util.Locale.ROOT).contains("row");
    return new WindowCall.Frame(rows, boundOf(f.lower(), binder), boundOf(f.upper(), binder));
  }

  private static Long boundOf(WindowFrame.FrameBoundary b, Binder binder) {
    if (b instanceof WindowFrame.Value v) {
      Expr e = binder.bind(v.value());
      Object o = e.eval(new Object[binder.width()]);
      return ((Number) o).longValue();
    }
    String s = b.toString().toLowerCase(java.util.Locale.ROOT);
    if (s.contains("current")) {
      return 0L;
    }
    return null;
  }

  /** Fills the window slots of every row (rows are already extended to the binder's width). */
  public static void evaluate(List<Object[]> rows, List<WindowCall> calls) {
    HeapGuard.run(
        "window",
        rows.size(),
        SortKey.SORT_BYTES_PER_ROW,
        () -> {
          evaluateAll(rows, calls);
          return null;
        });
  }

  private static void evaluateAll(List<Object[]> rows, List<WindowCall> calls) {
    for (WindowCall call : calls) {
      List<Expr> partitionBy = call.spec().partitionBy();
      Map<Object, List<Object[]>> partitions = new LinkedHashMap<>();
      for (Object[] row : rows) {
        partitions.computeIfAbsent(partitionKey(partitionBy, row), k -> new ArrayList<>()).add(row);
      }
      for (List<Object[]> part : partitions.values()) {
        List<Object[]> sorted =
            call.spec().orderBy().isEmpty() ? part : SortKey.sorted(part, call.spec().orderBy(), 0);
        Object[] values = call.function().compute(sorted, call.spec());
        for (int i = 0; i < sorted.size(); i++) {
          sorted.get(i)[call.slot()] = values[i];
        }
      }
    }
  }

  /** The hash key of a row's partition: its PARTITION BY values, normalized. */
  static Object partitionKey(List<Expr> partitionBy, Object[] row) {
    if (partitionBy.size() == 1) {
      return Values.key(partitionBy.get(0).eval(row));
    }
    Object[] values = new Object[partitionBy.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = partitionBy.get(i).eval(row);
    }
    return Values.key(values);
  }

  /** An aggregate evaluated over each row's frame. */
  private record FrameAggregate(Aggregate agg) implements WindowCall.Function {
    @Override
    public DataType type() {
      return agg.type();
    }

    @Override
    public boolean nullable() {
      return agg.nullable();
    }

    @Override
    public WindowCall.Reach reach(WindowCall.Spec spec) {
      WindowCall.Frame f = spec.frame();
      if (f.upper() == null || spec.orderBy().isEmpty()) {
        return WindowCall.Reach.PARTITION;
      }
      if (f.rows()) {
        return f.upper() <= 0 ? WindowCall.Reach.PRECEDING : WindowCall.Reach.PARTITION;
      }
      return f.upper() == 0 ? WindowCall.Reach.PEERS : WindowCall.Reach.PARTITION;
    }

    @Override
    public Object[] compute(List<Object[]> rows, WindowCall.Spec spec) {
      int n = rows.size();
      Object[] out = new Object[n];
      WindowCall.Frame f = spec.frame();
      Map<Long, Object> cache = new HashMap<>();
      for (int i = 0; i < n; i++) {
        int lo;
        int hi;
        if (f.rows()) {
          lo = f.lower() == null ? 0 : (int) Math.max(0, Math.min(n, i + f.lower()));
          hi = f.upper() == null ? n - 1 : (int) Math.min(n - 1, i + f.upper());
        } else {
          int[] range = rangeBounds(rows, i, spec);
          lo = range[0];
          hi = range[1];
        }
        long cacheKey = ((long) lo << 32) | (hi & 0xffffffffL);
        if (cache.containsKey(cacheKey)) {
          out[i] = cache.get(cacheKey);
          continue;
        }
        Aggregate.Accumulator acc = agg.start();
        for (int j = lo; j <= hi; j++) {
          acc.add(rows.get(j));
        }
        out[i] = acc.result();
        cache.put(cacheKey, out[i]);
      }
      return out;
    }

    private static int[] rangeBounds(List<Object[]> rows, int i, WindowCall.Spec spec) {
      WindowCall.Frame f = spec.frame();
      int n = rows.size();
      if (spec.orderBy().isEmpty()) {
        return new int[] {0, n - 1};
      }
      java.util.Comparator<Object[]> cmp = SortKey.comparator(spec.orderBy());
      Object[] cur = rows.get(i);
      int lo = 0;
      int hi = n - 1;
      if (f.lower() != null) {
        lo = i;
        if (f.lower() == 0) {
          while (lo > 0 && cmp.compare(rows.get(lo - 1), cur) == 0) {
            lo--;
          }
        } else {
          lo = 0;
          while (lo < n && !withinOffset(rows.get(lo), cur, f.lower(), spec, true)) {
            lo++;
          }
        }
      }
      if (f.upper() != null) {
        hi = i;
        if (f.upper() == 0) {
          while (hi < n - 1 && cmp.compare(rows.get(hi + 1), cur) == 0) {
            hi++;
          }
        } else {
          hi = n - 1;
          while (hi >= 0 && !withinOffset(rows.get(hi), cur, f.upper(), spec, false)) {
            hi--;
          }
        }
      }
      return new int[] {lo, hi};
    }

    private static boolean withinOffset(
        Object[] row, Object[] cur, long offset, WindowCall.Spec spec, boolean lower) {
      SortKey k = spec.orderBy().get(0);
      Object v = k.expr().eval(row);
      Object c = k.expr().eval(cur);
      if (v == null || c == null) {
        return v == null && c == null;
      }
      double dv = ((Number) v).doubleValue();
      double dc = ((Number) c).doubleValue();
      double bound = k.ascending() ? dc + offset : dc - offset;
      if (lower) {
        return k.ascending() ? dv >= bound : dv <= bound;
      }
      return k.ascending() ? dv <= bound : dv >= bound;
    }
  }
}
