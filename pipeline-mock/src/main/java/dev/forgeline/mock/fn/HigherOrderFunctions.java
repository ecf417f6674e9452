package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.BoundLambda;
import dev.forgeline.mock.engine.Call;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;

/**
 * Higher-order functions over arrays and maps (transform, filter, exists, forall, aggregate,
 * zip_with, transform_keys, transform_values, map_filter). Lambda variables get their own row slots
 * from the binder; {@link BoundLambda#apply} evaluates the body on a copy of the row.
 */
final class HigherOrderFunctions {
  private HigherOrderFunctions() {}

  static void register(FunctionRegistry.Registrar r) {
    r.scalar("transform", HigherOrderFunctions::transform);
    r.scalar("transform_values", c -> mapTransform(c, false));
    r.scalar("transform_keys", c -> mapTransform(c, true));
    r.scalar("map_filter", HigherOrderFunctions::mapFilter);
    r.scalar("zip_with", HigherOrderFunctions::zipWith);
    r.scalar("filter", HigherOrderFunctions::filter);
    r.scalar("exists", c -> quantifier(c, true));
    r.scalar("forall", c -> quantifier(c, false));
    r.scalar("aggregate", HigherOrderFunctions::aggregate);
    r.scalar("reduce", HigherOrderFunctions::aggregate);
  }

