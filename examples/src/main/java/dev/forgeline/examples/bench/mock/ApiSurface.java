package dev.forgeline.examples.bench.mock;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts, for one abstract Spark class, its abstract methods and how many of them a backend's class
 * implements: overridden by a concrete method not annotated
 * {@code @dev.forgeline.mock.Unsupported}.
 *
 * @since 0.1.0
 */
public final class ApiSurface {

  /** The annotation the mock puts on methods it overrides only to throw. */
  public static final String UNSUPPORTED_ANNOTATION = "dev.forgeline.mock.Unsupported";

  private ApiSurface() {}

  /**
   * The audit of one abstract class.
   *
   * @param api the abstract Spark class, never null
   * @param implementation the backend's class, or null when the backend does not provide one
   * @param total the number of abstract methods of {@code api}
   * @param implemented how many of them the implementation overrides and supports
   * @param missing signatures of the abstract methods not implemented, never null
   */
  public record Audit(
      Class<?> api, Class<?> implementation, int total, int implemented, List<String> missing) {
    /** Copies the list. */
    public Audit {
      Objects.requireNonNull(api, "api");
      missing = List.copyOf(missing);
    }
  }

  /**
   * Audits one class.
   *
   * @param api the abstract Spark class, never null
   * @param implementation the backend's concrete class, or null if it provides none
   * @return the audit, never null
   */
  public static Audit audit(Class<?> api, Class<?> implementation) {
    Map<String, Method> abstracts = abstractMethods(api);
    List<String> missing = new ArrayList<>();
    int implemented = 0;
    for (Map.Entry<String, Method> e : abstracts.entrySet()) {
      Method impl = implementation == null ? null : concrete(implementation, e.getValue());
      if (impl != null && !unsupported(impl)) {
        implemented++;
      } else {
        missing.add(e.getKey());
      }
    }
    return new Audit(api, implementation, abstracts.size(), implemented, missing);
  }

  private static Map<String, Method> abstractMethods(Class<?> api) {
    Map<String, Method> byKey = new LinkedHashMap<>();
    Map<String, Method> concrete = new LinkedHashMap<>();
    for (Class<?> c = api; c != null && c != Object.class; c = c.getSuperclass()) {
      collect(c, byKey, concrete);
      for (Class<?> i : c.getInterfaces()) {
        collectInterface(i, byKey, concrete);
      }
    }
    byKey.keySet().removeAll(concrete.keySet());
    return byKey;
  }

  private static void collectInterface(
      Class<?> i, Map<String, Method> abstracts, Map<String, Method> concrete) {
    collect(i, abstracts, concrete);
    for (Class<?> parent : i.getInterfaces()) {
      collectInterface(parent, abstracts, concrete);
    }
  }

  private static void collect(
      Class<?> c, Map<String, Method> abstracts, Map<String, Method> concrete) {
    for (Method m : c.getDeclaredMethods()) {
      if (m.isSynthetic() || m.isBridge() || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      String key = key(m);
      if (Modifier.isAbstract(m.getModifiers())) {
        if (!concrete.containsKey(key)) {
          abstracts.putIfAbsent(key, m);
        }
      } else {
        concrete.putIfAbsent(key, m);
      }
    }
  }

  private static Method concrete(Class<?> impl, Method wanted) {
    for (Class<?> c = impl; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Method m = c.getDeclaredMethod(wanted.getName(), wanted.getParameterTypes());
        return Modifier.isAbstract(m.getModifiers()) ? null : m;
      } catch (NoSuchMethodException e) {
        // look further up
      }
    }
    return null;
  }

  private static boolean unsupported(Method m) {
    return Arrays.stream(m.getAnnotations())
        .anyMatch(a -> a.annotationType().getName().equals(UNSUPPORTED_ANNOTATION));
  }

  private static String key(Method m) {
    StringBuilder sb = new StringBuilder(m.getName()).append('(');
    Class<?>[] params = m.getParameterTypes();
    for (int i = 0; i < params.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(params[i].getSimpleName());
    }
    return sb.append(')').toString();
  }
}
