package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.expressions.SparkUserDefinedFunction;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.InvokeInlineUserDefinedFunction;
import org.apache.spark.sql.types.DataType;

/**
 * Java and Scala UDFs: arguments converted to external values, the function called, result
 * converted back.
 */
public final class Udfs {
  private Udfs() {}

  /** Binds {@code udf.apply(cols)}. */
  public static Expr bindInline(Binder binder, InvokeInlineUserDefinedFunction node) {
    if (!(node.function() instanceof SparkUserDefinedFunction udf)) {
      throw NotSupported.method(
          "user-defined functions of class " + node.function().getClass().getName());
    }
    List<Expr> args = new ArrayList<>();
    for (ColumnNode a : Scala.list(node.arguments())) {
      args.add(binder.bind(a));
    }
    String name = Scala.orNull(udf.givenName());
    return call(udf, name == null ? "UDF" : name, args, binder.conf());
  }

  /** A call of a user-defined function on bound arguments. */
  public static Expr call(
      SparkUserDefinedFunction udf, String name, List<Expr> args, SessionConf conf) {
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(args.get(i).sql());
    }
    String sql = sb.append(')').toString();
    DataType out = udf.dataType();
    Object f = udf.f();
    List<DataType> types = args.stream().map(Expr::type).toList();
    return Call.nullSafe(
        sql,
        out,
        udf.nullable(),
        args,
        a -> {
          Object[] ext = new Object[a.length];
          for (int i = 0; i < a.length; i++) {
            ext[i] = RowCodec.toExternal(a[i], types.get(i), conf);
          }
          Object result = invoke(f, ext);
          return RowCodec.toInternal(result, out);
        });
  }

  @SuppressWarnings("unchecked")
  private static Object invoke(Object f, Object[] a) {
    try {
      switch (a.length) {
        case 0:
          return ((scala.Function0<?>) f).apply();
        case 1:
          return ((scala.Function1<Object, ?>) cast(f)).apply(a[0]);
        case 2:
          return ((scala.Function2<Object, Object, ?>) cast(f)).apply(a[0], a[1]);
        case 3:
          return ((scala.Function3<Object, Object, Object, ?>) cast(f)).apply(a[0], a[1], a[2]);
        case 4:
          return ((scala.Function4<Object, Object, Object, Object, ?>) cast(f))
              .apply(a[0], a[1], a[2], a[3]);
        default:
          throw NotSupported.method("user-defined functions with " + a.length + " arguments");
      }
    } catch (RuntimeException e) {
      if (e instanceof UnsupportedOperationException
          || e instanceof org.apache.spark.SparkThrowable) {
        throw e;
      }
      throw Errors.<RuntimeException>sneaky(
          new org.apache.spark.SparkException(
              "FAILED_EXECUTE_UDF",
              Scala.map(
                  java.util.Map.of(
                      "functionName",
                      "`" + f.getClass().getName() + "`",
                      "signature",
                      "",
                      "result",
                      "",
                      "reason",
                      String.valueOf(e))),
              e));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object f) {
    return (T) f;
  }
}
