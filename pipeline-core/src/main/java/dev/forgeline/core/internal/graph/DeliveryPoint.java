package dev.forgeline.core.internal.graph;

import com.google.inject.TypeLiteral;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * One {@code @Delivery} field or setter of a factory class, with its resolved generic type.
 *
 * @param field the field, or null for a setter
 * @param setter the setter, or null for a field
 * @param type the resolved, boxed type of the field or parameter
 * @param id the requested producer id; empty for any
 * @param producer the requested producer class; null for any
 * @param optional whether no producer is acceptable
 */
public record DeliveryPoint(
    Field field,
    Method setter,
    TypeLiteral<?> type,
    String id,
    Class<?> producer,
    boolean optional) {

  /** {@code field orders} or {@code setter setOrders(..)}. */
  public String describe() {
    return field != null ? "field [" + field.getName() + "]" : "setter [" + setter.getName() + "]";
  }

  /** The field's or setter's name. */
  public String name() {
    return field != null ? field.getName() : setter.getName();
  }

  /** Hands {@code value} to {@code target}. */
  public void inject(Object target, Object value)
      throws IllegalAccessException, InvocationTargetException {
    if (field != null) {
      field.set(target, value);
    } else {
      setter.invoke(target, value);
    }
  }
}
