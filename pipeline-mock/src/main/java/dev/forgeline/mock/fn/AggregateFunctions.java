package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.Aggregate;
import dev.forgeline.mock.engine.Arithmetic;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.Lit;
import dev.forgeline.mock.engine.Types;
import dev.forgeline.mock.engine.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.internal.UnresolvedStar;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NullType;

/** Aggregate functions: count, sum, avg, min, max, first, last, collect_*, statistics. */
final class AggregateFunctions {
  private AggregateFunctions() {}

  /** A simple aggregate built from a name, type and accumulator factory. */
  private record Simple(
      String sql, DataType type, boolean nullable, Supplier<Aggregate.Accumulator> factory)
      implements Aggregate {
    @Override
    public Accumulator start() {
      return factory.get();
    }
  }

  /** Feeds only distinct argument tuples to the wrapped accumulator. */
  private static Supplier<Aggregate.Accumulator> distinct(
      List<Expr> args, Supplier<Aggregate.Accumulator> inner) {
    return () ->
        new Aggregate.Accumulator() {
          private final Aggregate.Accumulator acc = inner.get();
          private final Set<List<Object>> seen = new HashSet<>();

          @Override
          public void add(Object[] row) {
            Object[] k = new Object[args.size()];
            for (int i = 0; i < k.length; i++) {
              k[i] = args.get(i).eval(row);
            }
            if (seen.add(Values.key(k))) {
              acc.add(row);
            }
          }

          @Override
          public Object result() {
            return acc.result();
          }
        };
  }

  private static String sql(FnCall c, String name) {
    StringBuilder sb = new StringBuilder(name).append('(');
    if (c.distinct()) {
      sb.append("DISTINCT ");
    }
    List<Expr> a = c.args();
    for (int i = 0; i < a.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(a.get(i).sql());
    }
    return sb.append(')').toString();
  }

  private static Aggregate build(
      FnCall c, String name, DataType type, boolean nullable, Supplier<Aggregate.Accumulator> f) {
    Supplier<Aggregate.Accumulator> factory = c.distinct() ? distinct(c.args(), f) : f;
    return new Simple(sql(c, name), type, nullable, factory);
  }

  /** An accumulator over one argument that skips nulls. */
  private static Supplier<Aggregate.Accumulator> fold(
      Expr arg,
      Supplier<Object> init,
      java.util.function.BinaryOperator<Object> step,
      Function<Object, Object> finish) {
    return () ->
        new Aggregate.Accumulator() {
          private Object state = init.get();

          @Override
          public void add(Object[] row) {
            Object v = arg.eval(row);
            if (v != null) {
              state = step.apply(state, v);
            }
          }

          @Override
          public Object result() {
            return finish.apply(state);
          }
        };
  }

