package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.Binder;
import dev.forgeline.mock.engine.Coercion;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.Lit;
import dev.forgeline.mock.engine.SessionConf;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.types.DataType;

/**
 * One function call being bound: its name, raw argument nodes, and helpers that bind arguments,
 * apply Spark's implicit input casts and raise Spark's type errors.
 */
public final class FnCall {
  private final String name;
  private final List<ColumnNode> rawArgs;
  private final boolean distinct;
  private final Binder binder;
  private final Expr[] bound;

  public FnCall(String name, List<ColumnNode> rawArgs, boolean distinct, Binder binder) {
    this.name = name;
    this.rawArgs = rawArgs;
    this.distinct = distinct;
    this.binder = binder;
    this.bound = new Expr[rawArgs.size()];
  }

  public String name() {
    return name;
  }

  public String lowerName() {
    return name.toLowerCase(Locale.ROOT);
  }

  public boolean distinct() {
    return distinct;
  }

  public Binder binder() {
    return binder;
  }

  public SessionConf conf() {
    return binder.conf();
  }

  public List<ColumnNode> rawArgs() {
    return rawArgs;
  }

  public int arity() {
    return rawArgs.size();
  }

  /** All arguments, bound (once each). */
  public List<Expr> args() {
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < rawArgs.size(); i++) {
      out.add(arg(i));
    }
    return out;
  }

  /** Argument {@code i}, bound on first use (lambda arguments are never bound here). */
  public Expr arg(int i) {
    if (bound[i] == null) {
      bound[i] = binder.bind(rawArgs.get(i));
    }
    return bound[i];
  }

  /** Throws WRONG_NUM_ARGS unless the arity is within [min, max]. */
  public FnCall arity(int min, int max) {
    if (arity() < min || arity() > max) {
      String expected =
          min == max
              ? String.valueOf(min)
              : max == Integer.MAX_VALUE ? "> " + (min - 1) : "[" + min + ", " + max + "]";
      throw Errors.wrongNumArgs(name, expected, arity());
    }
    return this;
  }

  /** Spark's default pretty name: {@code name(arg1, arg2)}. */
  public String sql() {
    return sql(lowerName());
  }

  public String sql(String prettyName) {
    StringBuilder sb = new StringBuilder(prettyName).append('(');
    List<Expr> a = args();
    for (int i = 0; i < a.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(a.get(i).sql());
    }
    return sb.append(')').toString();
  }

  /** Argument {@code i} implicitly cast to {@code type}, or UNEXPECTED_INPUT_TYPE. */
  public Expr expect(int i, DataType type, String requiredType) {
    Expr a = arg(i);
    Expr cast = Coercion.implicitCast(a, type, conf());
    if (!cast.type().equals(type)) {
      throw Errors.unexpectedInputType(sql(), i + 1, requiredType, a.sql(), a.type());
    }
    return cast;
  }

  /** Argument {@code i} as a string. */
  public Expr string(int i) {
    return expect(i, org.apache.spark.sql.types.DataTypes.StringType, "\"STRING\"");
  }

  /** Argument {@code i} as an int. */
  public Expr integer(int i) {
    return expect(i, org.apache.spark.sql.types.DataTypes.IntegerType, "\"INT\"");
  }

  /** Argument {@code i} as a double. */
  public Expr dbl(int i) {
    return expect(i, org.apache.spark.sql.types.DataTypes.DoubleType, "\"DOUBLE\"");
  }

  /** The constant value of argument {@code i}; NON_FOLDABLE_INPUT when it is not constant. */
  public Object constant(int i, String inputName, String type) {
    Expr a = arg(i);
    if (!a.foldable()) {
      throw Errors.nonFoldable(sql(), inputName, type, a.sql());
    }
    return a instanceof Lit l ? l.value() : a.eval(new Object[binder.width()]);
  }
}
