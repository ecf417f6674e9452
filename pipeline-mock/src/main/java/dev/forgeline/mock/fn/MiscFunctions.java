package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.Call;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.Lit;
import dev.forgeline.mock.engine.Types;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;

/**
 * Constants, session information and small utilities: pi, e, typeof, uuid, url/str_to_map helpers.
 */
final class MiscFunctions {
  private MiscFunctions() {}

  static void register(FunctionRegistry.Registrar r) {
    r.scalar("pi", c -> new Lit(Math.PI, DataTypes.DoubleType, "PI()"));
    r.scalar("e", c -> new Lit(Math.E, DataTypes.DoubleType, "E()"));
    r.scalar("current_database", c -> new Lit("default", DataTypes.StringType, "current_schema()"));
    r.scalar("current_schema", c -> new Lit("default", DataTypes.StringType, "current_schema()"));
    r.scalar(
        "current_catalog",
        c -> new Lit("spark_catalog", DataTypes.StringType, "current_catalog()"));
    r.scalar(
        "current_user",
        c -> new Lit(System.getProperty("user.name"), DataTypes.StringType, "current_user()"));
    r.scalar("user", c -> new Lit(System.getProperty("user.name"), DataTypes.StringType, "user()"));
    r.scalar(
        "session_user",
        c -> new Lit(System.getProperty("user.name"), DataTypes.StringType, "session_user()"));
    r.scalar("version", c -> new Lit("4.1.3 mock", DataTypes.StringType, "version()"));
    r.scalar("spark_partition_id", c -> new Lit(0, DataTypes.IntegerType, "SPARK_PARTITION_ID()"));
    r.scalar("input_file_name", c -> new Lit("", DataTypes.StringType, "input_file_name()"));
    r.scalar(
        "typeof",
        c -> {
          c.arity(1, 1);
          return new Lit(c.arg(0).type().simpleString(), DataTypes.StringType, c.sql());
        });
    r.scalar(
        "uuid",
        c -> {
          c.binder().nondeterministic();
          return Call.lazy(
              "uuid()",
              DataTypes.StringType,
              false,
              List.of(),
              (row, a) -> UUID.randomUUID().toString());
        });
    r.scalar(
        "nullifzero",
        c -> {
          c.arity(1, 1);
          Expr e = c.arg(0);
          return Call.strictNullable(
              c.sql(),
              e.type(),
              List.of(e),
              a -> dev.forgeline.mock.engine.Arithmetic.isZero((Number) a[0]) ? null : a[0]);
        });
    r.scalar(
        "zeroifnull",
        c -> {
          c.arity(1, 1);
          Expr e = c.arg(0);
          DataType t = e.type();
          return Call.nullSafe(
              c.sql(),
              t,
              false,
              List.of(e),
              a -> a[0] == null ? dev.forgeline.mock.engine.Arithmetic.coerce(0, t) : a[0]);
        });
    r.scalar("chr", MiscFunctions::chr);
    r.scalar("char", MiscFunctions::chr);
    r.scalar(
        "bit_count",
        c -> {
          c.arity(1, 1);
          Expr e = c.arg(0);
          if (!Types.isIntegral(e.type()) && !Types.isBoolean(e.type())) {
            throw Errors.unexpectedInputType(
                c.sql(), 1, "(\"INTEGRAL\" or \"BOOLEAN\")", e.sql(), e.type());
          }
          return Call.strict(
              c.sql(),
              DataTypes.IntegerType,
              List.of(e),
              a ->
                  a[0] instanceof Boolean b
                      ? (b ? 1 : 0)
                      : Long.bitCount(((Number) a[0]).longValue()));
        });
    r.scalar(
        "elt",
        c -> {
          List<Expr> args = new ArrayList<>();
          args.add(c.integer(0));
          for (int i = 1; i < c.arity(); i++) {
            args.add(c.string(i));
          }
          boolean ansi = c.conf().ansi();
          return Call.nullSafe(
              c.sql(),
              DataTypes.StringType,
              true,
              args,
              a -> {
                if (a[0] == null) {
                  return null;
                }
                int n = (Integer) a[0];
                if (n < 1 || n >= a.length) {
                  if (ansi) {
                    throw Errors.invalidArrayIndex(n, a.length - 1, false);
                  }
                  return null;
                }
                return a[n];
              });
        });
    r.scalar(
        "str_to_map",
        c -> {
          c.arity(1, 3);
          List<Expr> args = new ArrayList<>(List.of(c.string(0)));
          args.add(c.arity() > 1 ? c.string(1) : new Lit(",", DataTypes.StringType, ","));
          args.add(c.arity() > 2 ? c.string(2) : new Lit(":", DataTypes.StringType, ":"));
          String sql = StringFunctions.sqlOf("str_to_map", args);
          return Call.strict(
              sql,
              new MapType(DataTypes.StringType, DataTypes.StringType, true),
              args,
              a -> {
                Map<Object, Object> m = new LinkedHashMap<>();
                for (String pair :
                    ((String) a[0]).split(java.util.regex.Pattern.quote((String) a[1]), -1)) {
                  String[] kv = pair.split(java.util.regex.Pattern.quote((String) a[2]), 2);
                  m.put(kv[0], kv.length > 1 ? kv[1] : null);
                }
                return m;
              });
        });
    r.scalar(
        "url_encode",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.StringType,
              List.of(c.string(0)),
              a -> java.net.URLEncoder.encode((String) a[0], StandardCharsets.UTF_8));
        });
    r.scalar(
        "url_decode",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.StringType,
              List.of(c.string(0)),
              a -> java.net.URLDecoder.decode((String) a[0], StandardCharsets.UTF_8));
        });
    r.scalar(
        "width_bucket",
        c -> {
          c.arity(4, 4);
          return Call.strictNullable(
              c.sql(),
              DataTypes.LongType,
              List.of(c.dbl(0), c.dbl(1), c.dbl(2), c.expect(3, DataTypes.LongType, "\"BIGINT\"")),
              a -> {
                double v = (Double) a[0];
                double min = (Double) a[1];
                double max = (Double) a[2];
                long n = (Long) a[3];
                if (n <= 0 || min == max || Double.isNaN(v)) {
                  return null;
                }
                boolean asc = min < max;
                if (asc ? v < min : v > min) {
                  return 0L;
                }
                if (asc ? v >= max : v <= max) {
                  return n + 1;
                }
                return (long) (n * (v - min) / (max - min)) + 1;
              });
        });
  }

  private static Expr chr(FnCall c) {
    c.arity(1, 1);
    return Call.strict(
        c.sql(),
        DataTypes.StringType,
        List.of(c.expect(0, DataTypes.LongType, "\"BIGINT\"")),
        a -> {
          long n = (Long) a[0];
          if (n < 0) {
            return "";
          }
          return String.valueOf((char) (n % 256));
        });
  }
}
