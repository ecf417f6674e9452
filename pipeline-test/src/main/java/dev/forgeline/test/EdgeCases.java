package dev.forgeline.test;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
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
 * The values that break code: empty and odd strings, extreme numbers, NaN and infinities, leap
 * days, daylight-saving borders (Europe/Berlin and America/New_York), Unicode, and null where the
 * column allows it.
 */
final class EdgeCases {
  private EdgeCases() {}

  static List<Object> of(DataType type, boolean nullable) {
    List<Object> out = new ArrayList<>(values(type));
    if (nullable) {
      out.add(null);
    }
    return out;
  }

  private static List<Object> values(DataType type) {
    if (type instanceof StringType) {
      return List.of(
          "",
          " ",
          "  padded  ",
          "Zoë Ünïcødé ß",
          "日本語テキスト",
          "emoji 😀👍🏽",
          "right-to-left עברית",
          "O'Brien \"quoted\"; DROP TABLE x",
          "line\nbreak\ttab",
          "null",
          "x".repeat(1000));
    }
    if (type instanceof IntegerType) {
      return List.of(0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (type instanceof LongType) {
      return List.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (type instanceof ShortType) {
      return List.of((short) 0, Short.MIN_VALUE, Short.MAX_VALUE);
    }
    if (type instanceof ByteType) {
      return List.of((byte) 0, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
    if (type instanceof DoubleType) {
      return List.of(
          0.0,
          -0.0,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          Double.MIN_VALUE,
          Double.MAX_VALUE,
          -Double.MAX_VALUE,
          0.1 + 0.2);
    }
    if (type instanceof FloatType) {
      return List.of(
          0.0f,
          -0.0f,
          Float.NaN,
          Float.POSITIVE_INFINITY,
          Float.NEGATIVE_INFINITY,
          Float.MIN_VALUE,
          Float.MAX_VALUE,
          -Float.MAX_VALUE);
    }
    if (type instanceof DecimalType d) {
      BigDecimal max =
          BigDecimal.TEN.pow(d.precision()).subtract(BigDecimal.ONE).movePointLeft(d.scale());
      return List.of(
          BigDecimal.ZERO.setScale(d.scale()),
          max,
          max.negate(),
          BigDecimal.ONE.movePointLeft(d.scale()));
    }
    if (type instanceof BooleanType) {
      return List.of(true, false);
    }
    if (type instanceof DateType) {
      return List.of(
          Date.valueOf(LocalDate.of(2024, 2, 29)),
          Date.valueOf(LocalDate.of(2000, 2, 29)),
          Date.valueOf(LocalDate.of(2023, 12, 31)),
          Date.valueOf(LocalDate.of(1970, 1, 1)),
          Date.valueOf(LocalDate.of(1900, 1, 1)),
          Date.valueOf(LocalDate.of(2038, 1, 19)),
          Date.valueOf(LocalDate.of(9999, 12, 31)));
    }
    if (type instanceof TimestampType) {
      return List.of(
          ts("2024-03-31T00:59:59.999999Z"), // last instant before Berlin springs forward
          ts("2024-03-31T01:00:00Z"),
          ts("2024-10-27T00:30:00Z"), // Berlin's repeated hour, first pass
          ts("2024-10-27T01:30:00Z"), // and second pass
          ts("2024-03-10T07:00:00Z"), // New York springs forward
          ts("2024-02-29T12:00:00Z"),
          ts("1970-01-01T00:00:00Z"),
          ts("2038-01-19T03:14:08Z"));
    }
    if (type instanceof TimestampNTZType) {
      return List.of(
          LocalDateTime.parse("2024-03-31T02:30:00"), // does not exist in Berlin
          LocalDateTime.parse("2024-10-27T02:30:00"), // happens twice in Berlin
          LocalDateTime.parse("2024-02-29T23:59:59.999999"),
          LocalDateTime.parse("1970-01-01T00:00:00"));
    }
    if (type instanceof BinaryType) {
      return List.of(new byte[0], new byte[] {0}, new byte[] {(byte) 0xFF, 0, (byte) 0x80});
    }
    if (type instanceof ArrayType a) {
      List<Object> out = new ArrayList<>();
      out.add(List.of());
      out.add(new ArrayList<>(values(a.elementType())));
      if (a.containsNull()) {
        out.add(Arrays.asList((Object) null));
      }
      return out;
    }
    if (type instanceof MapType m) {
      List<Object> keys = values(m.keyType());
      List<Object> vals = values(m.valueType());
      return List.of(Map.of(), Map.of(keys.get(0), vals.get(vals.size() - 1)));
    }
    if (type instanceof StructType s) {
      int n = 0;
      List<List<Object>> perField = new ArrayList<>();
      for (StructField f : s.fields()) {
        List<Object> e = of(f.dataType(), f.nullable());
        perField.add(e);
        n = Math.max(n, e.size());
      }
      List<Object> out = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        Object[] row = new Object[perField.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = perField.get(i).get(k % perField.get(i).size());
        }
        out.add(RowFactory.create(row));
      }
      return out;
    }
    throw new IllegalStateException("checked before generation: " + type);
  }

  private static Timestamp ts(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }
}
