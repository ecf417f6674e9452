package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.UpdateFields;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's ExtractValue family: struct fields, array items, map values, and withField/dropFields.
 */
public final class Extraction {
  private Extraction() {}

  /** {@code child[extraction]} or {@code child.field} (UnresolvedExtractValue). */
  public static Expr extract(Expr child, Expr key, SessionConf conf) {
    DataType t = child.type();
    if (t instanceof StructType) {
      if (!(key instanceof Lit lit) || !(lit.value() instanceof String name)) {
        throw Errors.analysis(
            "INVALID_EXTRACT_FIELD_TYPE", "extraction", Errors.sqlExpr(key.sql()));
      }
      return field(child, name, conf.caseSensitive());
    }
    if (t instanceof ArrayType arr
        && arr.elementType() instanceof StructType
        && key instanceof Lit lit
        && lit.value() instanceof String name) {
      return arrayField(child, name, conf.caseSensitive());
    }
    if (t instanceof ArrayType at) {
      Expr idx = Coercion.implicitCast(key, org.apache.spark.sql.types.DataTypes.IntegerType, conf);
      if (!(idx.type() instanceof IntegerType)) {
        throw Errors.unexpectedInputType(
            child.sql() + "[" + key.sql() + "]", 2, "\"INT\"", key.sql(), key.type());
      }
      String sql = child.sql() + "[" + key.sql() + "]";
      return Call.strictNullable(
          sql,
          at.elementType(),
          List.of(child, idx),
          a -> {
            List<?> list = (List<?>) a[0];
            int i = (Integer) a[1];
            if (i < 0 || i >= list.size()) {
              if (conf.ansi()) {
                throw Errors.invalidArrayIndex(i, list.size(), false);
              }
              return null;
            }
            return list.get(i);
          });
    }
    if (t instanceof MapType mt) {
      Expr k = Coercion.implicitCast(key, mt.keyType(), conf);
      String sql = child.sql() + "[" + key.sql() + "]";
      return Call.strictNullable(
          sql, mt.valueType(), List.of(child, k), a -> lookup((Map<?, ?>) a[0], a[1]));
    }
    throw Errors.invalidExtractBase(child.sql(), t);
  }

  /** Looks a key up in a map value with Spark's key equality. */
  public static Object lookup(Map<?, ?> map, Object key) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getKey() != null && Values.equal(e.getKey(), key)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * A field of each struct in an array of structs ({@code items.sku}): an array of the field's
   * values, NULL where the struct is NULL.
   */
  static Expr arrayField(Expr child, String name, boolean caseSensitive) {
    ArrayType arr = (ArrayType) child.type();
    StructType st = (StructType) arr.elementType();
    int ordinal = -1;
    for (int i = 0; i < st.fields().length; i++) {
      if (Names.same(st.fields()[i].name(), name, caseSensitive)) {
        ordinal = i;
        break;
      }
    }
    if (ordinal < 0) {
      throw Errors.fieldNotFound(
          name, java.util.Arrays.stream(st.fields()).map(f -> Names.quote(f.name())).toList());
    }
    StructField sf = st.fields()[ordinal];
    int o = ordinal;
    return Call.strict(
        child.sql() + "." + sf.name(),
        new ArrayType(sf.dataType(), arr.containsNull() || sf.nullable()),
        List.of(child),
        a -> {
          List<Object> out = new ArrayList<>();
          for (Object s : (List<?>) a[0]) {
            out.add(s == null ? null : ((Object[]) s)[o]);
          }
          return out;
        });
  }

  /**
   * A struct field by name, case-insensitively unless configured otherwise; through an array of
   * structs, the array of that field.
   */
  public static Expr field(Expr child, String name, boolean caseSensitive) {
    if (child.type() instanceof ArrayType at && at.elementType() instanceof StructType) {
      return arrayField(child, name, caseSensitive);
    }
    if (!(child.type() instanceof StructType st)) {
      throw Errors.invalidExtractBase(child.sql(), child.type());
    }
    StructField[] fs = st.fields();
    for (int i = 0; i < fs.length; i++) {
      if (Names.same(fs[i].name(), name, caseSensitive)) {
        return new ExtractField(child, i, fs[i]);
      }
    }
    List<String> names = new ArrayList<>();
    for (StructField f : fs) {
      names.add(Names.quote(f.name()));
    }
    throw Errors.fieldNotFound(name, names);
  }

