package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Temporal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
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
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** Mock rows to Parquet records (a WriteSupport) and Parquet groups back to mock values. */
final class ParquetRows {
  private ParquetRows() {}

  /** Writes the mock's internal rows in the layout of {@link ParquetSchemas#toParquet}. */
  static final class RowWriteSupport extends WriteSupport<Object[]> {
    private final StructType schema;
    private final MessageType message;
    private final Map<String, String> footer;
    private RecordConsumer out;

    RowWriteSupport(StructType schema, MessageType message, Map<String, String> footer) {
      this.schema = schema;
      this.message = message;
      this.footer = footer;
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in parquet-java 1.16, so it must be implemented
    public WriteContext init(Configuration configuration) {
      return new WriteContext(message, new HashMap<>(footer));
    }

    @Override
    public WriteContext init(org.apache.parquet.conf.ParquetConfiguration configuration) {
      return new WriteContext(message, new HashMap<>(footer));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
      out.startMessage();
      fields(row, schema);
      out.endMessage();
    }

    private void fields(Object[] row, StructType st) {
      for (int i = 0; i < row.length; i++) {
        if (row[i] != null) {
          String name = st.fields()[i].name();
          out.startField(name, i);
          value(row[i], st.fields()[i].dataType());
          out.endField(name, i);
        }
      }
    }

    private void value(Object v, DataType t) {
      if (t instanceof BooleanType) {
        out.addBoolean((Boolean) v);
      } else if (t instanceof ByteType) {
        out.addInteger((Byte) v);
      } else if (t instanceof ShortType) {
        out.addInteger((Short) v);
      } else if (t instanceof IntegerType) {
        out.addInteger((Integer) v);
      } else if (t instanceof LongType) {
        out.addLong((Long) v);
      } else if (t instanceof FloatType) {
        out.addFloat((Float) v);
      } else if (t instanceof DoubleType) {
        out.addDouble((Double) v);
      } else if (t instanceof StringType) {
        out.addBinary(Binary.fromString((String) v));
      } else if (t instanceof BinaryType) {
        out.addBinary(Binary.fromConstantByteArray((byte[]) v));
      } else if (t instanceof DateType) {
        out.addInteger((int) ((LocalDate) v).toEpochDay());
      } else if (t instanceof TimestampType) {
        out.addLong(Temporal.toMicros((Instant) v));
      } else if (t instanceof TimestampNTZType) {
        out.addLong(Temporal.toMicros(((LocalDateTime) v).toInstant(ZoneOffset.UTC)));
      } else if (t instanceof DecimalType d) {
        BigInteger unscaled = ((BigDecimal) v).setScale(d.scale()).unscaledValue();
        if (d.precision() <= 9) {
          out.addInteger(unscaled.intValueExact());
        } else if (d.precision() <= 18) {
          out.addLong(unscaled.longValueExact());
        } else {
          out.addBinary(Binary.fromConstantByteArray(fixed(unscaled, d.precision())));
        }
      } else if (t instanceof StructType st) {
        out.startGroup();
        fields((Object[]) v, st);
        out.endGroup();
      } else if (t instanceof ArrayType at) {
        out.startGroup();
        List<?> list = (List<?>) v;
        if (!list.isEmpty()) {
          out.startField("list", 0);
          for (Object e : list) {
            out.startGroup();
            if (e != null) {
              out.startField("element", 0);
              value(e, at.elementType());
              out.endField("element", 0);
            }
            out.endGroup();
          }
          out.endField("list", 0);
        }
        out.endGroup();
      } else if (t instanceof MapType mt) {
        out.startGroup();
        Map<?, ?> map = (Map<?, ?>) v;
        if (!map.isEmpty()) {
          out.startField("key_value", 0);
          for (Map.Entry<?, ?> e : map.entrySet()) {
            out.startGroup();
            out.startField("key", 0);
            value(e.getKey(), mt.keyType());
            out.endField("key", 0);
            if (e.getValue() != null) {
              out.startField("value", 1);
              value(e.getValue(), mt.valueType());
              out.endField("value", 1);
            }
            out.endGroup();
          }
          out.endField("key_value", 0);
        }
        out.endGroup();
      } else {
        throw dev.forgeline.mock.engine.NotSupported.method(
            "writing a " + t.sql() + " column as parquet");
      }
    }
  }

  private static byte[] fixed(BigInteger unscaled, int precision) {
    byte[] raw = unscaled.toByteArray();
    byte[] outBytes = new byte[ParquetSchemas.decimalBytes(precision)];
    byte pad = (byte) (unscaled.signum() < 0 ? -1 : 0);
    int offset = outBytes.length - raw.length;
    for (int i = 0; i < outBytes.length; i++) {
      outBytes[i] = i < offset ? pad : raw[i - offset];
    }
    return outBytes;
  }