  static void register(FunctionRegistry.Registrar r) {
    r.aggregate("count", AggregateFunctions::count);
    r.aggregate("sum", c -> sum(c, "sum"));
    r.aggregate("sum_distinct", c -> sum(c, "sum"));
    r.aggregate("avg", c -> avg(c, "avg"));
    r.aggregate("mean", c -> avg(c, "mean"));
    r.aggregate("min", c -> minMax(c, true));
    r.aggregate("max", c -> minMax(c, false));
    r.aggregate("first", c -> firstLast(c, true, "first"));
    r.aggregate("first_value", c -> firstLast(c, true, "first_value"));
    r.aggregate("any_value", c -> firstLast(c, true, "any_value"));
    r.aggregate("last", c -> firstLast(c, false, "last"));
    r.aggregate("last_value", c -> firstLast(c, false, "last_value"));
    r.aggregate("collect_list", c -> collect(c, false, "collect_list"));
    r.aggregate("array_agg", c -> collect(c, false, "array_agg"));
    r.aggregate("collect_set", c -> collect(c, true, "collect_set"));
    r.aggregate("approx_count_distinct", AggregateFunctions::approxCountDistinct);
    for (String n : List.of("stddev", "stddev_samp", "std")) {
      r.aggregate(n, c -> moment(c, n, true, true));
    }
    r.aggregate("stddev_pop", c -> moment(c, "stddev_pop", true, false));
    r.aggregate("variance", c -> moment(c, "variance", false, true));
    r.aggregate("var_samp", c -> moment(c, "var_samp", false, true));
    r.aggregate("var_pop", c -> moment(c, "var_pop", false, false));
    r.aggregate("bool_and", c -> bool(c, true, "bool_and"));
    r.aggregate("every", c -> bool(c, true, "every"));
    r.aggregate("bool_or", c -> bool(c, false, "bool_or"));
    r.aggregate("some", c -> bool(c, false, "some"));
    r.aggregate("any", c -> bool(c, false, "any"));
    r.aggregate(
        "count_if",
        c -> {
          c.arity(1, 1);
          Expr e = c.arg(0);
          return build(
              c,
              "count_if",
              DataTypes.LongType,
              false,
              fold(e, () -> 0L, (s, v) -> Boolean.TRUE.equals(v) ? (Long) s + 1 : s, s -> s));
        });
    r.aggregate("max_by", c -> by(c, false, "max_by"));
    r.aggregate("min_by", c -> by(c, true, "min_by"));
    r.aggregate(
        "product",
        c -> {
          c.arity(1, 1);
          Expr e = c.dbl(0);
          return build(
              c,
              "product",
              DataTypes.DoubleType,
              true,
              fold(e, () -> null, (s, v) -> s == null ? v : (Double) s * (Double) v, s -> s));
        });
    r.aggregate("median", c -> percentile(c, "median", 0.5, true));
    r.aggregate("percentile_approx", c -> percentile(c, "percentile_approx", -1, false));
    r.aggregate("approx_percentile", c -> percentile(c, "approx_percentile", -1, false));
    r.aggregate("corr", c -> covariance(c, "corr", 2));
    r.aggregate(
        "nth_value",
        c -> {
          c.arity(2, 3);
          Expr e = c.arg(0);
          int n = ((Number) c.constant(1, "offset", "\"INT\"")).intValue();
          boolean ignoreNulls =
              c.arity() == 3 && Boolean.TRUE.equals(c.constant(2, "ignoreNulls", "\"BOOLEAN\""));
          if (n <= 0) {
            throw Errors.analysis(
                "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
                "sqlExpr",
                Errors.sqlExpr(c.sql()),
                "exprName",
                "offset",
                "valueRange",
                "(0, 9223372036854775807]",
                "currentValue",
                n + "L");
          }
          String sql =
              "nth_value("
                  + e.sql()
                  + ", "
                  + c.arg(1).sql()
                  + ")"
                  + (ignoreNulls ? " ignore nulls" : "");
          return new Simple(
              sql,
              e.type(),
              true,
              () ->
                  new Aggregate.Accumulator() {
                    private int seen;
                    private Object value;

                    @Override
                    public void add(Object[] row) {
                      Object v = e.eval(row);
                      if (v == null && ignoreNulls) {
                        return;
                      }
                      if (++seen == n) {
                        value = v;
                      }
                    }

                    @Override
                    public Object result() {
                      return value;
                    }
                  });
        });
    r.aggregate(
        "try_sum",
        c -> {
          Aggregate inner = sum(c, "try_sum");
          return new Simple(
              inner.sql(),
              inner.type(),
              true,
              () ->
                  new Aggregate.Accumulator() {
                    private final Aggregate.Accumulator acc = inner.start();
                    private boolean overflow;

                    @Override
                    public void add(Object[] row) {
                      if (overflow) {
                        return;
                      }
                      try {
                        acc.add(row);
                      } catch (org.apache.spark.SparkArithmeticException e) {
                        overflow = true;
                      }
                    }

                    @Override
                    public Object result() {
                      return overflow ? null : acc.result();
                    }
                  });
        });
    r.aggregate("try_avg", c -> avg(c, "try_avg"));
    r.aggregate("bit_and", c -> bits(c, "bit_and", '&'));
    r.aggregate("bit_or", c -> bits(c, "bit_or", '|'));
    r.aggregate("bit_xor", c -> bits(c, "bit_xor", '^'));
    r.aggregate("string_agg", AggregateFunctions::listagg);
    r.aggregate("listagg", AggregateFunctions::listagg);
    r.aggregate("skewness", c -> higherMoment(c, "skewness", 3));
    r.aggregate("kurtosis", c -> higherMoment(c, "kurtosis", 4));
    r.aggregate("percentile", AggregateFunctions::exactPercentile);
    r.aggregate(
        "mode",
        c -> {
          c.arity(1, 2);
          Expr e = c.arg(0);
          return new Simple(
              "mode(" + e.sql() + ")",
              e.type(),
              true,
              () ->
                  new Aggregate.Accumulator() {
                    private final java.util.Map<Object, Long> counts =
                        new java.util.LinkedHashMap<>();
                    private final java.util.Map<Object, Object> values = new java.util.HashMap<>();

                    @Override
                    public void add(Object[] row) {
                      Object v = e.eval(row);
                      if (v != null) {
                        Object k = Values.key(v);
                        counts.merge(k, 1L, Long::sum);
                        values.putIfAbsent(k, v);
                      }
                    }

                    @Override
                    public Object result() {
                      Object best = null;
                      long bestCount = -1;
                      for (java.util.Map.Entry<Object, Long> en : counts.entrySet()) {
                        if (en.getValue() > bestCount) {
                          best = en.getKey();
                          bestCount = en.getValue();
                        }
                      }
                      return best == null ? null : values.get(best);
                    }
                  });
        });
    r.aggregate("covar_samp", c -> covariance(c, "covar_samp", 1));
    r.aggregate("covar_pop", c -> covariance(c, "covar_pop", 0));
  }

