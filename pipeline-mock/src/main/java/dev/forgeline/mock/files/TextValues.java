package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Temporal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Text fields (csv tokens, partition directory values) parsed to typed values and inferred, with
 * Spark's rules: integer, long, decimal without a fraction, double, date, timestamp, boolean, else
 * string; two inferred types widen to their common type.
 */
final class TextValues {
  /** A field that does not parse as its column's type: the record is malformed. */
  static final class BadValue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadValue(String message) {
      super(message, null, false, false);
    }
  }

  private final DateTimeFormatter dateFormat;
  private final DateTimeFormatter timestampFormat;
  private final ZoneId zone;

  TextValues(Options options, ZoneId zone) {
    this.dateFormat = pattern(options.get("dateFormat", null));
    this.timestampFormat = pattern(options.get("timestampFormat", null));
    this.zone = zone;
  }

  private static DateTimeFormatter pattern(String p) {
    return p == null ? null : DateTimeFormatter.ofPattern(p, Locale.US);
  }

  /** The value of {@code text} as {@code type}; throws {@link BadValue} when it does not parse. */
  Object parse(String text, DataType type) {
    try {
      Object v = parseOrNull(text, type);
      if (v == null) {
        throw new BadValue(text);
      }
      return v;
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw new BadValue(text);
    }
  }

  private Object parseOrNull(String text, DataType type) {
    String t = text;
    if (type instanceof StringType) {
      return t;
    }
    if (type instanceof IntegerType) {
      return Integer.valueOf(t.trim());
    }
    if (type instanceof LongType) {
      return Long.valueOf(t.trim());
    }
    if (type instanceof ShortType) {
      return Short.valueOf(t.trim());
    }
    if (type instanceof ByteType) {
      return Byte.valueOf(t.trim());
    }
    if (type instanceof DoubleType) {
      return parseDouble(t.trim());
    }
    if (type instanceof FloatType) {
      return (float) parseDouble(t.trim());
    }
    if (type instanceof DecimalType dt) {
      BigDecimal d = new BigDecimal(t.trim()).setScale(dt.scale(), java.math.RoundingMode.HALF_UP);
      return d.precision() > dt.precision() ? null : d;
    }
    if (type instanceof BooleanType) {
      String b = t.trim().toLowerCase(Locale.ROOT);
      return b.equals("true") ? Boolean.TRUE : b.equals("false") ? Boolean.FALSE : null;
    }
    if (type instanceof DateType) {
      return dateFormat == null ? Temporal.parseDate(t) : LocalDate.parse(t.trim(), dateFormat);
    }
    if (type instanceof TimestampType) {
      if (timestampFormat == null) {
        Instant i = Temporal.parseTimestamp(t, zone);
        return i == null ? null : Temporal.micros(i);
      }
      return Temporal.micros(
          LocalDateTime.parse(t.trim(), timestampFormat).atZone(zone).toInstant());
    }
    if (type instanceof TimestampNTZType) {
      return Temporal.parseLocal(t);
    }
    throw dev.forgeline.mock.engine.NotSupported.method(
        "reading text fields as " + type.sql() + " (csv and partition values)");
  }

  private static double parseDouble(String t) {
    switch (t) {
      case "NaN":
        return Double.NaN;
      case "Inf":
      case "+Inf":
      case "Infinity":
      case "+Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        if (t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) {
          throw new NumberFormatException(t);
        }
        return Double.parseDouble(t);
    }
  }

  /** The narrowest type of one field, as CSV schema inference sees it. */
  DataType infer(String text) {
    if (text == null) {
      return DataTypes.NullType;
    }
    String t = text.trim();
    if (isInt(t)) {
      return DataTypes.IntegerType;
    }
    if (isLong(t)) {
      return DataTypes.LongType;
    }
    try {
      BigDecimal d = new BigDecimal(t);
      if (d.scale() <= 0 && d.precision() <= 38) {
        return DataTypes.createDecimalType(d.precision(), 0);
      }
    } catch (NumberFormatException e) {
      // not a decimal
    }
    try {
      parseDouble(t);
      return DataTypes.DoubleType;
    } catch (NumberFormatException e) {
      // not a double
    }
    if (parseDate(text) != null) {
      return DataTypes.DateType;
    }
    if (Temporal.parseTimestamp(text, zone) != null) {
      return DataTypes.TimestampType;
    }
    String b = t.toLowerCase(Locale.ROOT);
    if (b.equals("true") || b.equals("false")) {
      return DataTypes.BooleanType;
    }
    return DataTypes.StringType;
  }

  private LocalDate parseDate(String text) {
    try {
      if (dateFormat != null) {
        return LocalDate.parse(text.trim(), dateFormat);
      }
      // inference takes only the full yyyy-MM-dd form as a date, as Spark's default pattern does
      return text.trim().matches("\\d{4}-\\d{2}-\\d{2}") ? Temporal.parseDate(text) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isInt(String t) {
    try {
      Integer.parseInt(t);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isLong(String t) {
    try {
      Long.parseLong(t);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The common type of two inferred types (Spark's compatibleType for inference). */
  static DataType widen(DataType a, DataType b) {
    if (a.equals(b)) {
      return a;
    }
    if (a instanceof NullType) {
      return b;
    }
    if (b instanceof NullType) {
      return a;
    }
    int ra = numericRank(a);
    int rb = numericRank(b);
    if (ra > 0 && rb > 0) {
      if (a instanceof DoubleType || b instanceof DoubleType) {
        return DataTypes.DoubleType;
      }
      if (a instanceof DecimalType || b instanceof DecimalType) {
        int pa = a instanceof DecimalType da ? da.precision() : ra == 1 ? 10 : 20;
        int pb = b instanceof DecimalType db ? db.precision() : rb == 1 ? 10 : 20;
        int p = Math.max(pa, pb);
        return p > 38 ? DataTypes.DoubleType : DataTypes.createDecimalType(p, 0);
      }
      return ra >= rb ? a : b;
    }
    if ((a instanceof DateType && b instanceof TimestampType)
        || (a instanceof TimestampType && b instanceof DateType)) {
      return DataTypes.TimestampType;
    }
    return DataTypes.StringType;
  }

  private static int numericRank(DataType t) {
    if (t instanceof IntegerType) {
      return 1;
    }
    if (t instanceof LongType) {
      return 2;
    }
    if (t instanceof DecimalType) {
      return 3;
    }
    if (t instanceof DoubleType) {
      return 4;
    }
    return 0;
  }
}
