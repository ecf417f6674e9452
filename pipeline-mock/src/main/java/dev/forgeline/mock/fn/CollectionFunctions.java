package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.BoundLambda;
import dev.forgeline.mock.engine.Call;
import dev.forgeline.mock.engine.ColumnRef;
import dev.forgeline.mock.engine.Conditionals;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.ExtractField;
import dev.forgeline.mock.engine.Extraction;
import dev.forgeline.mock.engine.Types;
import dev.forgeline.mock.engine.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.internal.Alias;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Arrays, maps and structs: constructors, accessors, set operations and higher-order functions. */
final class CollectionFunctions {
  private CollectionFunctions() {}

  static void register(FunctionRegistry.Registrar r) {
    r.scalar("array", CollectionFunctions::array);
    r.scalar("struct", CollectionFunctions::struct);
    r.scalar("named_struct", CollectionFunctions::namedStruct);
    r.scalar("map", CollectionFunctions::map);
    r.scalar("concat", CollectionFunctions::concat);
    r.scalar("size", c -> size(c, "size"));
    r.scalar("cardinality", c -> size(c, "cardinality"));
    r.scalar(
        "array_contains",
        c -> {
          c.arity(2, 2);
          ArrayType at = arrayArg(c, 0);
          DataType common = Types.wider(at.elementType(), c.arg(1).type());
          if (common == null) {
            throw Errors.analysis(
                "DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES",
                "sqlExpr",
                Errors.sqlExpr(c.sql()),
                "functionName",
                "`array_contains`",
                "dataType",
                "\"ARRAY\"",
                "leftType",
                Errors.sqlType(at),
                "rightType",
                Errors.sqlType(c.arg(1).type()));
          }
          Expr v =
              dev.forgeline.mock.engine.CastExpr.implicit(
                  c.arg(1), at.elementType(), c.conf().ansi(), c.conf().zone());
          return Call.strictNullable(
              c.sql(),
              DataTypes.BooleanType,
              List.of(c.arg(0), v),
              a -> {
                boolean sawNull = false;
                for (Object x : (List<?>) a[0]) {
                  if (x == null) {
                    sawNull = true;
                  } else if (Values.equal(x, a[1])) {
                    return true;
                  }
                }
                return sawNull ? null : false;
              });
        });
    r.scalar("sort_array", CollectionFunctions::sortArray);
    r.scalar("array_sort", CollectionFunctions::arraySort);
    r.scalar("map_keys", c -> mapPart(c, true));
    r.scalar("map_values", c -> mapPart(c, false));
    r.scalar(
        "map_from_arrays",
        c -> {
          c.arity(2, 2);
          ArrayType k = arrayArg(c, 0);
          ArrayType v = arrayArg(c, 1);
          return Call.strict(
              c.sql(),
              new MapType(k.elementType(), v.elementType(), v.containsNull()),
              List.of(c.arg(0), c.arg(1)),
              a -> {
                List<?> ks = (List<?>) a[0];
                List<?> vs = (List<?>) a[1];
                Map<Object, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < ks.size(); i++) {
                  if (ks.get(i) == null) {
                    throw Errors.nullMapKey();
                  }
                  m.put(ks.get(i), vs.get(i));
                }
                return m;
              });
        });
    r.scalar("element_at", CollectionFunctions::elementAt);
    r.scalar("try_element_at", CollectionFunctions::elementAt);
    r.scalar("array_distinct", c -> arrayOp(c, 1, (x, y) -> distinct(x)));
    r.scalar(
        "array_union",
        c ->
            arrayOp(
                c,
                2,
                (x, y) -> {
                  List<Object> all = new ArrayList<>(x);
                  all.addAll(y);
                  return distinct(all);
                }));
    r.scalar(
        "array_intersect",
        c ->
            arrayOp(
                c,
                2,
                (x, y) -> {
                  Set<Object> keys = keys(y);
                  List<Object> out = new ArrayList<>();
                  for (Object v : distinct(x)) {
                    if (keys.contains(Values.key(v))) {
                      out.add(v);
                    }
                  }
                  return out;
                }));
    r.scalar(
        "array_except",
        c ->
            arrayOp(
                c,
                2,
                (x, y) -> {
                  Set<Object> keys = keys(y);
                  List<Object> out = new ArrayList<>();
                  for (Object v : distinct(x)) {
                    if (!keys.contains(Values.key(v))) {
                      out.add(v);
                    }
                  }
                  return out;
                }));
    r.scalar(
        "arrays_overlap",
        c -> {
          c.arity(2, 2);
          return Call.strictNullable(
              c.sql(),
              DataTypes.BooleanType,
              List.of(c.arg(0), c.arg(1)),
              a -> {
                List<?> x = (List<?>) a[0];
                List<?> y = (List<?>) a[1];
                Set<Object> keys = keys(y);
                boolean sawNull = y.contains(null);
                for (Object v : x) {
                  if (v == null) {
                    sawNull = true;
                  } else if (keys.contains(Values.key(v))) {
                    return true;
                  }
                }
                return sawNull && !x.isEmpty() && !y.isEmpty() ? null : false;
              });
        });
    r.scalar("array_join", CollectionFunctions::arrayJoin);
    r.scalar("array_max", c -> arrayExtreme(c, true));
    r.scalar("array_min", c -> arrayExtreme(c, false));
    r.scalar(
        "array_position",
        c -> {
          c.arity(2, 2);
          return Call.strict(
              c.sql(),
              DataTypes.LongType,
              List.of(c.arg(0), c.arg(1)),
              a -> {
                List<?> l = (List<?>) a[0];
                for (int i = 0; i < l.size(); i++) {
                  if (l.get(i) != null && Values.equal(l.get(i), a[1])) {
                    return (long) i + 1;
                  }
                }
                return 0L;
              });
        });
    r.scalar(
        "array_remove",
        c -> {
          c.arity(2, 2);
          return Call.strict(
              c.sql(),
              c.arg(0).type(),
              List.of(c.arg(0), c.arg(1)),
              a -> {
                List<Object> out = new ArrayList<>();
                for (Object v : (List<?>) a[0]) {
                  if (v == null || !Values.equal(v, a[1])) {
                    out.add(v);
                  }
                }
                return out;
              });
        });
    r.scalar(
        "array_repeat",
        c -> {
          c.arity(2, 2);
          Expr times = c.integer(1);
          return Call.nullSafe(
              c.sql(),
              new ArrayType(c.arg(0).type(), c.arg(0).nullable()),
              times.nullable(),
              List.of(c.arg(0), times),
              a ->
                  a[1] == null
                      ? null
                      : new ArrayList<Object>(
                          Collections.nCopies(Math.max(0, (Integer) a[1]), a[0])));
        });
    r.scalar(
        "slice",
        c -> {
          c.arity(3, 3);
          arrayArg(c, 0);
          return Call.strict(
              c.sql(),
              c.arg(0).type(),
              List.of(c.arg(0), c.integer(1), c.integer(2)),
              a -> {
                List<?> l = (List<?>) a[0];
                int start = (Integer) a[1];
                int len = (Integer) a[2];
                if (start == 0) {
                  throw Errors.invalidParameter("START", "start", "slice");
                }
                if (len < 0) {
                  throw Errors.invalidParameter(
                      "LENGTH", "length", "slice", "length", String.valueOf(len));
                }
                int from = start > 0 ? start - 1 : l.size() + start;
                if (from < 0 || from >= l.size()) {
                  return new ArrayList<>();
                }
                return new ArrayList<Object>(l.subList(from, Math.min(l.size(), from + len)));
              });
        });
    r.scalar(
        "flatten",
        c -> {
          c.arity(1, 1);
          ArrayType outer = arrayArg(c, 0);
          if (!(outer.elementType() instanceof ArrayType inner)) {
            throw Errors.unexpectedInputType(
                c.sql(), 1, "\"ARRAY\" of \"ARRAY\"", c.arg(0).sql(), c.arg(0).type());
          }
          return Call.strictNullable(
              c.sql(),
              inner,
              List.of(c.arg(0)),
              a -> {
                List<Object> out = new ArrayList<>();
                for (Object x : (List<?>) a[0]) {
                  if (x == null) {
                    return null;
                  }
                  out.addAll((List<?>) x);
                }
                return out;
              });
        });
    r.scalar(
        "reverse",
        c -> {
          c.arity(1, 1);
          if (c.arg(0).type() instanceof ArrayType) {
            return Call.strict(
                c.sql(),
                c.arg(0).type(),
                List.of(c.arg(0)),
                a -> {
                  List<Object> out = new ArrayList<>((List<?>) a[0]);
                  Collections.reverse(out);
                  return out;
                });
          }
          return Call.strict(
              c.sql(),
              DataTypes.StringType,
              List.of(c.string(0)),
              a -> new StringBuilder((String) a[0]).reverse().toString());
        });
    r.scalar("sequence", CollectionFunctions::sequence);
    r.scalar(
        "array_append",
        c -> {
          c.arity(2, 2);
          ArrayType t = arrayArg(c, 0);
          Expr v =
              dev.forgeline.mock.engine.CastExpr.implicit(
                  c.arg(1), t.elementType(), c.conf().ansi(), c.conf().zone());
          ArrayType out = new ArrayType(t.elementType(), t.containsNull() || v.nullable());
          return Call.nullSafe(
              c.sql(),
              out,
              c.arg(0).nullable(),
              List.of(c.arg(0), v),
              a -> {
                if (a[0] == null) {
                  return null;
                }
                List<Object> l = new ArrayList<>((List<?>) a[0]);
                l.add(a[1]);
                return l;
              });
        });
    r.scalar(
        "array_prepend",
        c -> {
          c.arity(2, 2);
          ArrayType t = arrayArg(c, 0);
          Expr v =
              dev.forgeline.mock.engine.CastExpr.implicit(
                  c.arg(1), t.elementType(), c.conf().ansi(), c.conf().zone());
          ArrayType out = new ArrayType(t.elementType(), t.containsNull() || v.nullable());
          return Call.nullSafe(
              c.sql(),
              out,
              c.arg(0).nullable(),
              List.of(c.arg(0), v),
              a -> {
                if (a[0] == null) {
                  return null;
                }
                List<Object> l = new ArrayList<>();
                l.add(a[1]);
                l.addAll((List<?>) a[0]);
                return l;
              });
        });
    r.scalar(
        "array_compact",
        c -> {
          c.arity(1, 1);
          ArrayType t = arrayArg(c, 0);
          return Call.strict(
              c.sql(),
              new ArrayType(t.elementType(), false),
              List.of(c.arg(0)),
              a -> {
                List<Object> l = new ArrayList<>();
                for (Object x : (List<?>) a[0]) {
                  if (x != null) {
                    l.add(x);
                  }
                }
                return l;
              });
        });
    r.scalar(
        "array_size",
        c -> {
          c.arity(1, 1);
          arrayArg(c, 0);
          return Call.strict(
              c.sql(), DataTypes.IntegerType, List.of(c.arg(0)), a -> ((List<?>) a[0]).size());
        });
    r.scalar(
        "get",
        c -> {
          c.arity(2, 2);
          ArrayType t = arrayArg(c, 0);
          return Call.strictNullable(
              c.sql(),
              t.elementType(),
              List.of(c.arg(0), c.integer(1)),
              a -> {
                List<?> l = (List<?>) a[0];
                int i = (Integer) a[1];
                return i < 0 || i >= l.size() ? null : l.get(i);
              });
        });
    r.scalar(
        "map_contains_key",
        c -> {
          c.arity(2, 2);
          MapType mt = mapArg(c, 0);
          Expr k =
              dev.forgeline.mock.engine.CastExpr.implicit(
                  c.arg(1), mt.keyType(), c.conf().ansi(), c.conf().zone());
          return Call.strict(
              c.sql(),
              DataTypes.BooleanType,
              List.of(c.arg(0), k),
              a -> {
                for (Object key : ((Map<?, ?>) a[0]).keySet()) {
                  if (Values.equal(key, a[1])) {
                    return true;
                  }
                }
                return false;
              });
        });
    r.scalar(
        "map_entries",
        c -> {
          c.arity(1, 1);
          MapType mt = mapArg(c, 0);
          StructType entry =
              new StructType(
                  new StructField[] {
                    new StructField("key", mt.keyType(), false, Metadata.empty()),
                    new StructField(
                        "value", mt.valueType(), mt.valueContainsNull(), Metadata.empty())
                  });
          return Call.strict(
              c.sql(),
              new ArrayType(entry, false),
              List.of(c.arg(0)),
              a -> {
                List<Object> out = new ArrayList<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) a[0]).entrySet()) {
                  out.add(new Object[] {e.getKey(), e.getValue()});
                }
                return out;
              });
        });
    r.scalar(
        "map_from_entries",
        c -> {
          c.arity(1, 1);
          ArrayType t = arrayArg(c, 0);
          if (!(t.elementType() instanceof StructType st) || st.length() != 2) {
            throw Errors.unexpectedInputType(
                c.sql(), 1, "\"ARRAY\" of pair \"STRUCT\"", c.arg(0).sql(), c.arg(0).type());
          }
          MapType out =
              new MapType(
                  st.fields()[0].dataType(), st.fields()[1].dataType(), st.fields()[1].nullable());
          return Call.strict(
              c.sql(),
              out,
              List.of(c.arg(0)),
              a -> {
                Map<Object, Object> m = new LinkedHashMap<>();
                for (Object e : (List<?>) a[0]) {
                  Object[] pair = (Object[]) e;
                  if (pair[0] == null) {
                    throw Errors.nullMapKey();
                  }
                  m.put(pair[0], pair[1]);
                }
                return m;
              });
        });
    r.scalar(
        "map_concat",
        c -> {
          List<Expr> args = c.args();
          DataType t = Types.widerOf(args.stream().map(Expr::type).toList(), false);
          if (!(t instanceof MapType mt)) {
            throw Errors.analysis(
                "DATATYPE_MISMATCH.MAP_CONCAT_DIFF_TYPES",
                "sqlExpr",
                Errors.sqlExpr(c.sql()),
                "functionName",
                "`map_concat`",
                "dataType",
                "["
                    + String.join(", ", args.stream().map(e -> Errors.sqlType(e.type())).toList())
                    + "]");
          }
          return Call.strict(
              c.sql(),
              mt,
              args,
              a -> {
                Map<Object, Object> m = new LinkedHashMap<>();
                for (Object x : a) {
                  for (Map.Entry<?, ?> e : ((Map<?, ?>) x).entrySet()) {
                    Object existing = null;
                    for (Object k : m.keySet()) {
                      if (Values.equal(k, e.getKey())) {
                        existing = k;
                      }
                    }
                    if (existing != null) {
                      throw new org.apache.spark.SparkRuntimeException(
                          "DUPLICATED_MAP_KEY",
                          dev.forgeline.mock.engine.Scala.map(
                              Map.of(
                                  "key",
                                  String.valueOf(e.getKey()),
                                  "mapKeyDedupPolicy",
                                  "\"spark.sql.mapKeyDedupPolicy\"")),
                          null,
                          new org.apache.spark.QueryContext[0],
                          "");
                    }
                    m.put(e.getKey(), e.getValue());
                  }
                }
                return m;
              });
        });
    r.scalar("arrays_zip", CollectionFunctions::arraysZip);
  }

  static ArrayType arrayArg(FnCall c, int i) {
    Expr e = c.arg(i);
    if (e.type() instanceof ArrayType at) {
      return at;
    }
    if (e.type() instanceof NullType) {
      return new ArrayType(DataTypes.NullType, true);
    }
    throw Errors.unexpectedInputType(c.sql(), i + 1, "\"ARRAY\"", e.sql(), e.type());
  }

  static MapType mapArg(FnCall c, int i) {
    Expr e = c.arg(i);
    if (e.type() instanceof MapType mt) {
      return mt;
    }
    throw Errors.unexpectedInputType(c.sql(), i + 1, "\"MAP\"", e.sql(), e.type());
  }

  private static List<Object> distinct(List<?> x) {
    Set<Object> seen = new LinkedHashSet<>();
    List<Object> out = new ArrayList<>();
    for (Object v : x) {
      if (seen.add(Values.key(v))) {
        out.add(v);
      }
    }
    return out;
  }

  private static Set<Object> keys(List<?> x) {
    Set<Object> out = new LinkedHashSet<>();
    for (Object v : x) {
      out.add(Values.key(v));
    }
    return out;
  }

  private interface ArrayBody {
    List<Object> apply(List<?> x, List<?> y);
  }

  private static Expr arrayOp(FnCall c, int arity, ArrayBody body) {
    c.arity(arity, arity);
    ArrayType t = arrayArg(c, 0);
    List<Expr> args = new ArrayList<>(List.of(c.arg(0)));
    if (arity == 2) {
      ArrayType u = arrayArg(c, 1);
      DataType w = Types.wider(t, u);
      if (w == null) {
        throw Errors.analysis(
            "DATATYPE_MISMATCH.BINARY_ARRAY_DIFF_TYPES",
            "sqlExpr",
            Errors.sqlExpr(c.sql()),
            "functionName",
            "`" + c.lowerName() + "`",
            "arrayType",
            "\"ARRAY\"",
            "leftType",
            Errors.sqlType(t),
            "rightType",
            Errors.sqlType(u));
      }
      boolean containsNull =
          c.lowerName().equals("array_intersect")
              ? t.containsNull() && u.containsNull()
              : c.lowerName().equals("array_except")
                  ? t.containsNull()
                  : ((ArrayType) w).containsNull();
      t = new ArrayType(((ArrayType) w).elementType(), containsNull);
      args.add(c.arg(1));
    }
    DataType out = t;
    return Call.strict(
        c.sql(),
        out,
        args,
        a -> body.apply((List<?>) a[0], a.length > 1 ? (List<?>) a[1] : List.of()));
  }

  private static Expr array(FnCall c) {
    List<Expr> args = c.args();
    DataType elem =
        args.isEmpty()
            ? DataTypes.NullType
            : Types.widerOf(args.stream().map(Expr::type).toList(), true);
    if (elem == null) {
      throw Errors.dataDiffTypes(c.sql(), "array", args.stream().map(Expr::type).toList());
    }
    List<Expr> cast =
        args.isEmpty() ? args : Conditionals.commonType(args, c.sql(), "array", c.conf());
    boolean containsNull = args.stream().anyMatch(Expr::nullable);
    return Call.nullSafe(
        c.sql(),
        new ArrayType(elem, containsNull),
        false,
        cast,
        a -> {
          List<Object> out = new ArrayList<>(a.length);
          Collections.addAll(out, a);
          return out;
        });
  }

  private static Expr struct(FnCall c) {
    List<Expr> args = c.args();
    StructField[] fields = new StructField[args.size()];
    for (int i = 0; i < fields.length; i++) {
      Expr e = args.get(i);
      String name;
      if (c.rawArgs().get(i) instanceof Alias alias) {
        name = dev.forgeline.mock.engine.Scala.list(alias.name()).get(0);
      } else if (e instanceof ColumnRef ref) {
        name = ref.field().name();
      } else if (e instanceof ExtractField ef) {
        name = ef.field().name();
      } else {
        name = "col" + (i + 1);
      }
      fields[i] = new StructField(name, e.type(), e.nullable(), Metadata.empty());
    }
    return Call.nullSafe(c.sql(), new StructType(fields), false, args, a -> a.clone());
  }

  private static Expr namedStruct(FnCall c) {
    if (c.arity() % 2 != 0) {
      throw Errors.wrongNumArgs("named_struct", "2n (n > 0)", c.arity());
    }
    List<Expr> values = new ArrayList<>();
    StructField[] fields = new StructField[c.arity() / 2];
    for (int i = 0; i < fields.length; i++) {
      String name = String.valueOf(c.constant(2 * i, "name", "\"STRING\""));
      Expr v = c.arg(2 * i + 1);
      values.add(v);
      fields[i] = new StructField(name, v.type(), v.nullable(), Metadata.empty());
    }
    return Call.nullSafe(c.sql(), new StructType(fields), false, values, a -> a.clone());
  }

  private static Expr map(FnCall c) {
    if (c.arity() % 2 != 0) {
      throw Errors.wrongNumArgs("map", "2n (n > 0)", c.arity());
    }
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    for (int i = 0; i < c.arity(); i += 2) {
      keys.add(c.arg(i));
      values.add(c.arg(i + 1));
    }
    List<Expr> k = keys.isEmpty() ? keys : Conditionals.commonType(keys, c.sql(), "map", c.conf());
    List<Expr> v =
        values.isEmpty() ? values : Conditionals.commonType(values, c.sql(), "map", c.conf());
    DataType kt = k.isEmpty() ? DataTypes.StringType : k.get(0).type();
    DataType vt = v.isEmpty() ? DataTypes.StringType : v.get(0).type();
    List<Expr> args = new ArrayList<>();
    for (int i = 0; i < k.size(); i++) {
      args.add(k.get(i));
      args.add(v.get(i));
    }
    boolean valueNull = v.stream().anyMatch(Expr::nullable);
    return Call.nullSafe(
        c.sql(),
        new MapType(kt, vt, valueNull),
        false,
        args,
        a -> {
          Map<Object, Object> m = new LinkedHashMap<>();
          for (int i = 0; i < a.length; i += 2) {
            if (a[i] == null) {
              throw Errors.nullMapKey();
            }
            Object existing = null;
            for (Object key : m.keySet()) {
              if (Values.equal(key, a[i])) {
                existing = key;
              }
            }
            if (existing != null) {
              throw new org.apache.spark.SparkRuntimeException(
                  "DUPLICATED_MAP_KEY",
                  dev.forgeline.mock.engine.Scala.map(
                      Map.of(
                          "key",
                          String.valueOf(a[i]),
                          "mapKeyDedupPolicy",
                          "\"spark.sql.mapKeyDedupPolicy\"")),
                  null,
                  new org.apache.spark.QueryContext[0],
                  "");
            }
            m.put(a[i], a[i + 1]);
          }
          return m;
        });
  }

  private static Expr concat(FnCall c) {
    List<Expr> args = c.args();
    if (!args.isEmpty() && args.stream().allMatch(e -> e.type() instanceof ArrayType)) {
      DataType t = Types.widerOf(args.stream().map(Expr::type).toList(), false);
      if (t == null) {
        throw Errors.dataDiffTypes(c.sql(), "concat", args.stream().map(Expr::type).toList());
      }
      return Call.strict(
          c.sql(),
          t,
          args,
          a -> {
            List<Object> out = new ArrayList<>();
            for (Object x : a) {
              out.addAll((List<?>) x);
            }
            return out;
          });
    }
    List<Expr> strings = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      strings.add(
          args.get(i).type() instanceof org.apache.spark.sql.types.BinaryType
              ? args.get(i)
              : c.string(i));
    }
    return Call.strict(
        c.sql(),
        DataTypes.StringType,
        strings,
        a -> {
          StringBuilder sb = new StringBuilder();
          for (Object x : a) {
            sb.append(
                x instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : x);
          }
          return sb.toString();
        });
  }

  private static Expr size(FnCall c, String name) {
    c.arity(1, 1);
    Expr e = c.arg(0);
    if (!(e.type() instanceof ArrayType)
        && !(e.type() instanceof MapType)
        && !(e.type() instanceof NullType)) {
      throw Errors.unexpectedInputType(c.sql(name), 1, "(\"ARRAY\" or \"MAP\")", e.sql(), e.type());
    }
    boolean legacyNull = !c.conf().ansi();
    return Call.nullSafe(
        c.sql(name),
        DataTypes.IntegerType,
        !legacyNull && e.nullable(),
        List.of(e),
        a -> {
          if (a[0] == null) {
            return legacyNull ? -1 : null;
          }
          return a[0] instanceof List<?> l ? l.size() : ((Map<?, ?>) a[0]).size();
        });
  }

  private static Expr sortArray(FnCall c) {
    c.arity(1, 2);
    arrayArg(c, 0);
    boolean asc =
        c.arity() < 2 || Boolean.TRUE.equals(c.constant(1, "ascendingOrder", "\"BOOLEAN\""));
    return Call.strict(
        c.sql(),
        c.arg(0).type(),
        List.of(c.arg(0)),
        a -> {
          List<Object> out = new ArrayList<>((List<?>) a[0]);
          out.sort(asc ? Values::compareNullsFirst : (x, y) -> -Values.compareNullsFirst(x, y));
          return out;
        });
  }

  private static Expr arraySort(FnCall c) {
    c.arity(1, 2);
    ArrayType t = arrayArg(c, 0);
    if (c.arity() == 2) {
      BoundLambda f =
          c.binder()
              .bindLambda(
                  c.rawArgs().get(1),
                  List.of(t.elementType(), t.elementType()),
                  List.of(true, true));
      return Call.lazy(
          c.sql(),
          t,
          c.arg(0).nullable(),
          List.of(c.arg(0)),
          (row, a) -> {
            Object v = a.get(0).eval(row);
            if (v == null) {
              return null;
            }
            List<Object> out = new ArrayList<>((List<?>) v);
            out.sort((x, y) -> ((Number) f.apply(row, x, y)).intValue());
            return out;
          });
    }
    String v = "namedlambdavariable()";
    String sql =
        "array_sort("
            + c.arg(0).sql()
            + ", lambdafunction((IF((("
            + v
            + " IS NULL) AND ("
            + v
            + " IS NULL)), 0, (IF(("
            + v
            + " IS NULL), 1, (IF(("
            + v
            + " IS NULL), -1, (IF(("
            + v
            + " < "
            + v
            + "), -1, (IF(("
            + v
            + " > "
            + v
            + "), 1, 0)))))))))), "
            + v
            + ", "
            + v
            + "))";
    return Call.strict(
        sql,
        t,
        List.of(c.arg(0)),
        a -> {
          List<Object> out = new ArrayList<>((List<?>) a[0]);
          out.sort(
              (x, y) -> x == null ? (y == null ? 0 : 1) : y == null ? -1 : Values.compare(x, y));
          return out;
        });
  }

  private static Expr mapPart(FnCall c, boolean keys) {
    c.arity(1, 1);
    Expr e = c.arg(0);
    if (!(e.type() instanceof MapType mt)) {
      throw Errors.unexpectedInputType(c.sql(), 1, "\"MAP\"", e.sql(), e.type());
    }
    DataType t =
        keys
            ? new ArrayType(mt.keyType(), true)
            : new ArrayType(mt.valueType(), mt.valueContainsNull());
    return Call.strict(
        c.sql(),
        t,
        List.of(e),
        a ->
            new ArrayList<Object>(
                keys ? ((Map<?, ?>) a[0]).keySet() : ((Map<?, ?>) a[0]).values()));
  }

  private static Expr elementAt(FnCall c) {
    c.arity(2, 2);
    Expr e = c.arg(0);
    boolean ansi = c.conf().ansi() && !c.lowerName().startsWith("try");
    if (e.type() instanceof MapType mt) {
      Expr k =
          dev.forgeline.mock.engine.CastExpr.implicit(
              c.arg(1), mt.keyType(), c.conf().ansi(), c.conf().zone());
      return Call.strictNullable(
          c.sql(), mt.valueType(), List.of(e, k), a -> Extraction.lookup((Map<?, ?>) a[0], a[1]));
    }
    ArrayType at = arrayArg(c, 0);
    return Call.strictNullable(
        c.sql(),
        at.elementType(),
        List.of(e, c.integer(1)),
        a -> {
          List<?> l = (List<?>) a[0];
          int i = (Integer) a[1];
          if (i == 0) {
            throw new org.apache.spark.SparkRuntimeException(
                "INVALID_INDEX_OF_ZERO",
                dev.forgeline.mock.engine.Scala.map(Map.of()),
                null,
                new org.apache.spark.QueryContext[0],
                "");
          }
          int idx = i > 0 ? i - 1 : l.size() + i;
          if (idx < 0 || idx >= l.size()) {
            if (ansi) {
              throw Errors.invalidArrayIndex(i, l.size(), true);
            }
            return null;
          }
          return l.get(idx);
        });
  }

  private static Expr arrayJoin(FnCall c) {
    c.arity(2, 3);
    arrayArg(c, 0);
    List<Expr> args = new ArrayList<>(List.of(c.arg(0), c.string(1)));
    if (c.arity() == 3) {
      args.add(c.string(2));
    }
    return Call.strict(
        c.sql(),
        DataTypes.StringType,
        args,
        a -> {
          List<String> parts = new ArrayList<>();
          for (Object x : (List<?>) a[0]) {
            if (x != null) {
              parts.add(x.toString());
            } else if (a.length > 2) {
              parts.add((String) a[2]);
            }
          }
          return String.join((String) a[1], parts);
        });
  }

  private static Expr arrayExtreme(FnCall c, boolean max) {
    c.arity(1, 1);
    ArrayType t = arrayArg(c, 0);
    return Call.strictNullable(
        c.sql(),
        t.elementType(),
        List.of(c.arg(0)),
        a -> {
          Object best = null;
          for (Object x : (List<?>) a[0]) {
            if (x != null
                && (best == null
                    || (max ? Values.compare(x, best) > 0 : Values.compare(x, best) < 0))) {
              best = x;
            }
          }
          return best;
        });
  }

  private static Expr sequence(FnCall c) {
    c.arity(2, 3);
    DataType t = Types.widerNumeric(c.arg(0).type(), c.arg(1).type());
    if (t == null || !Types.isIntegral(t)) {
      throw NotSupportedHere.of("sequence over " + c.arg(0).type().sql());
    }
    List<Expr> args = new ArrayList<>(List.of(c.arg(0), c.arg(1)));
    if (c.arity() == 3) {
      args.add(c.arg(2));
    }
    return Call.strict(
        c.sql(),
        new ArrayType(t, false),
        args,
        a -> {
          long start = ((Number) a[0]).longValue();
          long stop = ((Number) a[1]).longValue();
          long step = a.length > 2 ? ((Number) a[2]).longValue() : (start <= stop ? 1 : -1);
          List<Object> out = new ArrayList<>();
          if (step == 0 || (stop - start) / (double) step < 0) {
            throw new org.apache.spark.SparkRuntimeException(
                "INVALID_PARAMETER_VALUE.SEQUENCE",
                dev.forgeline.mock.engine.Scala.map(
                    Map.of("parameter", "`step`", "functionName", "`sequence`")),
                null,
                new org.apache.spark.QueryContext[0],
                "");
          }
          for (long v = start; step > 0 ? v <= stop : v >= stop; v += step) {
            out.add(dev.forgeline.mock.engine.Arithmetic.coerce(v, t));
          }
          return out;
        });
  }

  /** Builds "unsupported" errors for this family. */
  private static final class NotSupportedHere {
    static UnsupportedOperationException of(String what) {
      return dev.forgeline.mock.engine.NotSupported.method(what);
    }
  }

  private static Expr arraysZip(FnCall c) {
    List<Expr> args = c.args();
    StructField[] fields = new StructField[args.size()];
    for (int i = 0; i < fields.length; i++) {
      ArrayType t = arrayArg(c, i);
      Expr e = args.get(i);
      String name = e instanceof ColumnRef ref ? ref.field().name() : String.valueOf(i);
      fields[i] = new StructField(name, t.elementType(), true, Metadata.empty());
    }
    return Call.strict(
        c.sql(),
        new ArrayType(new StructType(fields), false),
        args,
        a -> {
          int n = 0;
          for (Object x : a) {
            n = Math.max(n, ((List<?>) x).size());
          }
          List<Object> out = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            Object[] s = new Object[a.length];
            for (int k = 0; k < a.length; k++) {
              List<?> l = (List<?>) a[k];
              s[k] = i < l.size() ? l.get(i) : null;
            }
            out.add(s);
          }
          return out;
        });
  }
}