  private static Aggregate count(FnCall c) {
    List<Expr> args;
    String name;
    if (c.arity() == 1 && c.rawArgs().get(0) instanceof UnresolvedStar) {
      args = List.of();
      name = "count(1)";
    } else {
      args = c.args();
      name = null;
    }
    if (!c.distinct()
        && args.size() == 1
        && args.get(0) instanceof Lit lit
        && lit.value() != null) {
      args = List.of();
    }
    List<Expr> counted = args;
    Supplier<Aggregate.Accumulator> f =
        () ->
            new Aggregate.Accumulator() {
              private long n;

              @Override
              public void add(Object[] row) {
                for (Expr e : counted) {
                  if (e.eval(row) == null) {
                    return;
                  }
                }
                n++;
              }

              @Override
              public Object result() {
                return n;
              }
            };
    if (name != null) {
      return new Simple(name, DataTypes.LongType, false, f);
    }
    return build(c, "count", DataTypes.LongType, false, f);
  }

  private static Expr numeric(FnCall c, int i, String name) {
    Expr e = c.arg(i);
    if (Types.isNumeric(e.type())) {
      return e;
    }
    if (Types.isString(e.type()) || e.type() instanceof NullType) {
      return c.dbl(i);
    }
    throw Errors.unexpectedInputType(
        sql(c, name), i + 1, "\"NUMERIC\" or \"ANSI INTERVAL\"", e.sql(), e.type());
  }

  private static Aggregate sum(FnCall c, String name) {
    c.arity(1, 1);
    Expr e = numeric(c, 0, name);
    DataType t = e.type();
    boolean ansi = c.conf().ansi();
    DataType out;
    if (Types.isIntegral(t)) {
      out = DataTypes.LongType;
    } else if (t instanceof DecimalType d) {
      out = Types.boundedDecimal(d.precision() + 10, d.scale());
    } else {
      out = DataTypes.DoubleType;
    }
    DataType res = out;
    return build(
        c,
        name,
        res,
        true,
        fold(
            e,
            () -> null,
            (s, v) -> {
              Object x = Arithmetic.coerce((Number) v, res);
              if (s == null) {
                return x;
              }
              if (res instanceof org.apache.spark.sql.types.LongType) {
                try {
                  return Math.addExact((Long) s, (Long) x);
                } catch (ArithmeticException ex) {
                  if (ansi) {
                    throw Errors.arithmeticOverflow("long overflow", "try_sum");
                  }
                  return (Long) s + (Long) x;
                }
              }
              if (res instanceof DecimalType) {
                return ((BigDecimal) s).add((BigDecimal) x);
              }
              return (Double) s + (Double) x;
            },
            s ->
                s instanceof BigDecimal b ? Arithmetic.fitDecimal(b, (DecimalType) res, ansi) : s));
  }

  private static Aggregate avg(FnCall c, String name) {
    c.arity(1, 1);
    Expr e = numeric(c, 0, name);
    DataType t = e.type();
    boolean ansi = c.conf().ansi();
    if (t instanceof DecimalType d) {
      DecimalType out = Types.boundedDecimal(d.precision() + 4, d.scale() + 4);
      return build(
          c,
          name,
          out,
          true,
          () ->
              new Aggregate.Accumulator() {
                private BigDecimal sum = BigDecimal.ZERO;
                private long n;

                @Override
                public void add(Object[] row) {
                  Object v = e.eval(row);
                  if (v != null) {
                    sum = sum.add((BigDecimal) v);
                    n++;
                  }
                }

                @Override
                public Object result() {
                  return n == 0
                      ? null
                      : Arithmetic.fitDecimal(
                          sum.divide(BigDecimal.valueOf(n), out.scale(), RoundingMode.HALF_UP),
                          out,
                          ansi);
                }
              });
    }
    return build(
        c,
        name,
        DataTypes.DoubleType,
        true,
        () ->
            new Aggregate.Accumulator() {
              private double sum;
              private long n;

              @Override
              public void add(Object[] row) {
                Object v = e.eval(row);
                if (v != null) {
                  sum += ((Number) v).doubleValue();
                  n++;
                }
              }

              @Override
              public Object result() {
                return n == 0 ? null : sum / n;
              }
            });
  }

