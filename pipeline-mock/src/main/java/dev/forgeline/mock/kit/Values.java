package dev.forgeline.mock.kit;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.Iterator;

/**
 * Renders collected values and types as tagged text, so that two values render alike exactly when
 * they have the same Java class family and the same value. A mock returning {@code Integer 1} where
 * Spark returns {@code Long 1L} therefore shows up as a difference.
 */
final class Values {

  private Values() {}

  static String row(Row row) {
    List<String> cells = new ArrayList<>(row.length());
    for (int i = 0; i < row.length(); i++) {
      cells.add(value(row.get(i)));
    }
    return "[" + String.join(", ", cells) + "]";
  }

  static String value(Object v) {
    if (v == null) {
      return "null";
    } else if (v instanceof String s) {
      return "'" + s + "'";
    } else if (v instanceof Boolean || v instanceof Integer) {
      return v.toString();
    } else if (v instanceof Long) {
      return v + "L";
    } else if (v instanceof Short) {
      return v + "S";
    } else if (v instanceof Byte) {
      return v + "Y";
    } else if (v instanceof Double) {
      return v + "D";
    } else if (v instanceof Float) {
      return v + "F";
    } else if (v instanceof BigDecimal d) {
      return d.toPlainString() + "BD";
    } else if (v instanceof Timestamp t) {
      return "TIMESTAMP " + t.toInstant();
    } else if (v instanceof Date d) {
      return "DATE " + d;
    } else if (v instanceof Instant i) {
      return "INSTANT " + i;
    } else if (v instanceof LocalDate d) {
      return "LOCALDATE " + d;
    } else if (v instanceof LocalDateTime t) {
      return "TIMESTAMP_NTZ " + t;
    } else if (v instanceof byte[] b) {
      return "X'" + HexFormat.of().withUpperCase().formatHex(b) + "'";
    } else if (v instanceof Row r) {
      return "struct" + row(r);
    } else if (v instanceof scala.collection.Map<?, ?> m) {
      List<String> entries = new ArrayList<>();
      Iterator<? extends scala.Tuple2<?, ?>> it = m.iterator();
      while (it.hasNext()) {
        scala.Tuple2<?, ?> e = it.next();
        entries.add(value(e._1()) + " -> " + value(e._2()));
      }
      return "map{" + String.join(", ", entries) + "}";
    } else if (v instanceof scala.collection.Seq<?> s) {
      List<String> items = new ArrayList<>();
      Iterator<?> it = s.iterator();
      while (it.hasNext()) {
        items.add(value(it.next()));
      }
      return "array[" + String.join(", ", items) + "]";
    }
    return v.getClass().getName() + "(" + v + ")";
  }

  /** Compares two rows exactly, or with a relative tolerance on doubles and floats when > 0. */
  static boolean sameRow(Row a, Row b, double tolerance) {
    if (tolerance <= 0) {
      return row(a).equals(row(b));
    }
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (!sameValue(a.get(i), b.get(i), tolerance)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(Object a, Object b, double tolerance) {
    if (a instanceof Double x && b instanceof Double y) {
      return close(x, y, tolerance);
    } else if (a instanceof Float x && b instanceof Float y) {
      return close(x, y, tolerance);
    } else if (a instanceof Row x && b instanceof Row y) {
      return sameRow(x, y, tolerance);
    }
    return value(a).equals(value(b));
  }

  private static boolean close(double x, double y, double tolerance) {
    if (Double.compare(x, y) == 0) {
      return true;
    }
    return Math.abs(x - y) <= tolerance * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
  }

  /** Describes a schema with names, types and nullability at every level. */
  static String schema(StructType schema) {
    List<String> fields = new ArrayList<>();
    for (StructField f : schema.fields()) {
      fields.add(field(f));
    }
    return String.join(", ", fields);
  }

  private static String field(StructField f) {
    return f.name() + ": " + type(f.dataType()) + (f.nullable() ? "" : " not null");
  }

  static String type(DataType t) {
    if (t instanceof ArrayType a) {
      return "array<" + type(a.elementType()) + (a.containsNull() ? "" : " not null") + ">";
    } else if (t instanceof MapType m) {
      return "map<"
          + type(m.keyType())
          + ", "
          + type(m.valueType())
          + (m.valueContainsNull() ? "" : " not null")
          + ">";
    } else if (t instanceof StructType s) {
      return "struct<" + schema(s) + ">";
    }
    return t.simpleString();
  }
}
