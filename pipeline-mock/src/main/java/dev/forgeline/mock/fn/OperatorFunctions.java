package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.Arithmetic;
import dev.forgeline.mock.engine.Call;
import dev.forgeline.mock.engine.CastExpr;
import dev.forgeline.mock.engine.Coercion;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.OpExpr;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.engine.Types;
import dev.forgeline.mock.engine.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NullType;

/** Arithmetic, comparison, boolean and predicate operators ({@code + = AND IN LIKE ...}). */
final class OperatorFunctions {
  private static final String NUMERIC_INPUT =
      "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")";

  private OperatorFunctions() {}

  static void register(FunctionRegistry.Registrar r) {
    r.scalar("+", c -> arithmetic(c, '+'));
    r.scalar("-", c -> arithmetic(c, '-'));
    r.scalar("*", c -> arithmetic(c, '*'));
    r.scalar("/", OperatorFunctions::divide);
    r.scalar("%", OperatorFunctions::remainder);
    r.scalar("mod", OperatorFunctions::remainder);
    r.scalar("div", OperatorFunctions::integralDivide);
    r.scalar("negative", OperatorFunctions::negative);
    r.scalar(
        "positive",
        c -> {
          c.arity(1, 1);
          Expr e = c.arg(0);
          return Call.strict("(+ " + e.sql() + ")", e.type(), List.of(e), a -> a[0]);
        });
    for (String op : List.of("=", "==", "<", "<=", ">", ">=", "!=", "<>")) {
      r.scalar(op, c -> comparison(c, op));
    }
    r.scalar("<=>", OperatorFunctions::nullSafeEqual);
    r.scalar("and", c -> logical(c, true));
    r.scalar("or", c -> logical(c, false));
    r.scalar("!", OperatorFunctions::not);
    r.scalar("not", OperatorFunctions::not);
    r.scalar("isnull", c -> nullTest(c, true));
    r.scalar("isnotnull", c -> nullTest(c, false));
    r.scalar("isnan", OperatorFunctions::isNan);
    r.scalar("in", OperatorFunctions::in);
    r.scalar("like", c -> like(c, false));
    r.scalar("ilike", c -> like(c, true));
    r.scalar("rlike", OperatorFunctions::rlike);
    r.scalar("regexp", OperatorFunctions::rlike);
    r.scalar("regexp_like", OperatorFunctions::rlike);
    r.scalar("between", OperatorFunctions::between);
    r.scalar("|", c -> bitwise(c, '|'));
    r.scalar("&", c -> bitwise(c, '&'));
    r.scalar("^", c -> bitwise(c, '^'));
    r.scalar("~", OperatorFunctions::bitwiseNot);
    r.scalar("bitwise_not", OperatorFunctions::bitwiseNot);
  }

  private static String infix(Expr l, String op, Expr r) {
    return "(" + l.sql() + " " + op + " " + r.sql() + ")";
  }

  private static Expr arithmetic(FnCall c, char op) {
    c.arity(2, 2);
    Expr l = c.arg(0);
    Expr r = c.arg(1);
    String sql = infix(l, String.valueOf(op), r);
    if (op == '+' || op == '-') {
      Expr interval = dev.forgeline.mock.engine.Intervals.arithmetic(op, l, r, c.conf());
      if (interval != null) {
        return interval;
      }
      Expr dated = DateFunctions.dateArithmetic(c, op, l, r, sql);
      if (dated != null) {
        return dated;
      }
    }
    DataType t = operandType(l, r, sql);
    DataType result = t;
    if (t instanceof DecimalType a) {
      DecimalType x = decimalOf(l, t);
      DecimalType y = decimalOf(r, t);
      if (op == '*') {
        result = Types.boundedDecimal(x.precision() + y.precision() + 1, x.scale() + y.scale());
      } else {
        int scale = Math.max(x.scale(), y.scale());
        int range = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
        result = Types.boundedDecimal(range + scale + 1, scale);
      }
    }
    SessionConf conf = c.conf();
    DataType operand = t;
    DataType res = result;
    Expr lc = cast(l, operand, conf);
    Expr rc = cast(r, operand, conf);
    return Call.strict(
        sql, res, List.of(lc, rc), a -> Arithmetic.apply(op, a[0], a[1], res, conf.ansi()));
  }

  /**
   * The decimal type an operand takes in decimal arithmetic: an integral literal takes its minimal
   * precision (Spark's literalPickMinimumPrecision), other integrals their full width.
   */
  private static DecimalType decimalOf(Expr e, DataType decimal) {
    if (e instanceof dev.forgeline.mock.engine.Lit lit
        && lit.value() != null
        && Types.isIntegral(e.type())) {
      int digits =
          java.math.BigInteger.valueOf(((Number) lit.value()).longValue())
              .abs()
              .toString()
              .length();
      return new DecimalType(digits, 0);
    }
    return Types.decimalFor(e.type() instanceof NullType ? decimal : castTarget(e.type(), decimal));
  }

  private static DataType castTarget(DataType from, DataType decimal) {
    return Types.isNumeric(from) && !Types.isFractional(from) ? from : decimal;
  }

  private static Expr cast(Expr e, DataType t, SessionConf conf) {
    if (t instanceof DecimalType && e.type() instanceof DecimalType) {
      return e;
    }
    return CastExpr.implicit(e, t, conf.ansi(), conf.zone());
  }

  private static DataType operandType(Expr l, Expr r, String sql) {
    DataType t = Coercion.arithmeticType(l.type(), r.type());
    if (t == null) {
      if (l.type().equals(r.type())) {
        throw Errors.binaryOpWrongType(sql, NUMERIC_INPUT, l.type());
      }
      throw Errors.binaryOpDiffTypes(sql, l.type(), r.type());
    }
    return t;
  }

  private static Expr divide(FnCall c) {
    c.arity(2, 2);
    Expr l = c.arg(0);
    Expr r = c.arg(1);
    String sql = infix(l, "/", r);
    DataType t = operandType(l, r, sql);
    SessionConf conf = c.conf();
    if (t instanceof DecimalType) {
      DecimalType x = decimalOf(l, t);
      DecimalType y = decimalOf(r, t);
      int scale = Math.max(6, x.scale() + y.precision() + 1);
      int precision = x.precision() - x.scale() + y.scale() + scale;
      DecimalType res = Types.boundedDecimal(precision, scale);
      return Call.strictNullable(
          sql, res, List.of(l, r), a -> Arithmetic.divide(a[0], a[1], res, conf.ansi()));
    }
    Expr lc = CastExpr.implicit(l, DataTypes.DoubleType, conf.ansi(), conf.zone());
    Expr rc = CastExpr.implicit(r, DataTypes.DoubleType, conf.ansi(), conf.zone());
    return Call.strictNullable(
        sql,
        DataTypes.DoubleType,
        List.of(lc, rc),
        a -> Arithmetic.divide(a[0], a[1], DataTypes.DoubleType, conf.ansi()));
  }

  private static Expr remainder(FnCall c) {
    c.arity(2, 2);
    Expr l = c.arg(0);
    Expr r = c.arg(1);
    String sql = infix(l, "%", r);
    DataType t = operandType(l, r, sql);
    SessionConf conf = c.conf();
    DataType res = t;
    if (t instanceof DecimalType) {
      DecimalType x = decimalOf(l, t);
      DecimalType y = decimalOf(r, t);
      int scale = Math.max(x.scale(), y.scale());
      res =
          Types.boundedDecimal(
              Math.min(x.precision() - x.scale(), y.precision() - y.scale()) + scale, scale);
    }
    DataType out = res;
    return Call.strictNullable(
        sql,
        out,
        List.of(cast(l, t, conf), cast(r, t, conf)),
        a -> Arithmetic.remainder(a[0], a[1], out, conf.ansi()));
  }

  private static Expr integralDivide(FnCall c) {
    c.arity(2, 2);
    Expr l = c.arg(0);
    Expr r = c.arg(1);
    String sql = infix(l, "div", r);
    DataType t = operandType(l, r, sql);
    SessionConf conf = c.conf();
    Expr lc =
        t instanceof DecimalType
            ? l
            : CastExpr.implicit(l, DataTypes.LongType, conf.ansi(), conf.zone());
    Expr rc =
        t instanceof DecimalType
            ? r
            : CastExpr.implicit(r, DataTypes.LongType, conf.ansi(), conf.zone());
    return Call.strictNullable(
        sql,
        DataTypes.LongType,
        List.of(lc, rc),
        a -> Arithmetic.integralDivide(a[0], a[1], conf.ansi()));
  }

  private static Expr negative(FnCall c) {
    c.arity(1, 1);
    Expr e = c.arg(0);
    if (!Types.isNumeric(e.type()) && !(e.type() instanceof NullType)) {
      throw Errors.unexpectedInputType("(- " + e.sql() + ")", 1, NUMERIC_INPUT, e.sql(), e.type());
    }
    SessionConf conf = c.conf();
    DataType t = e.type();
    return Call.strict(
        "negative(" + e.sql() + ")", t, List.of(e), a -> Arithmetic.negate(a[0], t, conf.ansi()));
  }

  /** Coerces two comparison operands to one type; BINARY_OP_DIFF_TYPES when impossible. */
  static List<Expr> comparable(Expr l, Expr r, String sql, SessionConf conf) {
    DataType t = Coercion.comparisonType(l.type(), r.type());
    if (t == null) {
      throw Errors.binaryOpDiffTypes(sql, l.type(), r.type());
    }
    return List.of(
        CastExpr.implicit(l, t, conf.ansi(), conf.zone()),
        CastExpr.implicit(r, t, conf.ansi(), conf.zone()));
  }

  private static Expr comparison(FnCall c, String op) {
    c.arity(2, 2);
    Expr l = c.arg(0);
    Expr r = c.arg(1);
    String shown = op.equals("==") ? "=" : op;
    String sql = infix(l, shown, r);
    List<Expr> operands = comparable(l, r, sql, c.conf());
    if (!op.equals("=")
        && !op.equals("==")
        && !op.equals("!=")
        && !op.equals("<>")
        && !Types.orderable(operands.get(0).type())) {
      throw Errors.invalidOrderingType(sql, shown, operands.get(0).type());
    }
    Expr call =
        Call.strict(
            sql,
            DataTypes.BooleanType,
            operands,
            a -> {
              switch (op) {
                case "=", "==":
                  return Values.equal(a[0], a[1]);
                case "!=", "<>":
                  return !Values.equal(a[0], a[1]);
                case "<":
                  return Values.compare(a[0], a[1]) < 0;
                case "<=":
                  return Values.compare(a[0], a[1]) <= 0;
                case ">":
                  return Values.compare(a[0], a[1]) > 0;
                default:
                  return Values.compare(a[0], a[1]) >= 0;
              }
            });
    switch (op) {
      case "=", "==":
        return new OpExpr(OpExpr.Op.EQUAL, call);
      case "<":
        return new OpExpr(OpExpr.Op.LESS_THAN, call);
      case "<=":
        return new OpExpr(OpExpr.Op.LESS_OR_EQUAL, call);
      case ">":
        return new OpExpr(OpExpr.Op.GREATER_THAN, call);
      case ">=":
        return new OpExpr(OpExpr.Op.GREATER_OR_EQUAL, call);
      default:
        return call;
    }
  }

  private static Expr nullSafeEqual(FnCall c) {
    c.arity(2, 2);
    Expr l = c.arg(0);
    Expr r = c.arg(1);
    String sql = infix(l, "<=>", r);
    List<Expr> operands = comparable(l, r, sql, c.conf());
    return new OpExpr(
        OpExpr.Op.NULL_SAFE_EQUAL,
        Call.nullSafe(
            sql,
            DataTypes.BooleanType,
            false,
            operands,
            a -> {
              if (a[0] == null || a[1] == null) {
                return a[0] == null && a[1] == null;
              }
              return Values.equal(a[0], a[1]);
            }));
  }

  private static Expr requireBoolean(FnCall c, int i, String sql) {
    Expr e = c.arg(i);
    if (!(e.type() instanceof BooleanType) && !(e.type() instanceof NullType)) {
      throw Errors.unexpectedInputType(sql, i + 1, "\"BOOLEAN\"", e.sql(), e.type());
    }
    return e;
  }

  private static Expr logical(FnCall c, boolean and) {
    c.arity(2, 2);
    String sql = infix(c.arg(0), and ? "AND" : "OR", c.arg(1));
    Expr l = c.arg(0);
    Expr r = c.arg(1);
    if (!(l.type() instanceof BooleanType) && !(l.type() instanceof NullType)
        || !(r.type() instanceof BooleanType) && !(r.type() instanceof NullType)) {
      if (!l.type().equals(r.type())) {
        throw Errors.binaryOpDiffTypes(sql, l.type(), r.type());
      }
      throw Errors.binaryOpWrongType(sql, "\"BOOLEAN\"", l.type());
    }
    boolean nullable = l.nullable() || r.nullable();
    Expr call =
        Call.lazy(
            sql,
            DataTypes.BooleanType,
            nullable,
            List.of(l, r),
            (row, a) -> {
              Object x = a.get(0).eval(row);
              if (x != null && (Boolean) x != and) {
                return !and;
              }
              Object y = a.get(1).eval(row);
              if (y != null && (Boolean) y != and) {
                return !and;
              }
              if (x == null || y == null) {
                return null;
              }
              return and;
            });
    return and ? new OpExpr(OpExpr.Op.AND, call) : call;
  }

  private static Expr not(FnCall c) {
    c.arity(1, 1);
    String sql = "(NOT " + c.arg(0).sql() + ")";
    Expr e = requireBoolean(c, 0, sql);
    return Call.strict(sql, DataTypes.BooleanType, List.of(e), a -> !(Boolean) a[0]);
  }

  private static Expr nullTest(FnCall c, boolean isNull) {
    c.arity(1, 1);
    Expr e = c.arg(0);
    String sql = "(" + e.sql() + (isNull ? " IS NULL)" : " IS NOT NULL)");
    return Call.nullSafe(
        sql, DataTypes.BooleanType, false, List.of(e), a -> (a[0] == null) == isNull);
  }

  private static Expr isNan(FnCall c) {
    c.arity(1, 1);
    Expr e = c.expect(0, DataTypes.DoubleType, "\"DOUBLE\"");
    return Call.nullSafe(
        "isnan(" + c.arg(0).sql() + ")",
        DataTypes.BooleanType,
        false,
        List.of(e),
        a -> a[0] != null && Double.isNaN(((Number) a[0]).doubleValue()));
  }

  private static Expr in(FnCall c) {
    List<Expr> args = c.args();
    Expr value = args.get(0);
    StringBuilder sb = new StringBuilder("(").append(value.sql()).append(" IN (");
    for (int i = 1; i < args.size(); i++) {
      sb.append(i == 1 ? "" : ", ").append(args.get(i).sql());
    }
    String sql = sb.append("))").toString();
    List<DataType> types = new ArrayList<>();
    for (Expr e : args) {
      types.add(e.type());
    }
    DataType t = Types.widerOf(types, false);
    if (t == null) {
      DataType acc = value.type();
      for (int i = 1; i < args.size() && acc != null; i++) {
        acc = Coercion.comparisonType(acc, args.get(i).type());
      }
      t = acc;
    }
    if (t == null) {
      throw Errors.analysis(
          "DATATYPE_MISMATCH.DATA_DIFF_TYPES",
          "sqlExpr",
          Errors.sqlExpr(sql),
          "functionName",
          "`in`",
          "dataType",
          typeList(types));
    }
    List<Expr> cast = new ArrayList<>();
    for (Expr e : args) {
      cast.add(CastExpr.implicit(e, t, c.conf().ansi(), c.conf().zone()));
    }
    boolean nullable = args.stream().anyMatch(Expr::nullable);
    return Call.lazy(
        sql,
        DataTypes.BooleanType,
        nullable,
        cast,
        (row, a) -> {
          Object v = a.get(0).eval(row);
          if (v == null) {
            return null;
          }
          boolean sawNull = false;
          for (int i = 1; i < a.size(); i++) {
            Object x = a.get(i).eval(row);
            if (x == null) {
              sawNull = true;
            } else if (Values.equal(v, x)) {
              return true;
            }
          }
          return sawNull ? null : false;
        });
  }

  private static String typeList(List<DataType> types) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < types.size(); i++) {
      sb.append(i == 0 ? "" : " or ").append(Errors.sqlType(types.get(i)));
    }
    return sb.append(')').toString();
  }

  private static Expr like(FnCall c, boolean caseInsensitive) {
    c.arity(2, 3);
    Expr s = c.string(0);
    Expr p = c.string(1);
    String sql = c.arg(0).sql() + (caseInsensitive ? " ILIKE " : " LIKE ") + c.arg(1).sql();
    return Call.strict(
        sql,
        DataTypes.BooleanType,
        List.of(s, p),
        a -> {
          String text = (String) a[0];
          String pattern = (String) a[1];
          Pattern regex =
              Pattern.compile(
                  likeToRegex(pattern, '\\'),
                  caseInsensitive
                      ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL
                      : Pattern.DOTALL);
          return regex.matcher(text).matches();
        });
  }

  /** Spark's LIKE pattern (% and _ with an escape character) as a Java regex. */
  static String likeToRegex(String pattern, char escape) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == escape && i + 1 < pattern.length()) {
        sb.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (ch == '%') {
        sb.append(".*");
      } else if (ch == '_') {
        sb.append('.');
      } else {
        sb.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return sb.toString();
  }

  private static Expr rlike(FnCall c) {
    c.arity(2, 2);
    Expr s = c.string(0);
    Expr p = c.string(1);
    String sql = "RLIKE(" + c.arg(0).sql() + ", " + c.arg(1).sql() + ")";
    return Call.strict(
        sql,
        DataTypes.BooleanType,
        List.of(s, p),
        a -> StringFunctions.regex((String) a[1], "rlike").matcher((String) a[0]).find());
  }

  private static Expr between(FnCall c) {
    c.arity(3, 3);
    Expr v = c.arg(0);
    Expr lo = c.arg(1);
    Expr hi = c.arg(2);
    String sql =
        "((" + v.sql() + " >= " + lo.sql() + ") AND (" + v.sql() + " <= " + hi.sql() + "))";
    List<Expr> a1 = comparable(v, lo, sql, c.conf());
    List<Expr> a2 = comparable(v, hi, sql, c.conf());
    List<Expr> all = List.of(a1.get(0), a1.get(1), a2.get(0), a2.get(1));
    boolean nullable = all.stream().anyMatch(Expr::nullable);
    return Call.lazy(
        sql,
        DataTypes.BooleanType,
        nullable,
        all,
        (row, a) -> {
          Object x = a.get(0).eval(row);
          Object l = a.get(1).eval(row);
          Object x2 = a.get(2).eval(row);
          Object h = a.get(3).eval(row);
          Boolean ge = x == null || l == null ? null : Values.compare(x, l) >= 0;
          Boolean le = x2 == null || h == null ? null : Values.compare(x2, h) <= 0;
          if (Boolean.FALSE.equals(ge) || Boolean.FALSE.equals(le)) {
            return false;
          }
          return ge == null || le == null ? null : true;
        });
  }

  private static Expr bitwise(FnCall c, char op) {
    c.arity(2, 2);
    Expr l = c.arg(0);
    Expr r = c.arg(1);
    String sql = infix(l, String.valueOf(op), r);
    DataType t = Types.widerNumeric(l.type(), r.type());
    if (t == null || !Types.isIntegral(t)) {
      throw Errors.binaryOpDiffTypes(sql, l.type(), r.type());
    }
    SessionConf conf = c.conf();
    return Call.strict(
        sql,
        t,
        List.of(cast(l, t, conf), cast(r, t, conf)),
        a -> {
          long x = ((Number) a[0]).longValue();
          long y = ((Number) a[1]).longValue();
          long v = op == '|' ? x | y : op == '&' ? x & y : x ^ y;
          return Arithmetic.coerce(v, t);
        });
  }

  private static Expr bitwiseNot(FnCall c) {
    c.arity(1, 1);
    Expr e = c.arg(0);
    DataType t = e.type();
    if (!Types.isIntegral(t)) {
      throw Errors.unexpectedInputType("~" + e.sql(), 1, "\"INTEGRAL\"", e.sql(), t);
    }
    return Call.strict(
        "~" + e.sql(), t, List.of(e), a -> Arithmetic.coerce(~((Number) a[0]).longValue(), t));
  }
}