  private static Aggregate minMax(FnCall c, boolean min) {
    c.arity(1, 1);
    Expr e = c.arg(0);
    String name = min ? "min" : "max";
    if (!Types.orderable(e.type())) {
      throw Errors.invalidOrderingType(sql(c, name), name, e.type());
    }
    return build(
        c,
        name,
        e.type(),
        true,
        fold(
            e,
            () -> null,
            (s, v) -> {
              if (s == null) {
                return v;
              }
              int cmp = Values.compare(v, s);
              return (min ? cmp < 0 : cmp > 0) ? v : s;
            },
            s -> s));
  }

  private static Aggregate firstLast(FnCall c, boolean first, String name) {
    c.arity(1, 2);
    Expr e = c.arg(0);
    boolean ignoreNulls =
        c.arity() == 2 && Boolean.TRUE.equals(c.constant(1, "ignoreNulls", "\"BOOLEAN\""));
    String sql = name + "(" + e.sql() + ")";
    return new Simple(
        sql,
        e.type(),
        true,
        () ->
            new Aggregate.Accumulator() {
              private Object value;
              private boolean set;

              @Override
              public void add(Object[] row) {
                if (first && set) {
                  return;
                }
                Object v = e.eval(row);
                if (v == null && ignoreNulls) {
                  return;
                }
                value = v;
                set = true;
              }

              @Override
              public Object result() {
                return value;
              }
            });
  }

  private static Aggregate collect(FnCall c, boolean set, String name) {
    c.arity(1, 1);
    Expr e = c.arg(0);
    return build(
        c,
        name,
        new ArrayType(e.type(), false),
        false,
        () ->
            new Aggregate.Accumulator() {
              private final List<Object> values = new ArrayList<>();
              private final Set<Object> keys = new LinkedHashSet<>();

              @Override
              public void add(Object[] row) {
                Object v = e.eval(row);
                if (v != null && (!set || keys.add(Values.key(v)))) {
                  values.add(v);
                }
              }

              @Override
              public Object result() {
                return new ArrayList<>(values);
              }
            });
  }

  /**
   * HyperLogLog++ as Spark computes it for small cardinalities: XXH64 (seed 42) of each value, 2^p
   * registers, and linear counting while the estimate stays under Spark's threshold for p, so small
   * results (including hash collisions) equal Spark's. Above the threshold Spark applies bias
   * correction from empirical tables; the mock then returns the exact distinct count instead.
   */
  private static Aggregate approxCountDistinct(FnCall c) {
    c.arity(1, 2);
    Expr e = c.arg(0);
    double rsd =
        c.arity() == 2 ? ((Number) c.constant(1, "rsd", "\"DOUBLE\"")).doubleValue() : 0.05;
    int p = (int) Math.ceil(2.0 * Math.log(1.106 / rsd) / Math.log(2.0));
    int m = 1 << p;
    double threshold = HLL_THRESHOLDS[Math.max(0, Math.min(HLL_THRESHOLDS.length - 1, p - 4))];
    String sql = "approx_count_distinct(" + e.sql() + ")";
    return new Simple(
        sql,
        DataTypes.LongType,
        false,
        () ->
            new Aggregate.Accumulator() {
              private final Set<Object> keys = new HashSet<>();
              private final int[] registers = new int[m];

              @Override
              public void add(Object[] row) {
                Object v = e.eval(row);
                if (v != null) {
                  keys.add(Values.key(v));
                  long h = HashFunctions.xx(v, 42L);
                  int idx = (int) (h >>> (64 - p));
                  long w = (h << p) | (1L << (p - 1));
                  int pw = Long.numberOfLeadingZeros(w) + 1;
                  registers[idx] = Math.max(registers[idx], pw);
                }
              }

              @Override
              public Object result() {
                int zeros = 0;
                for (int r : registers) {
                  if (r == 0) {
                    zeros++;
                  }
                }
                if (zeros > 0) {
                  double linear = m * Math.log((double) m / zeros);
                  if (linear <= threshold) {
                    return Math.round(linear);
                  }
                }
                return (long) keys.size();
              }
            });
  }

