package dev.forgeline.mock.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.JsonText;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.fn.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * JSON lines (or, with multiLine, one JSON document or array per file) as Spark reads and writes
 * them: inferred schemas have their fields sorted by name, integers infer as bigint and fractions
 * as double, and a malformed line adds the corrupt record column in PERMISSIVE mode.
 */
final class JsonFormat implements FileFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String displayName() {
    return "JSON";
  }

  @Override
  public String extension(Options options) {
    return ".json";
  }

  /** The documents of a file with their raw text; a document that does not parse is null. */
  private static List<Map.Entry<String, JsonNode>> documents(Path file, Options o) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw FileErrors.io("read", file, e);
    }
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    if (o.bool("multiLine", false)) {
      JsonNode n = parseAny(text);
      if (n != null && n.isArray()) {
        for (JsonNode e : n) {
          out.add(new java.util.AbstractMap.SimpleEntry<>(e.toString(), e));
        }
      } else {
        out.add(
            new java.util.AbstractMap.SimpleEntry<>(text, n != null && n.isObject() ? n : null));
      }
      return out;
    }
    for (String line : text.split("\r?\n")) {
      if (!line.isBlank()) {
        out.add(new java.util.AbstractMap.SimpleEntry<>(line, parse(line)));
      }
    }
    return out;
  }

  private static JsonNode parse(String text) {
    JsonNode n = parseAny(text);
    return n != null && n.isObject() ? n : null;
  }

  private static JsonNode parseAny(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  @Override
  public StructType infer(List<Path> files, Options o, SessionConf conf) {
    DataType merged = DataTypes.NullType;
    boolean corrupt = false;
    boolean any = false;
    for (Path f : files) {
      for (Map.Entry<String, JsonNode> d : documents(f, o)) {
        any = true;
        if (d.getValue() == null) {
          if (o.mode() == ParseMode.FAILFAST) {
            throw FileErrors.malformedWhileInferring(d.getKey());
          }
          corrupt |= o.mode() == ParseMode.PERMISSIVE;
          continue;
        }
        merged = merge(merged, typeOf(d.getValue()));
      }
    }
    if (!any) {
      return new StructType();
    }
    StructType st = merged instanceof StructType s ? s : new StructType();
    if (corrupt) {
      st =
          (StructType)
              merge(
                  st,
                  new StructType()
                      .add(
                          o.get("columnNameOfCorruptRecord", "_corrupt_record"),
                          DataTypes.StringType));
    }
    return (StructType) settle(st);
  }

  private static DataType typeOf(JsonNode n) {
    if (n == null || n.isNull()) {
      return DataTypes.NullType;
    }
    if (n.isObject()) {
      Map<String, DataType> fields = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        fields.merge(e.getKey(), typeOf(e.getValue()), JsonFormat::merge);
      }
      return struct(fields);
    }
    if (n.isArray()) {
      DataType el = DataTypes.NullType;
      for (JsonNode e : n) {
        el = merge(el, typeOf(e));
      }
      return DataTypes.createArrayType(el, true);
    }
    if (n.isBoolean()) {
      return DataTypes.BooleanType;
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong()
          ? DataTypes.LongType
          : DataTypes.createDecimalType(Math.min(38, n.bigIntegerValue().toString().length()), 0);
    }
    if (n.isNumber()) {
      return DataTypes.DoubleType;
    }
    return DataTypes.StringType;
  }

  private static StructType struct(Map<String, DataType> fields) {
    StructType st = new StructType();
    for (Map.Entry<String, DataType> e : fields.entrySet()) {
      st = st.add(e.getKey(), e.getValue(), true);
    }
    return st;
  }

  private static DataType merge(DataType a, DataType b) {
    if (a instanceof StructType sa && b instanceof StructType sb) {
      Map<String, DataType> fields = new TreeMap<>();
      for (StructField f : sa.fields()) {
        fields.put(f.name(), f.dataType());
      }
      for (StructField f : sb.fields()) {
        fields.merge(f.name(), f.dataType(), JsonFormat::merge);
      }
      return struct(fields);
    }
    if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
      return DataTypes.createArrayType(merge(aa.elementType(), ab.elementType()), true);
    }
    if (a instanceof StructType
        || b instanceof StructType
        || a instanceof ArrayType
        || b instanceof ArrayType) {
      return a instanceof NullType ? b : b instanceof NullType ? a : DataTypes.StringType;
    }
    return TextValues.widen(a, b);
  }

  /** Columns only ever null become strings, as in Spark's inference. */
  private static DataType settle(DataType t) {
    if (t instanceof NullType) {
      return DataTypes.StringType;
    }
    if (t instanceof StructType st) {
      StructType out = new StructType();
      for (StructField f : st.fields()) {
        out = out.add(f.name(), settle(f.dataType()), true);
      }
      return out;
    }
    if (t instanceof ArrayType at) {
      return DataTypes.createArrayType(settle(at.elementType()), true);
    }
    return t;
  }

  @Override
  public void read(Path file, StructType schema, Options o, SessionConf conf, Records records) {
    int width = schema.fields().length;
    for (Map.Entry<String, JsonNode> d : documents(file, o)) {
      JsonNode n = d.getValue();
      if (n == null) {
        records.malformed(null, d.getKey(), file, width);
        continue;
      }
      Object[] row = new Object[width];
      boolean bad = false;
      for (int i = 0; i < width; i++) {
        if (i == records.corruptIndex()) {
          continue;
        }
        StructField f = schema.fields()[i];
        JsonNode v = n.get(f.name());
        if (v == null || v.isNull()) {
          continue;
        }
        row[i] = JsonValues.convert(v, f.dataType(), conf);
        bad |= row[i] == null;
      }
      if (bad) {
        records.malformed(row, d.getKey(), file, width);
      } else {
        records.good(row);
      }
    }
  }

  @Override
  public void write(
      Path file, List<Field> fields, List<Object[]> rows, Options o, SessionConf conf) {
    StringBuilder sb = new StringBuilder();
    for (Object[] row : rows) {
      sb.append(JsonText.row(row, fields, conf.zone())).append('\n');
    }
    try {
      Files.writeString(file, sb);
    } catch (IOException e) {
      throw FileErrors.io("write", file, e);
    }
  }
}
