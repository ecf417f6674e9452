package dev.forgeline.core.internal.graph;

import com.google.inject.TypeLiteral;
import dev.forgeline.core.Factory;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generic-type helpers: a factory's output type, raw-type checks, boxing and short rendering.
 * Internal; public only for {@code Pipeline}.
 */
public final class Types {
  private static final Map<Class<?>, Class<?>> BOXES =
      Map.of(
          boolean.class, Boolean.class,
          byte.class, Byte.class,
          short.class, Short.class,
          char.class, Character.class,
          int.class, Integer.class,
          long.class, Long.class,
          float.class, Float.class,
          double.class, Double.class);

  private Types() {}

  /**
   * The {@code T} of {@code Factory<T>} as seen from {@code factoryClass}, or null when it is raw
   * or still a type variable.
   */
  static TypeLiteral<?> outputType(Class<?> factoryClass) {
    Type sup = TypeLiteral.get(factoryClass).getSupertype(Factory.class).getType();
    if (!(sup instanceof ParameterizedType p)) {
      return null;
    }
    Type t = p.getActualTypeArguments()[0];
    if (!isResolved(t) || containsRaw(t)) {
      return null;
    }
    return TypeLiteral.get(box(t));
  }

  /** Whether {@code t} has no type variables. */
  static boolean isResolved(Type t) {
    if (t instanceof TypeVariable<?>) {
      return false;
    }
    if (t instanceof ParameterizedType p) {
      return Arrays.stream(p.getActualTypeArguments()).allMatch(Types::isResolved);
    }
    if (t instanceof GenericArrayType a) {
      return isResolved(a.getGenericComponentType());
    }
    if (t instanceof WildcardType w) {
      return Arrays.stream(w.getUpperBounds()).allMatch(Types::isResolved)
          && Arrays.stream(w.getLowerBounds()).allMatch(Types::isResolved);
    }
    return true;
  }

  /** Whether {@code t} is, or contains, a generic class used without type arguments. */
  static boolean containsRaw(Type t) {
    if (t instanceof Class<?> c) {
      if (c.isArray()) {
        return containsRaw(c.getComponentType());
      }
      return c.getTypeParameters().length > 0;
    }
    if (t instanceof ParameterizedType p) {
      return Arrays.stream(p.getActualTypeArguments()).anyMatch(Types::containsRaw);
    }
    if (t instanceof GenericArrayType a) {
      return containsRaw(a.getGenericComponentType());
    }
    return false;
  }

  /** The wrapper of a primitive type; other types unchanged. */
  public static Type box(Type t) {
    return t instanceof Class<?> c && c.isPrimitive() ? BOXES.get(c) : t;
  }

  /** Short form with simple class names: {@code Dataset<Order>}. */
  static String render(Type t) {
    if (t instanceof Class<?> c) {
      if (c.isArray()) {
        return render(c.getComponentType()) + "[]";
      }
      String name = c.getName();
      String pkgless = name.substring(name.lastIndexOf('.') + 1);
      return pkgless.replace('$', '.');
    }
    if (t instanceof ParameterizedType p) {
      return render(p.getRawType())
          + Arrays.stream(p.getActualTypeArguments())
              .map(Types::render)
              .collect(Collectors.joining(", ", "<", ">"));
    }
    if (t instanceof GenericArrayType a) {
      return render(a.getGenericComponentType()) + "[]";
    }
    if (t instanceof WildcardType w) {
      if (w.getLowerBounds().length > 0) {
        return "? super " + render(w.getLowerBounds()[0]);
      }
      Type upper = w.getUpperBounds()[0];
      return upper == Object.class ? "?" : "? extends " + render(upper);
    }
    return t.getTypeName();
  }

  /** Short form of a type literal. */
  static String render(TypeLiteral<?> t) {
    return render(t.getType());
  }
}