  /** Spark's HLL++ linear-counting thresholds for p = 4 .. 18. */
  private static final double[] HLL_THRESHOLDS = {
    10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 11500, 20000, 50000, 120000, 350000
  };

  private static Aggregate moment(FnCall c, String name, boolean sqrt, boolean sample) {
    c.arity(1, 1);
    Expr e = c.dbl(0);
    return build(
        c,
        name,
        DataTypes.DoubleType,
        true,
        () ->
            new Aggregate.Accumulator() {
              private long n;
              private double mean;
              private double m2;

              @Override
              public void add(Object[] row) {
                Object v = e.eval(row);
                if (v != null) {
                  double x = (Double) v;
                  n++;
                  double delta = x - mean;
                  double deltaN = delta / n;
                  mean += deltaN;
                  m2 += delta * (delta - deltaN);
                }
              }

              @Override
              public Object result() {
                if (n == 0 || sample && n == 1) {
                  return null;
                }
                double var = m2 / (sample ? n - 1 : n);
                return sqrt ? Math.sqrt(var) : var;
              }
            });
  }

  private static Aggregate bool(FnCall c, boolean and, String name) {
    c.arity(1, 1);
    Expr e = c.expect(0, DataTypes.BooleanType, "\"BOOLEAN\"");
    return build(
        c,
        name,
        DataTypes.BooleanType,
        true,
        fold(
            e,
            () -> null,
            (s, v) ->
                s == null ? v : (and ? (Boolean) s && (Boolean) v : (Boolean) s || (Boolean) v),
            s -> s));
  }

  private static Aggregate by(FnCall c, boolean min, String name) {
    c.arity(2, 2);
    Expr value = c.arg(0);
    Expr order = c.arg(1);
    return build(
        c,
        name,
        value.type(),
        true,
        () ->
            new Aggregate.Accumulator() {
              private Object best;
              private Object bestKey;

              @Override
              public void add(Object[] row) {
                Object k = order.eval(row);
                if (k == null) {
                  return;
                }
                int cmp = bestKey == null ? -1 : Values.compare(k, bestKey);
                if (bestKey == null || (min ? cmp < 0 : cmp > 0)) {
                  bestKey = k;
                  best = value.eval(row);
                }
              }

              @Override
              public Object result() {
                return best;
              }
            });
  }

  private static Aggregate percentile(FnCall c, String name, double fixed, boolean interpolate) {
    Expr e = c.arg(0);
    double p =
        fixed >= 0 ? fixed : ((Number) c.constant(1, "percentage", "\"DOUBLE\"")).doubleValue();
    String sql = fixed >= 0 ? name + "(" + e.sql() + ")" : c.sql(name);
    DataType out = interpolate ? DataTypes.DoubleType : e.type();
    return new Simple(
        sql,
        out,
        true,
        () ->
            new Aggregate.Accumulator() {
              private final List<Object> values = new ArrayList<>();

              @Override
              public void add(Object[] row) {
                Object v = e.eval(row);
                if (v != null) {
                  values.add(v);
                }
              }

              @Override
              public Object result() {
                if (values.isEmpty()) {
                  return null;
                }
                List<Object> sorted = new ArrayList<>(values);
                sorted.sort(Values::compare);
                int n = sorted.size();
                if (interpolate) {
                  double pos = p * (n - 1);
                  int lo = (int) Math.floor(pos);
                  int hi = (int) Math.ceil(pos);
                  double a = ((Number) sorted.get(lo)).doubleValue();
                  double b = ((Number) sorted.get(hi)).doubleValue();
                  return a + (pos - lo) * (b - a);
                }
                int idx = (int) Math.ceil(p * n) - 1;
                return sorted.get(Math.max(0, Math.min(n - 1, idx)));
              }
            });
  }

  private static Aggregate bits(FnCall c, String name, char op) {
    c.arity(1, 1);
    Expr e = c.arg(0);
    if (!Types.isIntegral(e.type())) {
      throw Errors.unexpectedInputType(sql(c, name), 1, "\"INTEGRAL\"", e.sql(), e.type());
    }
    DataType t = e.type();
    return build(
        c,
        name,
        t,
        true,
        fold(
            e,
            () -> null,
            (s, v) -> {
              if (s == null) {
                return v;
              }
              long x = ((Number) s).longValue();
              long y = ((Number) v).longValue();
              return Arithmetic.coerce(op == '&' ? x & y : op == '|' ? x | y : x ^ y, t);
            },
            s -> s));
  }

