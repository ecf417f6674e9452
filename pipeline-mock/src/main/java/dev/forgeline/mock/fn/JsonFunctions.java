package dev.forgeline.mock.fn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeline.mock.engine.Call;
import dev.forgeline.mock.engine.Casts;
import dev.forgeline.mock.engine.Ddl;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.JsonText;
import dev.forgeline.mock.engine.SessionConf;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * JSON functions: to_json, from_json (PERMISSIVE: malformed input gives nulls), get_json_object.
 */
final class JsonFunctions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonFunctions() {}

  static void register(FunctionRegistry.Registrar r) {
    r.scalar("to_json", JsonFunctions::toJson);
    r.scalar("from_json", JsonFunctions::fromJson);
    r.scalar("get_json_object", JsonFunctions::getJsonObject);
  }

  private static Expr toJson(FnCall c) {
    c.arity(1, 2);
    Expr e = c.arg(0);
    DataType t = e.type();
    if (!(t instanceof StructType) && !(t instanceof MapType) && !(t instanceof ArrayType)) {
      throw Errors.unexpectedInputType(
          c.sql(), 1, "(\"STRUCT\" or \"MAP\" or \"ARRAY\")", e.sql(), t);
    }
    ZoneId zone = c.conf().zone();
    String sql = "to_json(" + e.sql() + ")";
    return Call.strict(
        sql,
        DataTypes.StringType,
        List.of(e),
        a -> {
          if (t instanceof StructType st) {
            List<Field> fields = new ArrayList<>();
            for (StructField f : st.fields()) {
              fields.add(Field.of(f.name(), f.dataType(), f.nullable()));
            }
            return JsonText.row((Object[]) a[0], fields, zone);
          }
          Field wrapper = Field.of("v", t, true);
          String wrapped = JsonText.row(new Object[] {a[0]}, List.of(wrapper), zone);
          return wrapped.substring("{\"v\":".length(), wrapped.length() - 1);
        });
  }

  private static DataType schemaOf(FnCall c, int i) {
    Object v = c.constant(i, "schema", "\"STRING\"");
    String text = String.valueOf(v).trim();
    try {
      if (text.startsWith("{")) {
        return DataType.fromJson(text);
      }
      return Ddl.dataType(text);
    } catch (Exception e) {
      throw Errors.analysis(
          "INVALID_SCHEMA.PARSE_ERROR",
          "inputSchema",
          "\"" + text + "\"",
          "reason",
          String.valueOf(e.getMessage()));
    }
  }

  private static Expr fromJson(FnCall c) {
    c.arity(2, 3);
    Expr s = c.string(0);
    DataType schema = schemaOf(c, 1);
    SessionConf conf = c.conf();
    String sql = "from_json(" + c.arg(0).sql() + ")";
    return Call.strictNullable(
        sql,
        schema,
        List.of(s),
        a -> {
          JsonNode node;
          try {
            node = JSON.readTree((String) a[0]);
          } catch (IOException e) {
            node = null;
          }
          if (node == null || node.isMissingNode()) {
            return schema instanceof StructType st ? new Object[st.length()] : null;
          }
          return convert(node, schema, conf);
        });
  }

  /** A JSON value as an internal value of {@code type}; mismatches give null (PERMISSIVE). */
  static Object convert(JsonNode node, DataType type, SessionConf conf) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (type instanceof StructType st) {
      if (!node.isObject()) {
        return null;
      }
      Object[] out = new Object[st.length()];
      for (int i = 0; i < out.length; i++) {
        StructField f = st.fields()[i];
        out[i] = convert(node.get(f.name()), f.dataType(), conf);
      }
      return out;
    }
    if (type instanceof ArrayType at) {
      if (!node.isArray()) {
        return null;
      }
      List<Object> out = new ArrayList<>();
      for (JsonNode n : node) {
        out.add(convert(n, at.elementType(), conf));
      }
      return out;
    }
    if (type instanceof MapType mt) {
      if (!node.isObject()) {
        return null;
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.put(e.getKey(), convert(e.getValue(), mt.valueType(), conf));
      }
      return out;
    }
    if (type instanceof StringType) {
      return node.isValueNode() ? node.asText() : node.toString();
    }
    if (type instanceof BooleanType) {
      return node.isBoolean() ? node.booleanValue() : null;
    }
    Object scalar =
        node.isNumber()
            ? (Object) new BigDecimal(node.asText())
            : node.isTextual() ? node.asText() : null;
    if (scalar == null) {
      return null;
    }
    DataType from =
        scalar instanceof String ? DataTypes.StringType : DataTypes.createDecimalType(38, 10);
    Object source =
        scalar instanceof BigDecimal b
            ? b.setScale(Math.min(10, Math.max(b.scale(), 0)), java.math.RoundingMode.HALF_UP)
            : scalar;
    if (node.isNumber()
        && node.isIntegralNumber() == false
        && dev.forgeline.mock.engine.Types.isIntegral(type)) {
      return null;
    }
    return Casts.cast(source, from, type, Casts.Mode.TRY, conf.zone());
  }

  private static Expr getJsonObject(FnCall c) {
    c.arity(2, 2);
    return Call.strictNullable(
        c.sql(),
        DataTypes.StringType,
        List.of(c.string(0), c.string(1)),
        a -> {
          String path = (String) a[1];
          if (!path.startsWith("$")) {
            return null;
          }
          JsonNode node;
          try {
            node = JSON.readTree((String) a[0]);
          } catch (IOException e) {
            return null;
          }
          int i = 1;
          while (node != null && i < path.length()) {
            char ch = path.charAt(i);
            if (ch == '.') {
              int end = i + 1;
              while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                end++;
              }
              node = node.get(path.substring(i + 1, end));
              i = end;
            } else if (ch == '[') {
              int end = path.indexOf(']', i);
              if (end < 0) {
                return null;
              }
              String key = path.substring(i + 1, end);
              node =
                  key.startsWith("'")
                      ? node.get(key.substring(1, key.length() - 1))
                      : node.get(Integer.parseInt(key));
              i = end + 1;
            } else {
              return null;
            }
          }
          if (node == null || node.isNull()) {
            return null;
          }
          return node.isValueNode() ? node.asText() : node.toString();
        });
  }
}
