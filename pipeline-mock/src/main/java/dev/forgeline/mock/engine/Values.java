package dev.forgeline.mock.engine;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/**
 * Operations on internal values: Spark's string form (CAST AS STRING and show), Spark's ordering,
 * and grouping keys with Spark's equality (NaN equals NaN, -0.0 equals 0.0).
 */
public final class Values {
  private Values() {}

  /** Spark's CAST(x AS STRING) text; nested nulls print as {@code null}. */
  public static String toDisplayString(Object v, DataType type, ZoneId zone) {
    return format(v, type, zone == null ? ZoneOffset.UTC : zone, "null");
  }

  /** The text show() prints (Spark's ToPrettyString): like a cast, but nulls are {@code NULL}. */
  public static String toPrettyString(Object v, DataType type, ZoneId zone) {
    if (v == null) {
      return "NULL";
    }
    if (type instanceof BinaryType) {
      byte[] bytes = (byte[]) v;
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < bytes.length; i++) {
        sb.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i]));
      }
      return sb.append(']').toString();
    }
    return format(v, type, zone, "NULL");
  }

  private static String format(Object v, DataType type, ZoneId zone, String nullText) {
    if (v == null) {
      return nullText;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Instant i) {
      return Temporal.formatTimestamp(i, zone);
    }
    if (v instanceof LocalDateTime t) {
      return Temporal.formatLocal(t);
    }
    if (v instanceof LocalDate d) {
      return Temporal.formatDate(d);
    }
    if (v instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    if (v instanceof java.time.Duration d) {
      return Intervals.sql(
          d,
          type instanceof org.apache.spark.sql.types.DayTimeIntervalType t
              ? t
              : org.apache.spark.sql.types.DayTimeIntervalType.apply());
    }
    if (v instanceof List<?> list) {
      DataType et = type instanceof ArrayType a ? a.elementType() : null;
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(format(list.get(i), et, zone, nullText));
      }
      return sb.append(']').toString();
    }
    if (v instanceof Map<?, ?> map) {
      MapType mt = type instanceof MapType m ? m : null;
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(first ? "" : ", ");
        first = false;
        sb.append(format(e.getKey(), mt == null ? null : mt.keyType(), zone, nullText))
            .append(" -> ")
            .append(format(e.getValue(), mt == null ? null : mt.valueType(), zone, nullText));
      }
      return sb.append('}').toString();
    }
    if (v instanceof Object[] struct) {
      StructType st = type instanceof StructType s ? s : null;
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < struct.length; i++) {
        DataType ft = st == null ? null : st.fields()[i].dataType();
        sb.append(i == 0 ? "" : ", ").append(format(struct[i], ft, zone, nullText));
      }
      return sb.append('}').toString();
    }
    return v.toString();
  }

  /** Spark's ascending order for two non-null values of one type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return compareDouble(x, y);
    }
    if (a instanceof Float x && b instanceof Float y) {
      return compareDouble(x, y);
    }
    if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
      return Arithmetic.toBigDecimal(x).compareTo(Arithmetic.toBigDecimal(y));
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        int c = compareNullsFirst(x.get(i), y.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    if (a instanceof Object[] x && b instanceof Object[] y) {
      for (int i = 0; i < Math.min(x.length, y.length); i++) {
        int c = compareNullsFirst(x[i], y[i]);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.length, y.length);
    }
    return ((Comparable) a).compareTo(b);
  }

  /** Ascending order with nulls first (Spark's default for ascending sorts and nested values). */
  public static int compareNullsFirst(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return compare(a, b);
  }

  /** A comparator over nullable values. */
  public static Comparator<Object> nullsFirst() {
    return Values::compareNullsFirst;
  }

  private static int compareDouble(double x, double y) {
    if (x == y) {
      return 0;
    }
    return Double.compare(x, y);
  }

  /** A value usable as a hash key with Spark's grouping equality. */
  public static Object key(Object v) {
    if (v instanceof Double d) {
      return d == 0.0d ? 0.0d : d;
    }
    if (v instanceof Float f) {
      return f == 0.0f ? 0.0f : f;
    }
    if (v instanceof byte[] b) {
      List<Byte> out = new ArrayList<>(b.length);
      for (byte x : b) {
        out.add(x);
      }
      return out;
    }
    if (v instanceof Object[] s) {
      List<Object> out = new ArrayList<>(s.length);
      for (Object x : s) {
        out.add(key(x));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(key(x));
      }
      return out;
    }
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
    return v;
  }

  /** A composite key of several values. */
  public static List<Object> key(Object[] values) {
    List<Object> out = new ArrayList<>(values.length);
    for (Object v : values) {
      out.add(key(v));
    }
    return out;
  }

  /** Spark's equality (=) for two non-null values of one type. */
  public static boolean equal(Object a, Object b) {
    if (a instanceof Number && b instanceof Number
        || a instanceof byte[]
        || a instanceof Object[]
        || a instanceof List) {
      return compare(a, b) == 0;
    }
    return a.equals(b);
  }
}
