package dev.forgeline.core.connector;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.forgeline.core.config.ConfigProblems;
import dev.forgeline.core.error.Problem;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The rows of a {@code memory} connector declared in HOCON: a DDL {@code schema} and {@code rows},
 * each a list of values in column order (or an object keyed by column name). Dates and timestamps
 * are ISO strings; structs are lists or objects; maps are objects.
 *
 * <pre>{@code
 * orders {
 *   type = memory
 *   schema = "id INT, country STRING, amount DECIMAL(10,2), day DATE"
 *   rows = [
 *     [1, "FR", 120.00, "2024-02-29"]
 *     {id = 2, country = DE, amount = 17.25, day = "2024-03-01"}
 *   ]
 * }
 * }</pre>
 *
 * @param schema the rows' schema
 * @param rows the rows, as Spark's external types
 */
record MemoryRows(StructType schema, List<Row> rows) {

  /** Reads the block at {@code at}, adding a problem for each value that does not fit. */
  static MemoryRows read(Config block, String at, List<Problem> problems) {
    StructType schema;
    try {
      schema = StructType.fromDDL(block.getString("schema"));
    } catch (RuntimeException e) {
      problems.add(
          ConfigProblems.badValue(
              at + ".schema",
              block.getValue("schema").origin(),
              block.getString("schema"),
              "a DDL schema such as \"id INT, name STRING\" (" + firstLine(e) + ")"));
      return null;
    }
    List<Row> rows = new ArrayList<>();
    if (block.hasPath("rows")) {
      ConfigValue all = block.getValue("rows");
      if (all.valueType() != ConfigValueType.LIST) {
        problems.add(
            ConfigProblems.wrongType(
                at + ".rows", all.origin(), type(all), "a list of rows [[1, \"a\"], [2, \"b\"]]"));
        return null;
      }
      ConfigList list = (ConfigList) all;
      for (int i = 0; i < list.size(); i++) {
        Object row = struct(list.get(i), schema, at + ".rows[" + i + "]", problems);
        rows.add((Row) row);
      }
    }
    return new MemoryRows(schema, List.copyOf(rows));
  }

  private static Object struct(ConfigValue v, StructType s, String at, List<Problem> problems) {
    StructField[] fields = s.fields();
    Object[] out = new Object[fields.length];
    if (v.valueType() == ConfigValueType.LIST) {
      ConfigList l = (ConfigList) v;
      if (l.size() != fields.length) {
        problems.add(
            ConfigProblems.badValue(
                at, v.origin(), l.size() + " values", fields.length + " values, one per column"));
        return RowFactory.create(out);
      }
      for (int k = 0; k < fields.length; k++) {
        out[k] = value(l.get(k), fields[k], at + "[" + k + "]", problems);
      }
    } else if (v.valueType() == ConfigValueType.OBJECT) {
      ConfigObject o = (ConfigObject) v;
      for (String key : o.keySet()) {
        if (s.getFieldIndex(key).isEmpty()) {
          problems.add(
              ConfigProblems.badValue(
                  at + "." + key,
                  o.get(key).origin(),
                  key,
                  "one of the columns " + List.of(s.fieldNames())));
        }
      }
      for (int k = 0; k < fields.length; k++) {
        ConfigValue field = o.get(fields[k].name());
        out[k] =
            field == null ? null : value(field, fields[k], at + "." + fields[k].name(), problems);
        if (field == null && !fields[k].nullable()) {
          problems.add(
              ConfigProblems.missingKey(
                  at + "." + fields[k].name(), "a value: the column is not nullable", v.origin()));
        }
      }
    } else {
      problems.add(
          ConfigProblems.wrongType(at, v.origin(), type(v), "a list of values or an object"));
    }
    return RowFactory.create(out);
  }

  private static Object value(ConfigValue v, StructField f, String at, List<Problem> problems) {
    if (v.valueType() == ConfigValueType.NULL) {
      if (!f.nullable()) {
        problems.add(ConfigProblems.badValue(at, v.origin(), "null", "a value: not nullable"));
      }
      return null;
    }
    return convert(v, f.dataType(), at, problems);
  }

  private static Object convert(ConfigValue v, DataType t, String at, List<Problem> problems) {
    if (v.valueType() == ConfigValueType.NULL) {
      return null;
    }
    try {
      Object raw = v.unwrapped();
      if (t instanceof StructType s) {
        return struct(v, s, at, problems);
      }
      if (t instanceof ArrayType a) {
        if (!(v instanceof ConfigList l)) {
          throw new IllegalArgumentException("not a list");
        }
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < l.size(); k++) {
          out.add(convert(l.get(k), a.elementType(), at + "[" + k + "]", problems));
        }
        return out;
      }
      if (t instanceof MapType m) {
        if (!(v instanceof ConfigObject o)) {
          throw new IllegalArgumentException("not an object");
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (String key : o.keySet()) {
          out.put(
              convert(
                  com.typesafe.config.ConfigValueFactory.fromAnyRef(key),
                  m.keyType(),
                  at,
                  problems),
              convert(o.get(key), m.valueType(), at + "." + key, problems));
        }
        return out;
      }
      String text = String.valueOf(raw);
      if (t instanceof StringType) {
        return text;
      }
      if (t instanceof BooleanType) {
        if (!(raw instanceof Boolean)) {
          throw new IllegalArgumentException("not a boolean");
        }
        return raw;
      }
      if (t instanceof IntegerType) {
        return new BigDecimal(text).intValueExact();
      }
      if (t instanceof LongType) {
        return new BigDecimal(text).longValueExact();
      }
      if (t instanceof ShortType) {
        return new BigDecimal(text).shortValueExact();
      }
      if (t instanceof ByteType) {
        return new BigDecimal(text).byteValueExact();
      }
      if (t instanceof DoubleType) {
        return Double.parseDouble(text);
      }
      if (t instanceof FloatType) {
        return Float.parseFloat(text);
      }
      if (t instanceof DecimalType d) {
        BigDecimal b = new BigDecimal(text);
        if (b.precision() - b.scale() > d.precision() - d.scale()) {
          throw new IllegalArgumentException("too large for " + d.simpleString());
        }
        return b.setScale(d.scale(), java.math.RoundingMode.UNNECESSARY);
      }
      if (t instanceof DateType) {
        return Date.valueOf(LocalDate.parse(text));
      }
      if (t instanceof TimestampType) {
        return text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
            ? Timestamp.from(Instant.parse(text))
            : Timestamp.valueOf(LocalDateTime.parse(text.replace(' ', 'T')));
      }
      if (t instanceof TimestampNTZType) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
      }
      throw new IllegalArgumentException("the type is not supported by memory connectors");
    } catch (RuntimeException e) {
      problems.add(
          ConfigProblems.badValue(
              at,
              v.origin(),
              String.valueOf(v.unwrapped()),
              "a value of type " + t.simpleString() + " (" + firstLine(e) + ")"));
      return null;
    }
  }

  private static String type(ConfigValue v) {
    return v.valueType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
