package dev.forgeline.examples.bench.mock;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.Alias;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.UnresolvedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.AbstractFunction3;

/**
 * Maps each public static method of {@code org.apache.spark.sql.functions} to the SQL function it
 * builds, by calling it with placeholder arguments and reading the {@code UnresolvedFunction} name
 * from {@code column.node()}. Methods that build another kind of node ({@code col}, {@code lit},
 * {@code when}, {@code asc} ...) map to {@code node:<NodeClass>}, and methods that build no column
 * (or reject the placeholders) map to their own name.
 *
 * @since 0.1.0
 */
public final class FunctionSurface {

  /** The prefix of names standing for a node kind rather than a SQL function. */
  public static final String NODE_PREFIX = "node:";

  private FunctionSurface() {}

  /**
   * Method name to the SQL function names its overloads build; sorted, never null.
   *
   * @return one entry per distinct public static method name of {@code functions}
   */
  public static Map<String, Set<String>> sqlNamesByMethod() {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Method m : functions.class.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != functions.class) {
        continue;
      }
      out.computeIfAbsent(m.getName(), k -> new TreeSet<>()).add(sqlName(m));
    }
    return out;
  }

  /**
   * The method names whose SQL function (any overload) or own name is in {@code supported};
   * compared case-insensitively.
   *
   * @param byMethod the map from {@link #sqlNamesByMethod()}, never null
   * @param supported the backend's supported function names, never null
   * @return the supported method names, sorted, never null
   */
  public static Set<String> supportedMethods(
      Map<String, Set<String>> byMethod, Collection<String> supported) {
    Set<String> lower = new TreeSet<>();
    supported.forEach(s -> lower.add(s.toLowerCase(Locale.ROOT)));
    Set<String> out = new TreeSet<>();
    byMethod.forEach(
        (method, names) -> {
          boolean hit =
              lower.contains(method.toLowerCase(Locale.ROOT))
                  || names.stream().anyMatch(n -> lower.contains(n.toLowerCase(Locale.ROOT)));
          if (hit) {
            out.add(method);
          }
        });
    return out;
  }

  private static String sqlName(Method m) {
    Object[] args = new Object[m.getParameterCount()];
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      args[i] = placeholder(types[i]);
      if (args[i] == Unknown.VALUE) {
        return m.getName();
      }
    }
    try {
      Object result = m.invoke(null, args);
      if (result instanceof Column c) {
        return nodeName(c.node(), m.getName());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // a placeholder the method rejects: fall back to its own name
    }
    return m.getName();
  }

  private static String nodeName(ColumnNode node, String fallback) {
    if (node instanceof UnresolvedFunction f) {
      return f.functionName();
    } else if (node instanceof Alias a) {
      return nodeName(a.child(), fallback);
    }
    return NODE_PREFIX + node.getClass().getSimpleName();
  }

  private enum Unknown {
    VALUE
  }

  private static Object placeholder(Class<?> t) {
    if (t == Column.class) {
      return functions.col("x");
    } else if (t == String.class) {
      return "x";
    } else if (t == int.class || t == Integer.class) {
      return 1;
    } else if (t == long.class || t == Long.class) {
      return 1L;
    } else if (t == double.class || t == Double.class) {
      return 0.5;
    } else if (t == boolean.class || t == Boolean.class) {
      return false;
    } else if (t == Object.class) {
      return 1;
    } else if (t == Column[].class) {
      return new Column[] {functions.col("x")};
    } else if (t == String[].class) {
      return new String[] {"x"};
    } else if (t == scala.Function1.class) {
      return new AbstractFunction1<Column, Column>() {
        @Override
        public Column apply(Column c) {
          return c;
        }
      };
    } else if (t == scala.Function2.class) {
      return new AbstractFunction2<Column, Column, Column>() {
        @Override
        public Column apply(Column a, Column b) {
          return a;
        }
      };
    } else if (t == scala.Function3.class) {
      return new AbstractFunction3<Column, Column, Column, Column>() {
        @Override
        public Column apply(Column a, Column b, Column c) {
          return a;
        }
      };
    } else if (t == org.apache.spark.sql.types.DataType.class) {
      return DataTypes.StringType;
    } else if (t == StructType.class) {
      return new StructType().add("x", DataTypes.StringType);
    } else if (t == java.util.Map.class) {
      return java.util.Map.of();
    } else if (t == scala.collection.immutable.Seq.class || t == scala.collection.Seq.class) {
      return scala.collection.immutable.List$.MODULE$.empty();
    } else if (t == scala.collection.immutable.Map.class) {
      return scala.collection.immutable.Map$.MODULE$.empty();
    }
    return Unknown.VALUE;
  }
}
