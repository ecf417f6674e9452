package dev.forgeline.mock.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** Turns the values users pass to {@code lit()} into typed internal literals. */
public final class Literals {
  private Literals() {}

  /** A literal for an external value, with an optional declared type (typedLit). */
  public static Lit of(Object value, DataType declared) {
    if (value instanceof org.apache.spark.sql.Column) {
      throw Errors.analysis(
          "UNSUPPORTED_FEATURE.LITERAL_TYPE", "value", String.valueOf(value), "type", "Column");
    }
    DataType type = declared != null ? declared : infer(value);
    Object internal = RowCodec.toInternal(value, type);
    return new Lit(internal, type, sql(internal, type));
  }

  /** Spark's type for a literal value. */
  public static DataType infer(Object v) {
    if (v == null) {
      return DataTypes.NullType;
    }
    if (v instanceof Integer) {
      return DataTypes.IntegerType;
    }
    if (v instanceof Long) {
      return DataTypes.LongType;
    }
    if (v instanceof Double) {
      return DataTypes.DoubleType;
    }
    if (v instanceof Float) {
      return DataTypes.FloatType;
    }
    if (v instanceof Short) {
      return DataTypes.ShortType;
    }
    if (v instanceof Byte) {
      return DataTypes.ByteType;
    }
    if (v instanceof String || v instanceof Character) {
      return DataTypes.StringType;
    }
    if (v instanceof Boolean) {
      return DataTypes.BooleanType;
    }
    if (v instanceof BigDecimal d) {
      return new DecimalType(Math.max(d.precision(), d.scale()), Math.max(d.scale(), 0));
    }
    if (v instanceof scala.math.BigDecimal d) {
      return infer(d.bigDecimal());
    }
    if (v instanceof java.sql.Date || v instanceof LocalDate) {
      return DataTypes.DateType;
    }
    if (v instanceof java.sql.Timestamp || v instanceof Instant) {
      return DataTypes.TimestampType;
    }
    if (v instanceof LocalDateTime) {
      return DataTypes.TimestampNTZType;
    }
    if (v instanceof byte[]) {
      return DataTypes.BinaryType;
    }
    if (v instanceof java.time.Duration) {
      return org.apache.spark.sql.types.DayTimeIntervalType.apply();
    }
    throw Errors.analysis(
        "UNSUPPORTED_FEATURE.LITERAL_TYPE", "value", "'" + v + "'", "type", v.getClass().getName());
  }

  /** The pretty SQL of a literal as Spark uses it in generated column names. */
  public static String sql(Object internal, DataType type) {
    if (internal == null) {
      return "NULL";
    }
    if (type instanceof org.apache.spark.sql.types.DayTimeIntervalType dt
        && internal instanceof java.time.Duration d) {
      return Intervals.sql(d, dt);
    }
    if (type instanceof DateType) {
      return "DATE '" + Values.toDisplayString(internal, type, null) + "'";
    }
    if (type instanceof TimestampType) {
      return "TIMESTAMP '"
          + Temporal.formatTimestamp((Instant) internal, java.time.ZoneId.systemDefault())
          + "'";
    }
    if (type instanceof TimestampNTZType) {
      return "TIMESTAMP_NTZ '" + Values.toDisplayString(internal, type, null) + "'";
    }
    if (internal instanceof byte[] b) {
      StringBuilder sb = new StringBuilder("X'");
      for (byte x : b) {
        sb.append(String.format("%02X", x));
      }
      return sb.append('\'').toString();
    }
    return Values.toDisplayString(internal, type, null);
  }
}