  private static Aggregate listagg(FnCall c) {
    c.arity(1, 2);
    Expr e = c.string(0);
    Expr sep = c.arity() == 2 ? c.string(1) : null;
    String sql =
        c.lowerName()
            + "("
            + (c.distinct() ? "DISTINCT " : "")
            + c.arg(0).sql()
            + ", "
            + (sep == null ? "NULL" : sep.sql())
            + ")";
    Supplier<Aggregate.Accumulator> f =
        () ->
            new Aggregate.Accumulator() {
              private final List<String> parts = new ArrayList<>();
              private String separator = "";

              @Override
              public void add(Object[] row) {
                Object v = e.eval(row);
                if (sep != null) {
                  Object s = sep.eval(row);
                  separator = s == null ? "" : (String) s;
                }
                if (v != null) {
                  parts.add((String) v);
                }
              }

              @Override
              public Object result() {
                return parts.isEmpty() ? null : String.join(separator, parts);
              }
            };
    return new Simple(sql, DataTypes.StringType, true, c.distinct() ? distinct(List.of(e), f) : f);
  }

  private static Aggregate higherMoment(FnCall c, String name, int order) {
    c.arity(1, 1);
    Expr e = c.dbl(0);
    return build(
        c,
        name,
        DataTypes.DoubleType,
        true,
        () ->
            new Aggregate.Accumulator() {
              private double n;
              private double avg;
              private double m2;
              private double m3;
              private double m4;

              @Override
              public void add(Object[] row) {
                Object v = e.eval(row);
                if (v == null) {
                  return;
                }
                double x = (Double) v;
                double n0 = n;
                n += 1;
                double delta = x - avg;
                double deltaN = delta / n;
                double deltaN2 = deltaN * deltaN;
                double term1 = delta * deltaN * n0;
                avg += deltaN;
                m4 += term1 * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
                m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2;
                m2 += term1;
              }

              @Override
              public Object result() {
                if (n == 0) {
                  return null;
                }
                if (m2 == 0) {
                  return null;
                }
                if (order == 3) {
                  return Math.sqrt(n) * m3 / Math.sqrt(m2 * m2 * m2);
                }
                return n * m4 / (m2 * m2) - 3.0;
              }
            });
  }

  private static Aggregate exactPercentile(FnCall c) {
    c.arity(2, 3);
    Expr e = c.dbl(0);
    double p = ((Number) c.constant(1, "percentage", "\"DOUBLE\"")).doubleValue();
    String freq = c.arity() == 3 ? c.arg(2).sql() : "1";
    String sql = "percentile(" + c.arg(0).sql() + ", " + c.arg(1).sql() + ", " + freq + ")";
    return new Simple(
        sql,
        DataTypes.DoubleType,
        true,
        () ->
            new Aggregate.Accumulator() {
              private final List<Double> values = new ArrayList<>();

              @Override
              public void add(Object[] row) {
                Object v = e.eval(row);
                if (v != null) {
                  values.add((Double) v);
                }
              }

              @Override
              public Object result() {
                if (values.isEmpty()) {
                  return null;
                }
                List<Double> sorted = new ArrayList<>(values);
                sorted.sort(Double::compare);
                double pos = p * (sorted.size() - 1);
                int lo = (int) Math.floor(pos);
                int hi = (int) Math.ceil(pos);
                return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
              }
            });
  }

  private static Aggregate covariance(FnCall c, String name, int kind) {
    c.arity(2, 2);
    Expr x = c.dbl(0);
    Expr y = c.dbl(1);
    return build(
        c,
        name,
        DataTypes.DoubleType,
        true,
        () ->
            new Aggregate.Accumulator() {
              private final List<double[]> pairs = new ArrayList<>();

              @Override
              public void add(Object[] row) {
                Object a = x.eval(row);
                Object b = y.eval(row);
                if (a != null && b != null) {
                  pairs.add(new double[] {(Double) a, (Double) b});
                }
              }

              @Override
              public Object result() {
                int n = pairs.size();
                if (n == 0 || kind != 0 && n == 1) {
                  return null;
                }
                dev.forgeline.mock.engine.Comoments m =
                    dev.forgeline.mock.engine.Comoments.of(pairs);
                if (kind == 2) {
                  return m.cxx() == 0 || m.cyy() == 0 ? null : m.correlation();
                }
                return m.covariance(kind == 1);
              }
            });
  }
}
