package dev.forgeline.mock.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Spark's CAST in its three modes. ANSI raises CAST_INVALID_INPUT / CAST_OVERFLOW, TRY returns null
 * where ANSI would raise, LEGACY returns null for bad input and wraps integral overflow.
 */
public final class Casts {
  /** How a cast treats bad input. */
  public enum Mode {
    ANSI,
    TRY,
    LEGACY
  }

  private static final Pattern INTEGRAL = Pattern.compile("[+-]?\\d+");
  private static final Pattern INTEGRAL_WITH_FRACTION = Pattern.compile("[+-]?(\\d+)?(\\.\\d*)?");
  private static final Pattern DECIMAL_TEXT =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private Casts() {}

  /** Whether Spark's analyzer accepts CAST(from AS to) in the given mode. */
  public static boolean canCast(DataType from, DataType to, Mode mode) {
    if (from.equals(to) || from instanceof NullType) {
      return true;
    }
    if (to instanceof StringType) {
      return true;
    }
    if (from instanceof StringType) {
      return Types.isAtomic(to);
    }
    if (Types.isNumeric(from) && (Types.isNumeric(to) || to instanceof BooleanType)) {
      return true;
    }
    if (from instanceof BooleanType && Types.isNumeric(to)) {
      return true;
    }
    if (Types.isNumeric(from) && to instanceof TimestampType) {
      return true;
    }
    if (from instanceof TimestampType && Types.isNumeric(to)) {
      return true;
    }
    if (Types.isDatetime(from) && Types.isDatetime(to)) {
      return true;
    }
    if (from instanceof DateType && (Types.isNumeric(to) || to instanceof BooleanType)) {
      return mode == Mode.LEGACY;
    }
    if (from instanceof ArrayType a && to instanceof ArrayType b) {
      return canCast(a.elementType(), b.elementType(), mode);
    }
    if (from instanceof MapType a && to instanceof MapType b) {
      return canCast(a.keyType(), b.keyType(), mode) && canCast(a.valueType(), b.valueType(), mode);
    }
    if (from instanceof StructType a && to instanceof StructType b && a.length() == b.length()) {
      for (int i = 0; i < a.length(); i++) {
        if (!canCast(a.fields()[i].dataType(), b.fields()[i].dataType(), mode)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Casts a non-null or null internal value. */
  public static Object cast(Object v, DataType from, DataType to, Mode mode, ZoneId zone) {
    if (v == null) {
      return null;
    }
    if (from.equals(to)) {
      return v;
    }
    try {
      return castNonNull(v, from, to, mode, zone);
    } catch (RuntimeException e) {
      if (mode == Mode.TRY && e instanceof org.apache.spark.SparkThrowable) {
        return null;
      }
      throw e;
    }
  }

  private static Object castNonNull(Object v, DataType from, DataType to, Mode mode, ZoneId zone) {
    if (to instanceof StringType) {
      return Values.toDisplayString(v, from, zone);
    }
    if (v instanceof String s) {
      return fromString(s, from, to, mode, zone);
    }
    if (to instanceof BooleanType) {
      if (v instanceof Number n) {
        return !Arithmetic.isZero(n);
      }
      return null;
    }
    if (v instanceof Boolean b) {
      return Arithmetic.coerce(b ? 1 : 0, to);
    }
    if (v instanceof Number n && Types.isNumeric(to)) {
      return numeric(n, from, to, mode);
    }
    if (v instanceof Number n && to instanceof TimestampType) {
      BigDecimal micros = Arithmetic.toBigDecimal(n).multiply(BigDecimal.valueOf(1_000_000L));
      return Temporal.fromMicros(micros.setScale(0, RoundingMode.DOWN).longValueExact());
    }
    if (v instanceof Instant i) {
      if (to instanceof DateType) {
        return LocalDateTime.ofInstant(i, zone).toLocalDate();
      }
      if (to instanceof TimestampNTZType) {
        return LocalDateTime.ofInstant(i, zone);
      }
      if (Types.isNumeric(to)) {
        long micros = Temporal.toMicros(i);
        if (Types.isFractional(to) || to instanceof DecimalType) {
          return numeric(
              BigDecimal.valueOf(micros).movePointLeft(6), new DecimalType(38, 6), to, mode);
        }
        return numeric(
            Math.floorDiv(micros, 1_000_000L),
            org.apache.spark.sql.types.DataTypes.LongType,
            to,
            mode);
      }
    }
    if (v instanceof LocalDate d) {
      if (to instanceof TimestampType) {
        return d.atStartOfDay(zone).toInstant();
      }
      if (to instanceof TimestampNTZType) {
        return d.atStartOfDay();
      }
      return null;
    }
    if (v instanceof LocalDateTime t) {
      if (to instanceof DateType) {
        return t.toLocalDate();
      }
      if (to instanceof TimestampType) {
        return t.atZone(zone).toInstant();
      }
    }
    if (v instanceof List<?> list && to instanceof ArrayType at) {
      DataType fe = ((ArrayType) from).elementType();
      List<Object> out = new ArrayList<>(list.size());
      for (Object e : list) {
        out.add(cast(e, fe, at.elementType(), mode, zone));
      }
      return out;
    }
    if (v instanceof Map<?, ?> map && to instanceof MapType mt) {
      MapType fm = (MapType) from;
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(
            cast(e.getKey(), fm.keyType(), mt.keyType(), mode, zone),
            cast(e.getValue(), fm.valueType(), mt.valueType(), mode, zone));
      }
      return out;
    }
    if (v instanceof Object[] struct && to instanceof StructType st) {
      StructType fs = (StructType) from;
      Object[] out = new Object[struct.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = cast(struct[i], fs.fields()[i].dataType(), st.fields()[i].dataType(), mode, zone);
      }
      return out;
    }
    if (v instanceof byte[] && to instanceof BinaryType) {
      return v;
    }
    throw Errors.castMismatch("CAST", from, to);
  }

  private static Object fromString(String s, DataType from, DataType to, Mode mode, ZoneId zone) {
    Object result = parse(s, to, mode, zone);
    if (result == null && mode == Mode.ANSI && !(to instanceof BinaryType)) {
      throw Errors.castInvalidInput(sqlString(s), from, to);
    }
    return result;
  }

  private static Object parse(String raw, DataType to, Mode mode, ZoneId zone) {
    String s = raw.strip();
    if (to instanceof BinaryType) {
      return raw.getBytes(StandardCharsets.UTF_8);
    }
    if (to instanceof BooleanType) {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "t", "true", "y", "yes", "1":
          return Boolean.TRUE;
        case "f", "false", "n", "no", "0":
          return Boolean.FALSE;
        default:
          return null;
      }
    }
    if (Types.isIntegral(to)) {
      String digits = s;
      if (!INTEGRAL.matcher(s).matches()) {
        if (mode == Mode.LEGACY && INTEGRAL_WITH_FRACTION.matcher(s).matches() && !s.isEmpty()) {
          int dot = s.indexOf('.');
          digits = s.substring(0, dot);
          if (digits.isEmpty() || digits.equals("+") || digits.equals("-")) {
            digits = digits + "0";
          }
        } else {
          return null;
        }
      }
      BigInteger n = new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
      if (!fitsIntegral(n, to)) {
        return null;
      }
      return Arithmetic.coerce(n.longValue(), to);
    }
    if (to instanceof DoubleType || to instanceof FloatType) {
      Double d = parseDouble(s);
      if (d == null) {
        return null;
      }
      return to instanceof DoubleType ? (Object) d : (Object) d.floatValue();
    }
    if (to instanceof DecimalType dt) {
      if (!DECIMAL_TEXT.matcher(s).matches()) {
        return null;
      }
      BigDecimal d = new BigDecimal(s);
      return Arithmetic.fitDecimal(d, dt, mode == Mode.ANSI);
    }
    if (to instanceof DateType) {
      return Temporal.parseDate(s);
    }
    if (to instanceof TimestampType) {
      return Temporal.parseTimestamp(s, zone);
    }
    if (to instanceof TimestampNTZType) {
      return Temporal.parseLocal(s);
    }
    return null;
  }

  private static Double parseDouble(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        break;
    }
    if (!DECIMAL_TEXT
        .matcher(
            s.endsWith("d") || s.endsWith("D") || s.endsWith("f") || s.endsWith("F")
                ? s.substring(0, s.length() - 1)
                : s)
        .matches()) {
      return null;
    }
    return Double.parseDouble(s);
  }

  private static boolean fitsIntegral(long v, DataType to) {
    if (to instanceof LongType) {
      return true;
    }
    if (to instanceof IntegerType) {
      return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }
    if (to instanceof ShortType) {
      return v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
    }
    return to instanceof ByteType && v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
  }

  private static boolean fitsIntegral(BigInteger n, DataType to) {
    long min;
    long max;
    if (to instanceof ByteType) {
      min = Byte.MIN_VALUE;
      max = Byte.MAX_VALUE;
    } else if (to instanceof ShortType) {
      min = Short.MIN_VALUE;
      max = Short.MAX_VALUE;
    } else if (to instanceof IntegerType) {
      min = Integer.MIN_VALUE;
      max = Integer.MAX_VALUE;
    } else {
      return n.bitLength() <= 63;
    }
    return n.compareTo(BigInteger.valueOf(min)) >= 0 && n.compareTo(BigInteger.valueOf(max)) <= 0;
  }

  private static Object numeric(Number n, DataType from, DataType to, Mode mode) {
    if (to instanceof DoubleType) {
      return n.doubleValue();
    }
    if (to instanceof FloatType) {
      return n.floatValue();
    }
    if (to instanceof DecimalType dt) {
      if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
        if (mode == Mode.ANSI) {
          throw Errors.castOverflow(literal(n, from), from, to);
        }
        return null;
      }
      BigDecimal d = Arithmetic.toBigDecimal(n);
      BigDecimal r = d.setScale(dt.scale(), RoundingMode.HALF_UP);
      if (r.precision() - r.scale() > dt.precision() - dt.scale() && r.signum() != 0) {
        if (mode == Mode.ANSI) {
          throw Errors.decimalOutOfRange(r.toPlainString(), dt.precision(), dt.scale());
        }
        return null;
      }
      return r;
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      long v = n.longValue();
      if (fitsIntegral(v, to)) {
        return Arithmetic.coerce(v, to);
      }
    }
    BigInteger whole;
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        if (mode == Mode.ANSI) {
          throw Errors.castOverflow(literal(n, from), from, to);
        }
        return legacyFromDouble(d, to);
      }
      whole = new BigDecimal(d).toBigInteger();
    } else {
      whole = Arithmetic.toBigDecimal(n).toBigInteger();
    }
    if (!fitsIntegral(whole, to)) {
      if (mode == Mode.ANSI) {
        throw Errors.castOverflow(literal(n, from), from, to);
      }
      if (mode == Mode.TRY) {
        return null;
      }
      if (n instanceof Double || n instanceof Float) {
        return legacyFromDouble(n.doubleValue(), to);
      }
      return Arithmetic.coerce(whole.longValue(), to);
    }
    return Arithmetic.coerce(whole.longValue(), to);
  }

  private static Object legacyFromDouble(double d, DataType to) {
    if (to instanceof LongType) {
      return (long) d;
    }
    int i = (int) d;
    return Arithmetic.coerce(i, to);
  }

  /** Spark's SQL literal form of a value (toSQLValue): 1, 1L, 1.0D, 'a'. */
  public static String literal(Object v, DataType type) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof String s) {
      return sqlString(s);
    }
    if (type instanceof LongType) {
      return v + "L";
    }
    if (type instanceof DoubleType) {
      return v + "D";
    }
    if (type instanceof FloatType) {
      return v + "F";
    }
    if (type instanceof ShortType) {
      return v + "S";
    }
    if (type instanceof ByteType) {
      return v + "Y";
    }
    if (type instanceof DecimalType) {
      return ((BigDecimal) v).toPlainString() + "BD";
    }
    return String.valueOf(v);
  }

  /** A string quoted as a SQL literal. */
  public static String sqlString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
