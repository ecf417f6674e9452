package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Casts;
import java.time.ZoneId;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Partition directory names as Hive and Spark write them: {@code key=value}, with the characters
 * Hive escapes written as {@code %XX}, and null or empty values as the Hive default partition.
 */
final class PartitionPaths {
  static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";
  private static final String ESCAPED = "\"#%'*/:=?\\\u007f{[]^";

  private PartitionPaths() {}

  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || ESCAPED.indexOf(c) >= 0) {
        sb.append('%').append(String.format("%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static String unescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        try {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
          continue;
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
          // a literal percent sign
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** A partition value as text (Spark's cast to string), or null. */
  static String text(Object value, DataType type, ZoneId zone) {
    return value == null
        ? null
        : (String) Casts.cast(value, type, DataTypes.StringType, Casts.Mode.LEGACY, zone);
  }

  /** The directory name of one partition value. */
  static String directory(String column, Object value, DataType type, ZoneId zone) {
    String text = text(value, type, zone);
    String v = text == null || text.isEmpty() ? DEFAULT_PARTITION : escape(text);
    return escape(column) + "=" + v;
  }

  /** The type Spark infers for a partition value: int, bigint, decimal, double, date, timestamp. */
  static DataType infer(String raw, TextValues values) {
    if (raw == null) {
      return DataTypes.NullType;
    }
    DataType t = values.infer(raw);
    return t instanceof org.apache.spark.sql.types.BooleanType ? DataTypes.StringType : t;
  }
}
