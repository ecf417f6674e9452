package dev.forgeline.mock.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoder;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoders;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Interprets Spark's {@link AgnosticEncoder}s (what {@code Encoders.bean}, {@code Encoders.LONG},
 * {@code Encoders.row} ... return) to turn user objects into internal rows and back.
 */
public final class Encoding {
  private Encoding() {}

  /** The encoder as an agnostic encoder, or an unsupported error naming its class. */
  public static AgnosticEncoder<?> agnostic(Encoder<?> encoder) {
    if (encoder instanceof AgnosticEncoder<?> a) {
      return a;
    }
    throw NotSupported.method("encoders of class " + encoder.getClass().getName());
  }

  /** The schema of rows produced by the encoder (a single {@code value} column for leaves). */
  public static StructType schema(Encoder<?> encoder) {
    return encoder.schema();
  }

  private static boolean isStruct(AgnosticEncoder<?> enc) {
    return enc.isStruct() && !(enc instanceof AgnosticEncoders.OptionEncoder);
  }

  /** A user object to an internal row of the encoder's schema. */
  public static Object[] toRow(Object obj, Encoder<?> encoder) {
    AgnosticEncoder<?> enc = agnostic(encoder);
    StructType schema = encoder.schema();
    if (enc instanceof AgnosticEncoders.RowEncoder || obj instanceof Row && !isStruct(enc)) {
      return RowCodec.fromRow((Row) obj, schema);
    }
    if (isStruct(enc)) {
      Object[] s = (Object[]) toInternal(obj, enc);
      if (s == null) {
        throw new org.apache.spark.SparkRuntimeException(
            "NOT_NULL_ASSERT_VIOLATION",
            Scala.map(
                Map.of(
                    "walkedTypePath",
                    "\n- root class: \"" + enc.clsTag().runtimeClass().getName() + "\"\n")),
            null,
            new org.apache.spark.QueryContext[0],
            "");
      }
      return s;
    }
    return new Object[] {toInternal(obj, enc)};
  }

  /** An internal row (of {@code schema}) to the encoder's user type. */
  public static Object fromRow(
      Object[] row, StructType schema, Encoder<?> encoder, SessionConf conf) {
    AgnosticEncoder<?> enc = agnostic(encoder);
    if (enc instanceof AgnosticEncoders.RowEncoder) {
      return RowCodec.toRow(row, schema, conf);
    }
    if (isStruct(enc)) {
      return fromStruct(row, schema, enc, conf);
    }
    DataType target = enc.dataType();
    Object v =
        Casts.cast(row[0], schema.fields()[0].dataType(), target, Casts.Mode.ANSI, conf.zone());
    return toExternal(v, enc, conf);
  }

