package dev.forgeline.mock.engine;

import java.util.List;
import org.apache.spark.sql.types.DataType;

/**
 * A function application. Strict calls return null when any argument is null (Spark's
 * null-intolerant expressions) and otherwise apply {@link Fn} to the evaluated arguments; lazy
 * calls receive the row and decide themselves which arguments to evaluate (AND, OR, CASE,
 * COALESCE).
 */
public final class Call implements Expr {
  /** The body of a strict function: evaluated arguments in, internal value out. */
  @FunctionalInterface
  public interface Fn {
    Object apply(Object[] args);
  }

  /** The body of a lazy function. */
  @FunctionalInterface
  public interface LazyFn {
    Object apply(Object[] row, List<Expr> args);
  }

  private final String sql;
  private final DataType type;
  private final boolean nullable;
  private final List<Expr> args;
  private final Fn strict;
  private final LazyFn lazy;
  private final boolean nullSafe;

  private Call(
      String sql,
      DataType type,
      boolean nullable,
      List<Expr> args,
      Fn strict,
      LazyFn lazy,
      boolean nullSafe) {
    this.sql = sql;
    this.type = type;
    this.nullable = nullable;
    this.args = List.copyOf(args);
    this.strict = strict;
    this.lazy = lazy;
    this.nullSafe = nullSafe;
  }

  /** A null-intolerant call: null in, null out; nullable if any argument is. */
  public static Call strict(String sql, DataType type, List<Expr> args, Fn fn) {
    boolean nullable = false;
    for (Expr a : args) {
      nullable |= a.nullable();
    }
    return new Call(sql, type, nullable, args, fn, null, false);
  }

  /** A null-intolerant call that may also return null for non-null input. */
  public static Call strictNullable(String sql, DataType type, List<Expr> args, Fn fn) {
    return new Call(sql, type, true, args, fn, null, false);
  }

  /** A call that sees null arguments (the function handles them). */
  public static Call nullSafe(String sql, DataType type, boolean nullable, List<Expr> args, Fn fn) {
    return new Call(sql, type, nullable, args, fn, null, true);
  }

  /** A call that evaluates its own arguments. */
  public static Call lazy(String sql, DataType type, boolean nullable, List<Expr> args, LazyFn fn) {
    return new Call(sql, type, nullable, args, null, fn, true);
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public boolean nullable() {
    return nullable;
  }

  @Override
  public String sql() {
    return sql;
  }

  @Override
  public List<Expr> children() {
    return args;
  }

  @Override
  public boolean foldable() {
    return !args.isEmpty() && args.stream().allMatch(Expr::foldable);
  }

  @Override
  public Object eval(Object[] row) {
    if (lazy != null) {
      return lazy.apply(row, args);
    }
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      Object v = args.get(i).eval(row);
      if (v == null && !nullSafe) {
        return null;
      }
      values[i] = v;
    }
    return strict.apply(values);
  }
}
