package dev.forgeline.core.internal.cache;

import com.google.inject.TypeLiteral;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/** How a stored Dataset is typed again when it is read back: {@code Row}, a bean, or a scalar. */
final class Encoding {
  private static final Map<Class<?>, Encoder<?>> SCALARS =
      Map.of(
          String.class, Encoders.STRING(),
          Long.class, Encoders.LONG(),
          Integer.class, Encoders.INT(),
          Double.class, Encoders.DOUBLE(),
          Boolean.class, Encoders.BOOLEAN());

  private Encoding() {}

  /** Whether {@code type} is a {@code Dataset<...>}. */
  static boolean isDataset(TypeLiteral<?> type) {
    return Dataset.class.isAssignableFrom(type.getRawType());
  }

  /** The element class of a {@code Dataset<X>}, or null when it is not one class. */
  static Class<?> element(TypeLiteral<?> type) {
    Type t = type.getType();
    if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  /** Why a Dataset of {@code type} cannot be read back typed, or null when it can. */
  static String problem(TypeLiteral<?> type) {
    Class<?> e = element(type);
    if (e == null) {
      return "its element type " + type + " is not a class";
    }
    if (e == Row.class || SCALARS.containsKey(e)) {
      return null;
    }
    if (e.isRecord() || e.isInterface() || Modifier.isAbstract(e.getModifiers())) {
      return "its element type " + e.getName() + " is not a JavaBean (Encoders.bean needs one)";
    }
    try {
      e.getConstructor();
    } catch (NoSuchMethodException ex) {
      return "its element type " + e.getName() + " has no public no-argument constructor";
    }
    return null;
  }

  /** The Dataset typed as {@code type} says. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Dataset<?> typed(Dataset<Row> rows, TypeLiteral<?> type) {
    Class<?> e = element(type);
    if (e == null || e == Row.class) {
      return rows;
    }
    Encoder<?> scalar = SCALARS.get(e);
    return rows.as(scalar != null ? (Encoder) scalar : Encoders.bean(e));
  }
}