  /** A user value to an internal value, guided by the encoder. */
  public static Object toInternal(Object v, AgnosticEncoder<?> enc) {
    if (v == null) {
      return null;
    }
    if (enc instanceof AgnosticEncoders.JavaBeanEncoder<?> bean) {
      List<AgnosticEncoders.EncoderField> fields = Scala.list(bean.fields());
      Object[] out = new Object[fields.size()];
      for (int i = 0; i < out.length; i++) {
        AgnosticEncoders.EncoderField f = fields.get(i);
        String getter = Scala.orNull(f.readMethod());
        try {
          Method m = v.getClass().getMethod(getter);
          out[i] = toInternal(m.invoke(v), f.enc());
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(
              "cannot read bean property " + f.name() + " of " + v.getClass(), e);
        }
      }
      return out;
    }
    if (enc instanceof AgnosticEncoders.ProductEncoder<?> product && v instanceof scala.Product p) {
      List<AgnosticEncoders.EncoderField> fields = Scala.list(product.fields());
      Object[] out = new Object[fields.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = toInternal(p.productElement(i), fields.get(i).enc());
      }
      return out;
    }
    if (enc instanceof AgnosticEncoders.RowEncoder) {
      return RowCodec.fromRow((Row) v, (StructType) enc.dataType());
    }
    if (enc instanceof AgnosticEncoders.OptionEncoder<?> o) {
      scala.Option<?> opt = (scala.Option<?>) v;
      return opt.isEmpty() ? null : toInternal(opt.get(), o.elementEncoder());
    }
    if (enc instanceof AgnosticEncoders.IterableEncoder<?, ?> it) {
      List<Object> out = new ArrayList<>();
      if (v instanceof Iterable<?> j) {
        for (Object x : j) {
          out.add(toInternal(x, it.element()));
        }
      } else if (v instanceof scala.collection.Iterable<?> s) {
        s.foreach(x -> out.add(toInternal(x, it.element())));
      }
      return out;
    }
    if (enc instanceof AgnosticEncoders.ArrayEncoder<?> arr) {
      List<Object> out = new ArrayList<>();
      int n = java.lang.reflect.Array.getLength(v);
      for (int i = 0; i < n; i++) {
        out.add(toInternal(java.lang.reflect.Array.get(v, i), arr.element()));
      }
      return out;
    }
    if (enc instanceof AgnosticEncoders.MapEncoder<?, ?, ?> me) {
      Map<Object, Object> out = new LinkedHashMap<>();
      if (v instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          out.put(
              toInternal(e.getKey(), me.keyEncoder()), toInternal(e.getValue(), me.valueEncoder()));
        }
      } else if (v instanceof scala.collection.Map<?, ?> m) {
        m.foreach(
            t ->
                out.put(
                    toInternal(t._1(), me.keyEncoder()), toInternal(t._2(), me.valueEncoder())));
      }
      return out;
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    return RowCodec.toInternal(v, enc.dataType());
  }

