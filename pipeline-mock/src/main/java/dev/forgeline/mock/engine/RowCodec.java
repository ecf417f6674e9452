package dev.forgeline.mock.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
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
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
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
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Converts between the values users hand to and receive from Spark ({@link Row}, java.sql.Date,
 * Scala collections ...) and the mock's internal values, checking external types as Spark's
 * encoders do.
 */
public final class RowCodec {
  private RowCodec() {}

  /** External (user) value to internal value of {@code type}. */
  public static Object toInternal(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (v instanceof scala.Option<?> o) {
      return o.isEmpty() ? null : toInternal(o.get(), type);
    }
    if (type instanceof StringType) {
      if (v instanceof String || v instanceof Character) {
        return v.toString();
      }
      if (v instanceof org.apache.spark.unsafe.types.UTF8String) {
        return v.toString();
      }
      throw badType(v, type);
    }
    if (type instanceof IntegerType) {
      return exact(v, Integer.class, type);
    }
    if (type instanceof LongType) {
      return exact(v, Long.class, type);
    }
    if (type instanceof DoubleType) {
      return exact(v, Double.class, type);
    }
    if (type instanceof FloatType) {
      return exact(v, Float.class, type);
    }
    if (type instanceof ShortType) {
      return exact(v, Short.class, type);
    }
    if (type instanceof ByteType) {
      return exact(v, Byte.class, type);
    }
    if (type instanceof BooleanType) {
      return exact(v, Boolean.class, type);
    }
    if (type instanceof DecimalType dt) {
      BigDecimal d;
      if (v instanceof BigDecimal b) {
        d = b;
      } else if (v instanceof scala.math.BigDecimal b) {
        d = b.bigDecimal();
      } else if (v instanceof org.apache.spark.sql.types.Decimal b) {
        d = b.toJavaBigDecimal();
      } else if (v instanceof BigInteger b) {
        d = new BigDecimal(b);
      } else if (v instanceof Integer || v instanceof Long) {
        d = BigDecimal.valueOf(((Number) v).longValue());
      } else {
        throw badType(v, type);
      }
      BigDecimal r = Arithmetic.fitDecimal(d, dt, false);
      if (r == null) {
        throw Errors.decimalOutOfRange(d.toPlainString(), dt.precision(), dt.scale());
      }
      return r;
    }
    if (type instanceof DateType) {
      if (v instanceof Date d) {
        return d.toLocalDate();
      }
      if (v instanceof LocalDate d) {
        return d;
      }
      throw badType(v, type);
    }
    if (type instanceof TimestampType) {
      if (v instanceof Timestamp t) {
        return Temporal.micros(t.toInstant());
      }
      if (v instanceof Instant i) {
        return Temporal.micros(i);
      }
      throw badType(v, type);
    }
    if (type instanceof TimestampNTZType) {
      if (v instanceof LocalDateTime t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
      }
      throw badType(v, type);
    }
    if (type instanceof BinaryType) {
      if (v instanceof byte[] b) {
        return b;
      }
      throw badType(v, type);
    }
    if (type instanceof ArrayType at) {
      List<Object> out = new ArrayList<>();
      if (v instanceof scala.collection.Iterable<?> it) {
        it.foreach(x -> out.add(toInternal(x, at.elementType())));
      } else if (v instanceof Iterable<?> it) {
        for (Object x : it) {
          out.add(toInternal(x, at.elementType()));
        }
      } else if (v instanceof Object[] arr) {
        for (Object x : arr) {
          out.add(toInternal(x, at.elementType()));
        }
      } else if (v.getClass().isArray()) {
        int n = java.lang.reflect.Array.getLength(v);
        for (int i = 0; i < n; i++) {
          out.add(toInternal(java.lang.reflect.Array.get(v, i), at.elementType()));
        }
      } else {
        throw badType(v, type);
      }
      return out;
    }
    if (type instanceof MapType mt) {
      Map<Object, Object> out = new LinkedHashMap<>();
      if (v instanceof scala.collection.Map<?, ?> m) {
        m.foreach(
            t -> out.put(toInternal(t._1(), mt.keyType()), toInternal(t._2(), mt.valueType())));
      } else if (v instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          out.put(toInternal(e.getKey(), mt.keyType()), toInternal(e.getValue(), mt.valueType()));
        }
      } else {
        throw badType(v, type);
      }
      return out;
    }
    if (type instanceof StructType st) {
      if (v instanceof Row r) {
        Object[] out = new Object[st.length()];
        for (int i = 0; i < out.length; i++) {
          out[i] = toInternal(r.get(i), st.fields()[i].dataType());
        }
        return out;
      }
      throw badType(v, type);
    }
    if (type instanceof NullType) {
      return null;
    }
    if (type instanceof org.apache.spark.sql.types.DayTimeIntervalType
        && v instanceof java.time.Duration d) {
      return d;
    }
    throw NotSupported.method("values of type " + type.sql());
  }

  private static Object exact(Object v, Class<?> cls, DataType type) {
    if (cls.isInstance(v)) {
      return v;
    }
    throw badType(v, type);
  }

  private static RuntimeException badType(Object v, DataType type) {
    return new org.apache.spark.SparkRuntimeException(
        "EXPRESSION_ENCODING_FAILED",
        Scala.map(
            Map.of(
                "expressions",
                v.getClass().getName()
                    + " is not a valid external type for schema of "
                    + type.simpleString())),
        new IllegalArgumentException(
            v.getClass().getName()
                + " is not a valid external type for schema of "
                + type.simpleString()),
        new org.apache.spark.QueryContext[0],
        "");
  }

  /** Internal value to the external value a {@link Row} holds. */
  public static Object toExternal(Object v, DataType type, SessionConf conf) {
    if (v == null) {
      return null;
    }
    if (type instanceof DateType) {
      LocalDate d = (LocalDate) v;
      return conf.java8Api() ? d : Date.valueOf(d);
    }
    if (type instanceof TimestampType) {
      Instant i = (Instant) v;
      return conf.java8Api() ? i : Timestamp.from(i);
    }
    if (type instanceof ArrayType at) {
      List<?> list = (List<?>) v;
      List<Object> out = new ArrayList<>(list.size());
      for (Object x : list) {
        out.add(toExternal(x, at.elementType(), conf));
      }
      return Scala.seq(out);
    }
    if (type instanceof MapType mt) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(
            toExternal(e.getKey(), mt.keyType(), conf),
            toExternal(e.getValue(), mt.valueType(), conf));
      }
      return Scala.map(out);
    }
    if (type instanceof StructType st) {
      return toRow((Object[]) v, st, conf);
    }
    return v;
  }

  /**
   * Whether every column of {@code schema} has the same internal and external value (numbers,
   * decimals, strings, booleans, binary, null), so a {@link Row} may hold the internal values as
   * they are.
   */
  public static boolean sharesValues(StructType schema) {
    for (StructField f : schema.fields()) {
      DataType t = f.dataType();
      if (!(t instanceof NumericType
          || t instanceof StringType
          || t instanceof BooleanType
          || t instanceof BinaryType
          || t instanceof NullType)) {
        return false;
      }
    }
    return true;
  }

  /** An internal row to a {@link Row} carrying the schema. */
  public static Row toRow(Object[] values, StructType schema, SessionConf conf) {
    Object[] out = new Object[schema.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = toExternal(values[i], schema.fields()[i].dataType(), conf);
    }
    return new GenericRowWithSchema(out, schema);
  }

  /** A {@link Row} to an internal row of {@code schema}. */
  public static Object[] fromRow(Row row, StructType schema) {
    if (row.length() != schema.length()) {
      throw Errors.analysis(
          "INVALID_ROW_LENGTH",
          "expected",
          String.valueOf(schema.length()),
          "actual",
          String.valueOf(row.length()));
    }
    Object[] out = new Object[schema.length()];
    for (int i = 0; i < out.length; i++) {
      Object v = row.get(i);
      if (v == null && !schema.fields()[i].nullable()) {
        throw new org.apache.spark.SparkRuntimeException(
            "NOT_NULL_ASSERT_VIOLATION",
            Scala.map(
                Map.of(
                    "walkedTypePath", "\n- root class: \"" + schema.fields()[i].name() + "\"\n")),
            null,
            new org.apache.spark.QueryContext[0],
            "");
      }
      out[i] = toInternal(v, schema.fields()[i].dataType());
    }
    return out;
  }
}
