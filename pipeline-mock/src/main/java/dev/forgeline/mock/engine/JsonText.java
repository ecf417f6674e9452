package dev.forgeline.mock.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's toJSON text for a row: nulls omitted, dates ISO, timestamps with offset in the session
 * zone.
 */
public final class JsonText {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  private JsonText() {}

  public static String row(Object[] row, List<Field> fields, ZoneId zone) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (int i = 0; i < fields.size(); i++) {
      if (row[i] == null) {
        continue;
      }
      sb.append(first ? "" : ",");
      first = false;
      string(sb, fields.get(i).name());
      sb.append(':');
      value(sb, row[i], fields.get(i).type(), zone);
    }
    return sb.append('}').toString();
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static void value(StringBuilder sb, Object v, DataType type, ZoneId zone) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof BigDecimal d) {
      sb.append(d.toPlainString());
    } else if (v instanceof LocalDate d) {
      string(sb, Temporal.formatDate(d));
    } else if (v instanceof Instant i) {
      string(sb, TIMESTAMP.format(i.atZone(zone)));
    } else if (v instanceof LocalDateTime t) {
      string(sb, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").format(t));
    } else if (v instanceof byte[] b) {
      string(sb, java.util.Base64.getEncoder().encodeToString(b));
    } else if (v instanceof List<?> l) {
      DataType et = ((ArrayType) type).elementType();
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        value(sb, l.get(i), et, zone);
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> m) {
      MapType mt = (MapType) type;
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "" : ",");
        first = false;
        string(sb, Values.toDisplayString(e.getKey(), mt.keyType(), zone));
        sb.append(':');
        value(sb, e.getValue(), mt.valueType(), zone);
      }
      sb.append('}');
    } else if (v instanceof Object[] s) {
      StructType st = (StructType) type;
      StructField[] fs = st.fields();
      sb.append('{');
      boolean first = true;
      for (int i = 0; i < fs.length; i++) {
        if (s[i] == null) {
          continue;
        }
        sb.append(first ? "" : ",");
        first = false;
        string(sb, fs[i].name());
        sb.append(':');
        value(sb, s[i], fs[i].dataType(), zone);
      }
      sb.append('}');
    } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      string(sb, d.toString());
    } else {
      sb.append(v);
    }
  }
}
