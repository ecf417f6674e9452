package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.Call;
import dev.forgeline.mock.engine.Conditionals;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.Types;
import dev.forgeline.mock.engine.Values;
import java.util.List;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NullType;

/** Null handling and conditionals: coalesce, nvl, nvl2, nullif, if, greatest, least, nanvl. */
final class ConditionalFunctions {
  private ConditionalFunctions() {}

  static void register(FunctionRegistry.Registrar r) {
    r.scalar("coalesce", c -> coalesce(c, "coalesce"));
    r.scalar("nvl", c -> coalesce(c.arity(2, 2), "nvl"));
    r.scalar("ifnull", c -> coalesce(c.arity(2, 2), "ifnull"));
    r.scalar("nvl2", ConditionalFunctions::nvl2);
    r.scalar("nullif", ConditionalFunctions::nullif);
    r.scalar("if", ConditionalFunctions::iff);
    r.scalar("iff", ConditionalFunctions::iff);
    r.scalar("greatest", c -> extreme(c, true));
    r.scalar("least", c -> extreme(c, false));
    r.scalar("nanvl", ConditionalFunctions::nanvl);
    r.scalar(
        "grouping",
        c -> {
          c.arity(1, 1);
          return c.binder().addGrouping(c.args(), false, c.sql());
        });
    r.scalar("grouping_id", c -> c.binder().addGrouping(c.args(), true, c.sql()));
    r.scalar(
        "equal_null",
        c -> {
          c.arity(2, 2);
          List<Expr> ops = OperatorFunctions.comparable(c.arg(0), c.arg(1), c.sql(), c.conf());
          return Call.nullSafe(
              c.sql(),
              DataTypes.BooleanType,
              false,
              ops,
              a -> a[0] == null || a[1] == null ? a[0] == a[1] : Values.equal(a[0], a[1]));
        });
  }

  private static Expr coalesce(FnCall c, String name) {
    if (c.arity() < 1) {
      throw Errors.wrongNumArgs(name, "> 0", 0);
    }
    String sql = c.sql(name);
    List<Expr> args = Conditionals.commonType(c.args(), sql, name, c.conf());
    boolean nullable = args.stream().allMatch(Expr::nullable);
    return Call.lazy(
        sql,
        args.get(0).type(),
        nullable,
        args,
        (row, a) -> {
          for (Expr e : a) {
            Object v = e.eval(row);
            if (v != null) {
              return v;
            }
          }
          return null;
        });
  }

  private static Expr nvl2(FnCall c) {
    c.arity(3, 3);
    List<Expr> vals =
        Conditionals.commonType(List.of(c.arg(1), c.arg(2)), c.sql(), "nvl2", c.conf());
    return Call.lazy(
        c.sql(),
        vals.get(0).type(),
        vals.get(0).nullable() || vals.get(1).nullable(),
        List.of(c.arg(0), vals.get(0), vals.get(1)),
        (row, a) -> a.get(0).eval(row) != null ? a.get(1).eval(row) : a.get(2).eval(row));
  }

  private static Expr nullif(FnCall c) {
    c.arity(2, 2);
    List<Expr> ops = OperatorFunctions.comparable(c.arg(0), c.arg(1), c.sql(), c.conf());
    Expr first = c.arg(0);
    return Call.lazy(
        c.sql(),
        first.type(),
        true,
        List.of(first, ops.get(0), ops.get(1)),
        (row, a) -> {
          Object x = a.get(1).eval(row);
          Object y = a.get(2).eval(row);
          if (x != null && y != null && Values.equal(x, y)) {
            return null;
          }
          return a.get(0).eval(row);
        });
  }

  private static Expr iff(FnCall c) {
    c.arity(3, 3);
    String sql = "(IF(" + c.arg(0).sql() + ", " + c.arg(1).sql() + ", " + c.arg(2).sql() + "))";
    Expr cond = c.arg(0);
    if (!(cond.type() instanceof BooleanType) && !(cond.type() instanceof NullType)) {
      throw Errors.unexpectedInputType(sql, 1, "\"BOOLEAN\"", cond.sql(), cond.type());
    }
    List<Expr> vals = Conditionals.commonType(List.of(c.arg(1), c.arg(2)), sql, "if", c.conf());
    return Call.lazy(
        sql,
        vals.get(0).type(),
        vals.get(0).nullable() || vals.get(1).nullable(),
        List.of(cond, vals.get(0), vals.get(1)),
        (row, a) ->
            Boolean.TRUE.equals(a.get(0).eval(row)) ? a.get(1).eval(row) : a.get(2).eval(row));
  }

  private static Expr extreme(FnCall c, boolean greatest) {
    String name = greatest ? "greatest" : "least";
    if (c.arity() < 2) {
      throw Errors.wrongNumArgs(name, "> 1", c.arity());
    }
    List<Expr> args = Conditionals.commonType(c.args(), c.sql(), name, c.conf());
    if (!Types.orderable(args.get(0).type())) {
      throw Errors.invalidOrderingType(c.sql(), name, args.get(0).type());
    }
    boolean nullable = args.stream().allMatch(Expr::nullable);
    return Call.nullSafe(
        c.sql(),
        args.get(0).type(),
        nullable,
        args,
        a -> {
          Object best = null;
          for (Object v : a) {
            if (v != null
                && (best == null
                    || (greatest ? Values.compare(v, best) > 0 : Values.compare(v, best) < 0))) {
              best = v;
            }
          }
          return best;
        });
  }

  private static Expr nanvl(FnCall c) {
    c.arity(2, 2);
    Expr a0 = c.dbl(0);
    Expr a1 = c.dbl(1);
    return Call.lazy(
        c.sql(),
        DataTypes.DoubleType,
        a0.nullable() || a1.nullable(),
        List.of(a0, a1),
        (row, a) -> {
          Object x = a.get(0).eval(row);
          if (x != null && Double.isNaN((Double) x)) {
            return a.get(1).eval(row);
          }
          return x;
        });
  }
}
