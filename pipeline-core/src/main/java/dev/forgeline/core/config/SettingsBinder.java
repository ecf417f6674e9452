package dev.forgeline.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.forgeline.core.error.Problem;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a record from a config block: each component {@code inputDir} reads the key {@code
 * input-dir} (or {@code inputDir}). Supported component types: String, int, long, double, boolean
 * (and their boxes), Duration, List of String, Map of String to String, Optional of those, and
 * nested records. Every problem is collected; the result is empty when there was any.
 */
final class SettingsBinder {
  private SettingsBinder() {}

  static <R extends Record> Optional<R> bind(
      Config config, String path, Class<R> type, List<Problem> problems) {
    if (!config.hasPath(path)) {
      problems.add(ConfigProblems.missingKey(path, "a block for " + type.getSimpleName(), null));
      return Optional.empty();
    }
    if (config.getValue(path).valueType() != ConfigValueType.OBJECT) {
      ConfigValue v = config.getValue(path);
      problems.add(
          ConfigProblems.wrongType(
              path,
              v.origin(),
              v.valueType().name().toLowerCase(Locale.ROOT),
              "a block for " + type.getSimpleName()));
      return Optional.empty();
    }
    int before = problems.size();
    Object r = record(config, path, type, problems);
    return problems.size() == before ? Optional.of(type.cast(r)) : Optional.empty();
  }

  private static Object record(Config config, String path, Class<?> type, List<Problem> problems) {
    RecordComponent[] components = type.getRecordComponents();
    int before = problems.size();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      String key = keyFor(config, path, c.getName());
      args[i] = value(config, key, c.getGenericType(), problems);
    }
    if (problems.size() > before) {
      return null;
    }
    try {
      Constructor<?> ctor = type.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      problems.add(
          ConfigProblems.badValue(
              path,
              config.getValue(path).origin(),
              String.valueOf(cause.getMessage()),
              "accepted by " + type.getSimpleName()));
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create settings record " + type.getName(), e);
    }
  }

  private static String keyFor(Config config, String path, String component) {
    String dashed = component.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    String camel = path + "." + component;
    return !config.hasPathOrNull(path + "." + dashed) && config.hasPathOrNull(camel)
        ? camel
        : path + "." + dashed;
  }

  private static Object value(Config config, String key, Type type, List<Problem> problems) {
    Class<?> raw = rawOf(type);
    boolean optional = raw == Optional.class;
    if (!config.hasPath(key)) {
      if (optional) {
        return Optional.empty();
      }
      problems.add(ConfigProblems.missingKey(key, describe(type), null));
      return defaultFor(raw);
    }
    try {
      if (optional) {
        return Optional.ofNullable(value(config, key, argument(type, 0), problems));
      }
      return read(config, key, type, raw, problems);
    } catch (ConfigException.WrongType | ConfigException.BadValue e) {
      ConfigValue v = config.getValue(key);
      problems.add(
          ConfigProblems.wrongType(
              key,
              v.origin(),
              v.valueType().name().toLowerCase(Locale.ROOT) + " [" + shown(key, v) + "]",
              describe(type)));
      return defaultFor(raw);
    }
  }

  private static Object read(
      Config c, String key, Type type, Class<?> raw, List<Problem> problems) {
    if (raw == String.class) {
      ConfigValueType vt = c.getValue(key).valueType();
      if (vt == ConfigValueType.OBJECT || vt == ConfigValueType.LIST) {
        throw new ConfigException.WrongType(c.getValue(key).origin(), key, "string", vt.name());
      }
      return c.getString(key);
    }
    if (raw == int.class || raw == Integer.class) {
      return c.getInt(key);
    }
    if (raw == long.class || raw == Long.class) {
      return c.getLong(key);
    }
    if (raw == double.class || raw == Double.class) {
      return c.getDouble(key);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return c.getBoolean(key);
    }
    if (raw == Duration.class) {
      return c.getDuration(key);
    }
    if (raw == List.class && rawOf(argument(type, 0)) == String.class) {
      return List.copyOf(c.getStringList(key));
    }
    if (raw == Map.class
        && rawOf(argument(type, 0)) == String.class
        && rawOf(argument(type, 1)) == String.class) {
      Map<String, String> m = new LinkedHashMap<>();
      Config block = c.getConfig(key);
      for (var e : block.entrySet()) {
        m.put(e.getKey(), block.getString(e.getKey()));
      }
      return Map.copyOf(m);
    }
    if (raw.isRecord()) {
      if (c.getValue(key).valueType() != ConfigValueType.OBJECT) {
        throw new ConfigException.WrongType(
            c.getValue(key).origin(), key, "object", c.getValue(key).valueType().name());
      }
      return record(c, key, raw, problems);
    }
    throw new IllegalArgumentException(
        "Settings component type ["
            + type.getTypeName()
            + "] at ["
            + key
            + "] is not supported; use String, int, long, double, boolean,"
            + " Duration, List<String>, Map<String, String>, Optional or a record");
  }

  private static String shown(String key, ConfigValue v) {
    return Secrets.isSecretKey(key) ? Secrets.MASK : String.valueOf(v.unwrapped());
  }

  private static String describe(Type type) {
    Class<?> raw = rawOf(type);
    if (raw == Duration.class) {
      return "a duration such as 30s or 5m";
    }
    if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
      return "a whole number";
    }
    if (raw == double.class || raw == Double.class) {
      return "a number";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "true or false";
    }
    if (raw.isRecord()) {
      return "a block for " + raw.getSimpleName();
    }
    return "a value of type "
        + type.getTypeName().replace("java.lang.", "").replace("java.util.", "");
  }

  private static Object defaultFor(Class<?> raw) {
    if (raw == int.class) {
      return 0;
    }
    if (raw == long.class) {
      return 0L;
    }
    if (raw == double.class) {
      return 0.0;
    }
    if (raw == boolean.class) {
      return false;
    }
    return null;
  }

  private static Class<?> rawOf(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Type argument(Type t, int i) {
    if (t instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[i];
    }
    return Object.class;
  }
}