  /** The value at {@code index} of a group as the internal value of {@code t}, or null. */
  static Object read(Group g, int index, Type field, DataType t) {
    if (g.getFieldRepetitionCount(index) == 0) {
      return null;
    }
    if (!field.isPrimitive()) {
      return nested(g.getGroup(index, 0), field.asGroupType(), t);
    }
    PrimitiveTypeName p = field.asPrimitiveType().getPrimitiveTypeName();
    switch (p) {
      case BOOLEAN:
        return g.getBoolean(index, 0);
      case INT32:
        return int32(g.getInteger(index, 0), t);
      case INT64:
        return int64(g.getLong(index, 0), t);
      case FLOAT:
        return t instanceof DoubleType
            ? (double) g.getFloat(index, 0)
            : (Object) g.getFloat(index, 0);
      case DOUBLE:
        return g.getDouble(index, 0);
      case INT96:
        return int96(g.getInt96(index, 0));
      default:
        Binary b = g.getBinary(index, 0);
        if (t instanceof DecimalType d) {
          return new BigDecimal(new BigInteger(b.getBytes()), d.scale());
        }
        return t instanceof StringType ? b.toStringUsingUTF8() : b.getBytes();
    }
  }

  private static Object int32(int v, DataType t) {
    if (t instanceof DateType) {
      return LocalDate.ofEpochDay(v);
    }
    if (t instanceof DecimalType d) {
      return BigDecimal.valueOf(v, d.scale());
    }
    if (t instanceof ByteType) {
      return (byte) v;
    }
    if (t instanceof ShortType) {
      return (short) v;
    }
    if (t instanceof LongType) {
      return (long) v;
    }
    return v;
  }

  private static Object int64(long v, DataType t) {
    if (t instanceof TimestampType) {
      return Temporal.fromMicros(v);
    }
    if (t instanceof TimestampNTZType) {
      return LocalDateTime.ofInstant(Temporal.fromMicros(v), ZoneOffset.UTC);
    }
    if (t instanceof DecimalType d) {
      return BigDecimal.valueOf(v, d.scale());
    }
    return v;
  }

  /** Spark's legacy INT96 timestamp: nanoseconds of the day, then the Julian day, little-endian. */
  private static Instant int96(Binary b) {
    ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buf.getLong();
    int julianDay = buf.getInt();
    long days = julianDay - 2_440_588L;
    return Temporal.micros(Instant.ofEpochSecond(days * 86_400L, nanosOfDay));
  }

  private static Object nested(Group g, GroupType field, DataType t) {
    if (t instanceof StructType st) {
      Object[] out = new Object[st.length()];
      for (int i = 0; i < out.length; i++) {
        String name = st.fields()[i].name();
        if (field.containsField(name)) {
          int idx = field.getFieldIndex(name);
          out[i] = read(g, idx, field.getType(idx), st.fields()[i].dataType());
        }
      }
      return out;
    }
    if (t instanceof ArrayType at) {
      List<Object> out = new ArrayList<>();
      Type repeated = field.getType(0);
      int n = g.getFieldRepetitionCount(0);
      for (int i = 0; i < n; i++) {
        if (repeated.isPrimitive() || repeated.asGroupType().getFieldCount() > 1) {
          out.add(readRepeated(g, 0, i, repeated, at.elementType()));
        } else {
          Group element = g.getGroup(0, i);
          out.add(read(element, 0, repeated.asGroupType().getType(0), at.elementType()));
        }
      }
      return out;
    }
    if (t instanceof MapType mt) {
      Map<Object, Object> out = new LinkedHashMap<>();
      GroupType kv = field.getType(0).asGroupType();
      int n = g.getFieldRepetitionCount(0);
      for (int i = 0; i < n; i++) {
        Group e = g.getGroup(0, i);
        out.put(read(e, 0, kv.getType(0), mt.keyType()), read(e, 1, kv.getType(1), mt.valueType()));
      }
      return out;
    }
    throw dev.forgeline.mock.engine.NotSupported.method("reading a Parquet group as " + t.sql());
  }

  private static Object readRepeated(Group g, int index, int i, Type repeated, DataType t) {
    if (!repeated.isPrimitive()) {
      return nested(g.getGroup(index, i), repeated.asGroupType(), t);
    }
    switch (repeated.asPrimitiveType().getPrimitiveTypeName()) {
      case INT32:
        return int32(g.getInteger(index, i), t);
      case INT64:
        return int64(g.getLong(index, i), t);
      case DOUBLE:
        return g.getDouble(index, i);
      case BOOLEAN:
        return g.getBoolean(index, i);
      default:
        return g.getBinary(index, i).toStringUsingUTF8();
    }
  }
}
