package dev.forgeline.core.internal.graph;

import com.google.inject.TypeLiteral;
import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the {@code @Delivery} fields and setters of factory classes, once per class. */
final class DeliveryScanner {

  /** A member that cannot be a delivery, and why. */
  record Defect(String member, boolean raw, String found) {}

  /** The usable delivery points of a class and its defective members. */
  record Scan(List<DeliveryPoint> points, List<Defect> defects) {}

  private final ConcurrentHashMap<Class<?>, Scan> cache = new ConcurrentHashMap<>();

  Scan scan(Class<?> type) {
    return cache.computeIfAbsent(type, DeliveryScanner::doScan);
  }

  private static Scan doScan(Class<?> type) {
    TypeLiteral<?> literal = TypeLiteral.get(type);
    List<DeliveryPoint> points = new ArrayList<>();
    List<Defect> defects = new ArrayList<>();
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    for (Class<?> c : hierarchy) {
      for (Field f : c.getDeclaredFields()) {
        Delivery d = f.getAnnotation(Delivery.class);
        if (d == null) {
          continue;
        }
        String member = "field [" + f.getName() + "]";
        if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
          defects.add(new Defect(member, false, "found: a static or final field"));
          continue;
        }
        Type declared = f.getGenericType();
        if (Types.containsRaw(declared)) {
          defects.add(new Defect(member, true, "found: raw type " + Types.render(declared)));
          continue;
        }
        f.setAccessible(true);
        TypeLiteral<?> resolved = TypeLiteral.get(Types.box(literal.getFieldType(f).getType()));
        points.add(new DeliveryPoint(f, null, resolved, d.id(), producer(d), d.optional()));
      }
      Method[] methods = c.getDeclaredMethods();
      Arrays.sort(methods, Comparator.comparing(Method::getName));
      for (Method m : methods) {
        Delivery d = m.getAnnotation(Delivery.class);
        if (d == null || m.isBridge()) {
          continue;
        }
        String member = "setter [" + m.getName() + "]";
        if (m.getParameterCount() != 1 || Modifier.isStatic(m.getModifiers())) {
          defects.add(
              new Defect(
                  member,
                  false,
                  "found: "
                      + (Modifier.isStatic(m.getModifiers()) ? "a static method with " : "")
                      + m.getParameterCount()
                      + " parameters"));
          continue;
        }
        Type declared = m.getGenericParameterTypes()[0];
        if (Types.containsRaw(declared)) {
          defects.add(new Defect(member, true, "found: raw type " + Types.render(declared)));
          continue;
        }
        m.setAccessible(true);
        TypeLiteral<?> resolved =
            TypeLiteral.get(Types.box(literal.getParameterTypes(m).get(0).getType()));
        points.add(new DeliveryPoint(null, m, resolved, d.id(), producer(d), d.optional()));
      }
    }
    return new Scan(List.copyOf(points), List.copyOf(defects));
  }

  private static Class<?> producer(Delivery d) {
    return d.producer() == Factory.class ? null : d.producer();
  }
}