  private static Object fromStruct(
      Object[] row, StructType schema, AgnosticEncoder<?> enc, SessionConf conf) {
    if (enc instanceof AgnosticEncoders.JavaBeanEncoder<?> bean) {
      Class<?> cls = bean.clsTag().runtimeClass();
      try {
        Object obj = cls.getDeclaredConstructor().newInstance();
        for (AgnosticEncoders.EncoderField f : Scala.list(bean.fields())) {
          int idx = fieldIndex(schema, f.name());
          String setter = Scala.orNull(f.writeMethod());
          if (setter == null) {
            continue;
          }
          Object value = convert(row[idx], schema.fields()[idx].dataType(), f.enc(), conf);
          for (Method m : cls.getMethods()) {
            if (m.getName().equals(setter) && m.getParameterCount() == 1) {
              if (value == null && m.getParameterTypes()[0].isPrimitive()) {
                throw new org.apache.spark.SparkRuntimeException(
                    "NOT_NULL_ASSERT_VIOLATION",
                    Scala.map(
                        Map.of(
                            "walkedTypePath",
                            "\n- field (class: \""
                                + m.getParameterTypes()[0].getName()
                                + "\", name: \""
                                + f.name()
                                + "\")\n- root class: \""
                                + cls.getName()
                                + "\"\n")),
                    null,
                    new org.apache.spark.QueryContext[0],
                    "");
              }
              m.invoke(obj, value);
              break;
            }
          }
        }
        return obj;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create bean " + cls.getName(), e);
      }
    }
    if (enc instanceof AgnosticEncoders.ProductEncoder<?> product) {
      List<AgnosticEncoders.EncoderField> fields = Scala.list(product.fields());
      Object[] values = new Object[fields.size()];
      for (int i = 0; i < values.length; i++) {
        int idx = i < schema.length() ? i : fieldIndex(schema, fields.get(i).name());
        values[i] = convert(row[idx], schema.fields()[idx].dataType(), fields.get(i).enc(), conf);
      }
      Class<?> cls = product.clsTag().runtimeClass();
      for (java.lang.reflect.Constructor<?> c : cls.getConstructors()) {
        if (c.getParameterCount() == values.length) {
          try {
            return c.newInstance(values);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + cls.getName(), e);
          }
        }
      }
      throw NotSupported.method("decoding into " + cls.getName());
    }
    throw NotSupported.method("decoding with encoder " + enc.getClass().getSimpleName());
  }

  private static int fieldIndex(StructType schema, String name) {
    StructField[] fs = schema.fields();
    for (int i = 0; i < fs.length; i++) {
      if (fs[i].name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw Errors.unresolvedColumn(
        List.of(name), java.util.Arrays.stream(fs).map(f -> Names.quote(f.name())).toList());
  }

  private static Object convert(Object v, DataType from, AgnosticEncoder<?> enc, SessionConf conf) {
    if (v == null) {
      return null;
    }
    if (isStruct(enc) && !(enc instanceof AgnosticEncoders.RowEncoder)) {
      return fromStruct((Object[]) v, (StructType) from, enc, conf);
    }
    DataType target = enc.dataType();
    Object cast =
        Types.isAtomic(target) ? Casts.cast(v, from, target, Casts.Mode.ANSI, conf.zone()) : v;
    return toExternal(cast, enc, conf);
  }

  /** An internal value to the user type an encoder describes. */
  public static Object toExternal(Object v, AgnosticEncoder<?> enc, SessionConf conf) {
    if (v == null) {
      return enc instanceof AgnosticEncoders.OptionEncoder ? scala.Option.empty() : null;
    }
    if (enc instanceof AgnosticEncoders.OptionEncoder<?> o) {
      return scala.Option.apply(toExternal(v, o.elementEncoder(), conf));
    }
    if (enc instanceof AgnosticEncoders.RowEncoder) {
      return RowCodec.toRow((Object[]) v, (StructType) enc.dataType(), conf);
    }
    if (isStruct(enc)) {
      return fromStruct((Object[]) v, (StructType) enc.dataType(), enc, conf);
    }
    if (enc instanceof AgnosticEncoders.IterableEncoder<?, ?> it) {
      List<Object> out = new ArrayList<>();
      for (Object x : (List<?>) v) {
        out.add(toExternal(x, it.element(), conf));
      }
      Class<?> cls = it.clsTag().runtimeClass();
      if (scala.collection.Iterable.class.isAssignableFrom(cls)) {
        return Scala.seq(out);
      }
      return out;
    }
    if (enc instanceof AgnosticEncoders.ArrayEncoder<?> arr) {
      List<?> list = (List<?>) v;
      Class<?> component = arr.element().clsTag().runtimeClass();
      Object out = java.lang.reflect.Array.newInstance(component, list.size());
      for (int i = 0; i < list.size(); i++) {
        java.lang.reflect.Array.set(out, i, toExternal(list.get(i), arr.element(), conf));
      }
      return out;
    }
    if (enc instanceof AgnosticEncoders.MapEncoder<?, ?, ?> me) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(
            toExternal(e.getKey(), me.keyEncoder(), conf),
            toExternal(e.getValue(), me.valueEncoder(), conf));
      }
      if (scala.collection.Map.class.isAssignableFrom(me.clsTag().runtimeClass())) {
        return Scala.map(out);
      }
      return out;
    }
    if (enc instanceof AgnosticEncoders.LocalDateEncoder) {
      return v;
    }
    if (enc instanceof AgnosticEncoders.DateEncoder) {
      return java.sql.Date.valueOf((java.time.LocalDate) v);
    }
    if (enc instanceof AgnosticEncoders.InstantEncoder) {
      return v;
    }
    if (enc instanceof AgnosticEncoders.TimestampEncoder) {
      return java.sql.Timestamp.from((java.time.Instant) v);
    }
    if (enc instanceof AgnosticEncoders.JavaEnumEncoder<?> en) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Object e = Enum.valueOf((Class) en.clsTag().runtimeClass(), (String) v);
      return e;
    }
    return RowCodec.toExternal(v, enc.dataType(), conf);
  }
}
