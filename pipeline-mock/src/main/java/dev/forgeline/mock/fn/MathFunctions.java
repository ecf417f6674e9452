package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.Arithmetic;
import dev.forgeline.mock.engine.Call;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.Types;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NullType;

/** Math functions: abs, round, floor, ceil, pow, sqrt, logarithms, trigonometry, rand. */
final class MathFunctions {
  private static final String NUMERIC = "\"NUMERIC\"";

  private MathFunctions() {}

  static void register(FunctionRegistry.Registrar r) {
    r.scalar("abs", MathFunctions::abs);
    r.scalar("round", c -> round(c, RoundingMode.HALF_UP, "round"));
    r.scalar("bround", c -> round(c, RoundingMode.HALF_EVEN, "bround"));
    r.scalar("floor", c -> floorCeil(c, true));
    r.scalar("ceil", c -> floorCeil(c, false));
    r.scalar("ceiling", c -> floorCeil(c, false));
    unaryDouble(r, "sqrt", "SQRT", Math::sqrt);
    unaryDouble(r, "cbrt", "CBRT", Math::cbrt);
    unaryDouble(r, "exp", "EXP", Math::exp);
    unaryDouble(r, "expm1", "EXPM1", Math::expm1);
    unaryDouble(r, "ln", "ln", d -> d <= 0 ? Double.NaN : Math.log(d), true);
    unaryDouble(r, "log10", "LOG10", d -> d <= 0 ? Double.NaN : Math.log10(d), true);
    unaryDouble(r, "log2", "LOG2", d -> d <= 0 ? Double.NaN : Math.log(d) / Math.log(2), true);
    unaryDouble(r, "log1p", "LOG1P", d -> d <= -1 ? Double.NaN : Math.log1p(d), true);
    unaryDouble(r, "sin", "SIN", Math::sin);
    unaryDouble(r, "cos", "COS", Math::cos);
    unaryDouble(r, "tan", "TAN", Math::tan);
    unaryDouble(r, "asin", "ASIN", Math::asin);
    unaryDouble(r, "acos", "ACOS", Math::acos);
    unaryDouble(r, "atan", "ATAN", Math::atan);
    unaryDouble(r, "sinh", "SINH", Math::sinh);
    unaryDouble(r, "cosh", "COSH", Math::cosh);
    unaryDouble(r, "tanh", "TANH", Math::tanh);
    unaryDouble(r, "degrees", "DEGREES", Math::toDegrees);
    unaryDouble(r, "radians", "RADIANS", Math::toRadians);
    unaryDouble(r, "signum", "SIGNUM", Math::signum);
    unaryDouble(r, "sign", "sign", Math::signum);
    unaryDouble(r, "rint", "rint", Math::rint);
    binaryDouble(r, "power", "POWER", Math::pow);
    binaryDouble(r, "pow", "pow", Math::pow);
    binaryDouble(r, "atan2", "ATAN2", Math::atan2);
    binaryDouble(r, "hypot", "HYPOT", Math::hypot);
    r.scalar("log", MathFunctions::log);
    r.scalar("pmod", MathFunctions::pmod);
    r.scalar("rand", c -> random(c, false));
    r.scalar("random", c -> random(c, false));
    r.scalar("randn", c -> random(c, true));
    r.scalar(
        "factorial",
        c -> {
          c.arity(1, 1);
          return Call.strictNullable(
              c.sql(),
              DataTypes.LongType,
              List.of(c.integer(0)),
              a -> {
                int n = (Integer) a[0];
                if (n < 0 || n > 20) {
                  return null;
                }
                long f = 1;
                for (int i = 2; i <= n; i++) {
                  f *= i;
                }
                return f;
              });
        });
    r.scalar(
        "hex",
        c -> {
          c.arity(1, 1);
          Expr e = c.arg(0);
          if (Types.isNumeric(e.type())) {
            Expr l = c.expect(0, DataTypes.LongType, "\"BIGINT\"");
            return Call.strict(
                "hex(" + e.sql() + ")",
                DataTypes.StringType,
                List.of(l),
                a -> Long.toHexString((Long) a[0]).toUpperCase(java.util.Locale.ROOT));
          }
          Expr b = e.type() instanceof org.apache.spark.sql.types.BinaryType ? e : c.string(0);
          return Call.strict(
              c.sql(),
              DataTypes.StringType,
              List.of(b),
              a -> {
                byte[] bytes =
                    a[0] instanceof byte[] x
                        ? x
                        : ((String) a[0]).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                StringBuilder sb = new StringBuilder();
                for (byte x : bytes) {
                  sb.append(String.format("%02X", x));
                }
                return sb.toString();
              });
        });
    r.scalar(
        "bin",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              "bin(" + c.arg(0).sql() + ")",
              DataTypes.StringType,
              List.of(c.expect(0, DataTypes.LongType, "\"BIGINT\"")),
              a -> Long.toBinaryString((Long) a[0]));
        });
    r.scalar(
        "conv",
        c -> {
          c.arity(3, 3);
          return Call.strictNullable(
              c.sql(),
              DataTypes.StringType,
              List.of(c.string(0), c.integer(1), c.integer(2)),
              a -> {
                int from = (Integer) a[1];
                int to = (Integer) a[2];
                if (from < 2 || from > 36 || Math.abs(to) < 2 || Math.abs(to) > 36) {
                  return null;
                }
                String s = ((String) a[0]).trim();
                try {
                  java.math.BigInteger v = new java.math.BigInteger(s, from);
                  if (to > 0 && v.signum() < 0) {
                    v = v.add(java.math.BigInteger.ONE.shiftLeft(64));
                  }
                  return v.toString(Math.abs(to)).toUpperCase(java.util.Locale.ROOT);
                } catch (NumberFormatException e) {
                  return null;
                }
              });
        });
    r.scalar("shiftleft", c -> shift(c, 0));
    r.scalar("shiftright", c -> shift(c, 1));
    r.scalar("shiftrightunsigned", c -> shift(c, 2));
    r.scalar("try_add", c -> tryArith(c, "+"));
    r.scalar("try_subtract", c -> tryArith(c, "-"));
    r.scalar("try_multiply", c -> tryArith(c, "*"));
    r.scalar("try_divide", c -> tryArith(c, "/"));
    r.scalar("try_mod", c -> tryArith(c, "%"));
  }

  private static Expr numericArg(FnCall c, int i) {
    Expr e = c.arg(i);
    if (Types.isNumeric(e.type()) || e.type() instanceof NullType) {
      return e;
    }
    if (Types.isString(e.type())) {
      return c.dbl(i);
    }
    throw Errors.unexpectedInputType(c.sql(), i + 1, NUMERIC, e.sql(), e.type());
  }

  private static Expr abs(FnCall c) {
    c.arity(1, 1);
    Expr e = numericArg(c, 0);
    DataType t = e.type() instanceof NullType ? DataTypes.DoubleType : e.type();
    boolean ansi = c.conf().ansi();
    return Call.strict(
        c.sql(),
        t,
        List.of(e),
        a -> {
          Object v = a[0];
          if (v instanceof BigDecimal d) {
            return d.abs();
          }
          if (v instanceof Double d) {
            return Math.abs(d);
          }
          if (v instanceof Float f) {
            return Math.abs(f);
          }
          long x = ((Number) v).longValue();
          if (x < 0) {
            return Arithmetic.negate(v, t, ansi);
          }
          return v;
        });
  }

  private static Expr round(FnCall c, RoundingMode mode, String name) {
    c.arity(1, 2);
    Expr e = numericArg(c, 0);
    int scale = c.arity() == 2 ? ((Number) c.constant(1, "scale", "\"INT\"")).intValue() : 0;
    String sql = name + "(" + c.arg(0).sql() + ", " + (c.arity() == 2 ? c.arg(1).sql() : "0") + ")";
    DataType t = e.type();
    DataType out = t;
    if (t instanceof DecimalType d) {
      int newScale = Math.max(0, Math.min(scale, d.scale()));
      out = Types.boundedDecimal(d.precision() - d.scale() + newScale + 1, newScale);
    } else if (t instanceof NullType) {
      out = DataTypes.DoubleType;
    }
    DataType res = out;
    boolean ansi = c.conf().ansi();
    return Call.strictNullable(
        sql,
        res,
        List.of(e),
        a -> {
          Object v = a[0];
          if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
              return d;
            }
            return new BigDecimal(Double.toString(d)).setScale(scale, mode).doubleValue();
          }
          if (v instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
              return f;
            }
            return new BigDecimal(Float.toString(f)).setScale(scale, mode).floatValue();
          }
          BigDecimal r = Arithmetic.toBigDecimal((Number) v).setScale(scale, mode);
          if (res instanceof DecimalType dt) {
            return r.setScale(dt.scale(), mode);
          }
          java.math.BigInteger whole = r.toBigInteger();
          if (Types.isIntegral(res) && !fits(whole, res)) {
            if (ansi) {
              throw Errors.arithmeticOverflow("Overflow", null);
            }
            return Arithmetic.coerce(whole.longValue(), res);
          }
          return Arithmetic.coerce(r, res);
        });
  }

  private static boolean fits(java.math.BigInteger v, DataType t) {
    long min =
        t instanceof org.apache.spark.sql.types.ByteType
            ? Byte.MIN_VALUE
            : t instanceof org.apache.spark.sql.types.ShortType
                ? Short.MIN_VALUE
                : t instanceof org.apache.spark.sql.types.IntegerType
                    ? Integer.MIN_VALUE
                    : Long.MIN_VALUE;
    long max =
        t instanceof org.apache.spark.sql.types.ByteType
            ? Byte.MAX_VALUE
            : t instanceof org.apache.spark.sql.types.ShortType
                ? Short.MAX_VALUE
                : t instanceof org.apache.spark.sql.types.IntegerType
                    ? Integer.MAX_VALUE
                    : Long.MAX_VALUE;
    return v.compareTo(java.math.BigInteger.valueOf(min)) >= 0
        && v.compareTo(java.math.BigInteger.valueOf(max)) <= 0;
  }

  private static Expr floorCeil(FnCall c, boolean floor) {
    c.arity(1, 2);
    Expr e = numericArg(c, 0);
    String sql = (floor ? "FLOOR" : "CEIL") + "(" + c.arg(0).sql() + ")";
    if (c.arity() == 2) {
      sql = c.sql(floor ? "floor" : "ceil");
    }
    RoundingMode mode = floor ? RoundingMode.FLOOR : RoundingMode.CEILING;
    if (e.type() instanceof DecimalType d && c.arity() == 1) {
      DecimalType out = Types.boundedDecimal(d.precision() - d.scale() + 1, 0);
      return Call.strict(sql, out, List.of(e), a -> ((BigDecimal) a[0]).setScale(0, mode));
    }
    if (c.arity() == 2) {
      int scale = ((Number) c.constant(1, "scale", "\"INT\"")).intValue();
      Expr d = c.expect(0, new DecimalType(38, 18), "\"DECIMAL\"");
      DataType out =
          Types.isIntegral(e.type()) ? e.type() : new DecimalType(38, Math.max(0, scale));
      return Call.strict(
          sql,
          out,
          List.of(d),
          a -> {
            BigDecimal r = ((BigDecimal) a[0]).setScale(scale, mode);
            return out instanceof DecimalType dt
                ? r.setScale(dt.scale(), mode)
                : Arithmetic.coerce(r, out);
          });
    }
    if (Types.isIntegral(e.type())) {
      Expr l = c.expect(0, DataTypes.LongType, "\"BIGINT\"");
      return Call.strict(sql, DataTypes.LongType, List.of(l), a -> a[0]);
    }
    Expr d = c.dbl(0);
    return Call.strict(
        sql,
        DataTypes.LongType,
        List.of(d),
        a -> {
          double x = (Double) a[0];
          double r = floor ? Math.floor(x) : Math.ceil(x);
          return (long) r;
        });
  }

  private static void unaryDouble(
      FunctionRegistry.Registrar r, String name, String pretty, DoubleUnaryOperator f) {
    unaryDouble(r, name, pretty, f, false);
  }

  private static void unaryDouble(
      FunctionRegistry.Registrar r,
      String name,
      String pretty,
      DoubleUnaryOperator f,
      boolean nullOnNaN) {
    r.scalar(
        name,
        c -> {
          c.arity(1, 1);
          Expr e = c.dbl(0);
          return Call.strictNullable(
              c.sql(pretty),
              DataTypes.DoubleType,
              List.of(e),
              a -> {
                double v = f.applyAsDouble((Double) a[0]);
                return nullOnNaN && Double.isNaN(v) && !Double.isNaN((Double) a[0]) ? null : v;
              });
        });
  }

  private static void binaryDouble(
      FunctionRegistry.Registrar r, String name, String pretty, DoubleBinaryOperator f) {
    r.scalar(
        name,
        c -> {
          c.arity(2, 2);
          return Call.strict(
              c.sql(pretty),
              DataTypes.DoubleType,
              List.of(c.dbl(0), c.dbl(1)),
              a -> f.applyAsDouble((Double) a[0], (Double) a[1]));
        });
  }

  private static Expr log(FnCall c) {
    c.arity(1, 2);
    if (c.arity() == 1) {
      return Call.strictNullable(
          c.sql("ln"),
          DataTypes.DoubleType,
          List.of(c.dbl(0)),
          a -> (Double) a[0] <= 0 ? null : Math.log((Double) a[0]));
    }
    return Call.strictNullable(
        c.sql("LOG"),
        DataTypes.DoubleType,
        List.of(c.dbl(0), c.dbl(1)),
        a -> {
          double base = (Double) a[0];
          double x = (Double) a[1];
          if (x <= 0 || base <= 0) {
            return null;
          }
          return Math.log(x) / Math.log(base);
        });
  }

  private static Expr pmod(FnCall c) {
    c.arity(2, 2);
    Expr l = numericArg(c, 0);
    Expr rr = numericArg(c, 1);
    DataType t = Types.widerNumeric(l.type(), rr.type());
    if (t == null) {
      throw Errors.binaryOpDiffTypes(c.sql(), l.type(), rr.type());
    }
    boolean ansi = c.conf().ansi();
    Expr lc = dev.forgeline.mock.engine.CastExpr.implicit(l, t, ansi, c.conf().zone());
    Expr rc = dev.forgeline.mock.engine.CastExpr.implicit(rr, t, ansi, c.conf().zone());
    return Call.strictNullable(
        c.sql(),
        t,
        List.of(lc, rc),
        a -> {
          Object m = Arithmetic.remainder(a[0], a[1], t, ansi);
          if (m == null) {
            return null;
          }
          if (((Number) m).doubleValue() < 0) {
            Object plus = Arithmetic.apply('+', m, a[1], t, ansi);
            return Arithmetic.remainder(plus, a[1], t, ansi);
          }
          return m;
        });
  }

  private static Expr random(FnCall c, boolean gaussian) {
    c.arity(0, 1);
    c.binder().nondeterministic();
    long seed =
        c.arity() == 1
            ? ((Number) c.constant(0, "seed", "\"BIGINT\"")).longValue()
            : new Random().nextLong();
    String sql = (gaussian ? "randn(" : "rand(") + seed + ")";
    Random rnd = new Random(seed);
    return Call.lazy(
        sql,
        DataTypes.DoubleType,
        false,
        List.of(),
        (row, a) -> {
          synchronized (rnd) {
            return gaussian ? rnd.nextGaussian() : rnd.nextDouble();
          }
        });
  }

  private static Expr shift(FnCall c, int kind) {
    c.arity(2, 2);
    Expr e = c.arg(0);
    DataType t =
        e.type() instanceof org.apache.spark.sql.types.LongType
            ? DataTypes.LongType
            : DataTypes.IntegerType;
    Expr v = c.expect(0, t, t.sql());
    return Call.strict(
        c.sql(),
        t,
        List.of(v, c.integer(1)),
        a -> {
          int n = (Integer) a[1];
          if (t instanceof org.apache.spark.sql.types.LongType) {
            long x = (Long) a[0];
            return kind == 0 ? x << n : kind == 1 ? x >> n : x >>> n;
          }
          int x = (Integer) a[0];
          return kind == 0 ? x << n : kind == 1 ? x >> n : x >>> n;
        });
  }

  private static Expr tryArith(FnCall c, String op) {
    c.arity(2, 2);
    FnCall inner = new FnCall(op, c.rawArgs(), false, c.binder());
    Expr e = FunctionRegistry.bind(inner);
    List<Expr> args = new ArrayList<>(List.of(e));
    return Call.lazy(
        c.sql(),
        e.type(),
        true,
        args,
        (row, a) -> {
          try {
            return a.get(0).eval(row);
          } catch (org.apache.spark.SparkArithmeticException ex) {
            return null;
          }
        });
  }
}