  /** withField / dropFields on a struct column. */
  public static Expr updateFields(Binder binder, UpdateFields uf) {
    Expr struct = binder.bind(uf.structExpression());
    if (!(struct.type() instanceof StructType st)) {
      throw Errors.analysis(
          "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
          "sqlExpr",
          Errors.sqlExpr(struct.sql()),
          "paramIndex",
          "first",
          "requiredType",
          "\"STRUCT\"",
          "inputSql",
          Errors.sqlExpr(struct.sql()),
          "inputType",
          Errors.sqlType(struct.type()));
    }
    ColumnNode valueNode = Scala.orNull(uf.valueExpression());
    Expr value = valueNode == null ? null : binder.bind(valueNode);
    return update(struct, Names.parse(uf.fieldName()), value, binder.scope().caseSensitive());
  }

  /**
   * Sets ({@code value} not null) or drops the field at {@code path} in a struct; a path of several
   * names updates the nested struct it leads through, as Spark's withField("a.b", ...) does.
   */
  private static Expr update(Expr struct, List<String> path, Expr value, boolean cs) {
    StructType st = (StructType) struct.type();
    String name = path.get(0);
    List<StructField> fields = new ArrayList<>(List.of(st.fields()));
    List<Expr> values = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      values.add(new ExtractField(struct, i, fields.get(i)));
    }
    if (path.size() > 1) {
      int at = -1;
      for (int i = 0; i < fields.size(); i++) {
        if (Names.same(fields.get(i).name(), name, cs)) {
          at = i;
        }
      }
      if (at < 0 || !(fields.get(at).dataType() instanceof StructType)) {
        List<String> names = new ArrayList<>();
        for (StructField f : fields) {
          names.add(Names.quote(f.name()));
        }
        throw Errors.fieldNotFound(name, names);
      }
      Expr inner = update(values.get(at), path.subList(1, path.size()), value, cs);
      fields.set(
          at,
          new StructField(
              fields.get(at).name(),
              inner.type(),
              inner.nullable(),
              org.apache.spark.sql.types.Metadata.empty()));
      values.set(at, inner);
    } else if (value == null) {
      for (int i = fields.size() - 1; i >= 0; i--) {
        if (Names.same(fields.get(i).name(), name, cs)) {
          fields.remove(i);
          values.remove(i);
        }
      }
      if (fields.isEmpty()) {
        throw Errors.analysis(
            "DATATYPE_MISMATCH.CANNOT_DROP_ALL_FIELDS", "sqlExpr", Errors.sqlExpr(struct.sql()));
      }
    } else {
      boolean replaced = false;
      for (int i = 0; i < fields.size(); i++) {
        if (Names.same(fields.get(i).name(), name, cs)) {
          fields.set(
              i,
              new StructField(
                  fields.get(i).name(),
                  value.type(),
                  value.nullable(),
                  org.apache.spark.sql.types.Metadata.empty()));
          values.set(i, value);
          replaced = true;
        }
      }
      if (!replaced) {
        fields.add(
            new StructField(
                name, value.type(), value.nullable(), org.apache.spark.sql.types.Metadata.empty()));
        values.add(value);
      }
    }
    StructType out = new StructType(fields.toArray(new StructField[0]));
    List<Expr> args = new ArrayList<>();
    args.add(struct);
    args.addAll(values);
    String sql = "update_fields(" + struct.sql() + ")";
    return Call.lazy(
        sql,
        out,
        struct.nullable(),
        args,
        (row, a) -> {
          if (a.get(0).eval(row) == null) {
            return null;
          }
          Object[] r = new Object[a.size() - 1];
          for (int i = 1; i < a.size(); i++) {
            r[i - 1] = a.get(i).eval(row);
          }
          return r;
        });
  }
}