  private static Expr mapTransform(FnCall c, boolean keys) {
    c.arity(2, 2);
    MapType mt = CollectionFunctions.mapArg(c, 0);
    BoundLambda f =
        c.binder()
            .bindLambda(
                c.rawArgs().get(1),
                List.of(mt.keyType(), mt.valueType()),
                List.of(false, mt.valueContainsNull()));
    String sql =
        (keys ? "transform_keys(" : "transform_values(") + c.arg(0).sql() + ", " + f.sql() + ")";
    MapType out =
        keys
            ? new MapType(f.body().type(), mt.valueType(), mt.valueContainsNull())
            : new MapType(mt.keyType(), f.body().type(), f.body().nullable());
    return Call.lazy(
        sql,
        out,
        c.arg(0).nullable(),
        List.of(c.arg(0)),
        (row, a) -> {
          Object v = a.get(0).eval(row);
          if (v == null) {
            return null;
          }
          Map<Object, Object> m = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            Object r = f.apply(row, e.getKey(), e.getValue());
            if (keys) {
              if (r == null) {
                throw Errors.nullMapKey();
              }
              m.put(r, e.getValue());
            } else {
              m.put(e.getKey(), r);
            }
          }
          return m;
        });
  }

  private static Expr mapFilter(FnCall c) {
    c.arity(2, 2);
    MapType mt = CollectionFunctions.mapArg(c, 0);
    BoundLambda f =
        c.binder()
            .bindLambda(
                c.rawArgs().get(1),
                List.of(mt.keyType(), mt.valueType()),
                List.of(false, mt.valueContainsNull()));
    String sql = "map_filter(" + c.arg(0).sql() + ", " + f.sql() + ")";
    return Call.lazy(
        sql,
        mt,
        c.arg(0).nullable(),
        List.of(c.arg(0)),
        (row, a) -> {
          Object v = a.get(0).eval(row);
          if (v == null) {
            return null;
          }
          Map<Object, Object> m = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            if (Boolean.TRUE.equals(f.apply(row, e.getKey(), e.getValue()))) {
              m.put(e.getKey(), e.getValue());
            }
          }
          return m;
        });
  }

  private static Expr zipWith(FnCall c) {
    c.arity(3, 3);
    ArrayType x = CollectionFunctions.arrayArg(c, 0);
    ArrayType y = CollectionFunctions.arrayArg(c, 1);
    BoundLambda f =
        c.binder()
            .bindLambda(
                c.rawArgs().get(2), List.of(x.elementType(), y.elementType()), List.of(true, true));
    String sql = "zip_with(" + c.arg(0).sql() + ", " + c.arg(1).sql() + ", " + f.sql() + ")";
    return Call.lazy(
        sql,
        new ArrayType(f.body().type(), f.body().nullable()),
        true,
        List.of(c.arg(0), c.arg(1)),
        (row, a) -> {
          Object l = a.get(0).eval(row);
          Object r = a.get(1).eval(row);
          if (l == null || r == null) {
            return null;
          }
          List<?> ll = (List<?>) l;
          List<?> rl = (List<?>) r;
          List<Object> out = new ArrayList<>();
          for (int i = 0; i < Math.max(ll.size(), rl.size()); i++) {
            out.add(
                f.apply(row, i < ll.size() ? ll.get(i) : null, i < rl.size() ? rl.get(i) : null));
          }
          return out;
        });
  }

  private static Expr transform(FnCall c) {
    c.arity(2, 2);
    ArrayType t = CollectionFunctions.arrayArg(c, 0);
    BoundLambda f =
        c.binder()
            .bindLambda(
                c.rawArgs().get(1),
                List.of(t.elementType(), DataTypes.IntegerType),
                List.of(t.containsNull(), false));
    String sql = "transform(" + c.arg(0).sql() + ", " + f.sql() + ")";
    return Call.lazy(
        sql,
        new ArrayType(f.body().type(), f.body().nullable()),
        c.arg(0).nullable(),
        List.of(c.arg(0)),
        (row, a) -> {
          Object v = a.get(0).eval(row);
          if (v == null) {
            return null;
          }
          List<Object> out = new ArrayList<>();
          List<?> l = (List<?>) v;
          for (int i = 0; i < l.size(); i++) {
            out.add(f.apply(row, l.get(i), i));
          }
          return out;
        });
  }

  private static Expr filter(FnCall c) {
    c.arity(2, 2);
    ArrayType t = CollectionFunctions.arrayArg(c, 0);
    BoundLambda f =
        c.binder()
            .bindLambda(
                c.rawArgs().get(1),
                List.of(t.elementType(), DataTypes.IntegerType),
                List.of(t.containsNull(), false));
    String sql = "filter(" + c.arg(0).sql() + ", " + f.sql() + ")";
    return Call.lazy(
        sql,
        t,
        c.arg(0).nullable(),
        List.of(c.arg(0)),
        (row, a) -> {
          Object v = a.get(0).eval(row);
          if (v == null) {
            return null;
          }
          List<Object> out = new ArrayList<>();
          List<?> l = (List<?>) v;
          for (int i = 0; i < l.size(); i++) {
            if (Boolean.TRUE.equals(f.apply(row, l.get(i), i))) {
              out.add(l.get(i));
            }
          }
          return out;
        });
  }

  private static Expr quantifier(FnCall c, boolean exists) {
    c.arity(2, 2);
    ArrayType t = CollectionFunctions.arrayArg(c, 0);
    BoundLambda f =
        c.binder()
            .bindLambda(c.rawArgs().get(1), List.of(t.elementType()), List.of(t.containsNull()));
    String sql = (exists ? "exists(" : "forall(") + c.arg(0).sql() + ", " + f.sql() + ")";
    return Call.lazy(
        sql,
        DataTypes.BooleanType,
        true,
        List.of(c.arg(0)),
        (row, a) -> {
          Object v = a.get(0).eval(row);
          if (v == null) {
            return null;
          }
          boolean sawNull = false;
          for (Object x : (List<?>) v) {
            Object r = f.apply(row, x);
            if (r == null) {
              sawNull = true;
            } else if ((Boolean) r == exists) {
              return exists;
            }
          }
          return sawNull ? null : !exists;
        });
  }

  private static Expr aggregate(FnCall c) {
    c.arity(3, 4);
    ArrayType t = CollectionFunctions.arrayArg(c, 0);
    Expr zero = c.arg(1);
    BoundLambda merge =
        c.binder()
            .bindLambda(
                c.rawArgs().get(2),
                List.of(zero.type(), t.elementType()),
                List.of(true, t.containsNull()));
    BoundLambda finish =
        c.arity() == 4
            ? c.binder().bindLambda(c.rawArgs().get(3), List.of(zero.type()), List.of(true))
            : null;
    String sql =
        c.lowerName()
            + "("
            + c.arg(0).sql()
            + ", "
            + zero.sql()
            + ", "
            + merge.sql()
            + (finish == null
                ? ", lambdafunction(namedlambdavariable(), namedlambdavariable())"
                : ", " + finish.sql())
            + ")";
    DataType out = finish == null ? zero.type() : finish.body().type();
    return Call.lazy(
        sql,
        out,
        true,
        List.of(c.arg(0), zero),
        (row, a) -> {
          Object v = a.get(0).eval(row);
          if (v == null) {
            return null;
          }
          Object acc = a.get(1).eval(row);
          for (Object x : (List<?>) v) {
            acc = merge.apply(row, acc, x);
          }
          return finish == null ? acc : finish.apply(row, acc);
        });
  }
}
