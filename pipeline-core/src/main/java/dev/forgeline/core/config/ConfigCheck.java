package dev.forgeline.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.forgeline.core.ExecutionSettings;
import dev.forgeline.core.connector.ConnectorSpec;
import dev.forgeline.core.error.ConfigurationException;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks a configuration before anything runs and collects every problem (missing key, wrong type,
 * bad value, unknown connector type, unknown environment) into one {@link ConfigurationException}.
 *
 * <pre>{@code
 * loaded.check()
 *     .standard()                                   // execution, spark, connectors
 *     .require("medallion.input-dir", ConfigValueType.STRING)
 *     .settings("medallion", MedallionSettings.class)
 *     .throwIfInvalid();
 * }</pre>
 *
 * <p>Not thread-safe; one check per thread.
 *
 * @since 0.1.0
 */
public final class ConfigCheck {
  private final Config config;
  private final List<Problem> problems = new ArrayList<>();
  private final String files;

  private ConfigCheck(Config config, List<Problem> initial, String files) {
    this.config = config;
    this.files = files;
    problems.addAll(initial);
  }

  /**
   * A check of {@code loaded}, starting with its loading problems; hints name the files it was
   * loaded from (the user's {@code --config} file and overlay, not a default name).
   */
  public static ConfigCheck of(LoadedConfig loaded) {
    Objects.requireNonNull(loaded, "loaded");
    return new ConfigCheck(loaded.config(), loaded.problems(), filesOf(loaded));
  }

  /** A check of a resolved {@code config}. */
  public static ConfigCheck of(Config config) {
    return new ConfigCheck(Objects.requireNonNull(config, "config"), List.of(), null);
  }

  /** The user's layers (the application file, the overlay), for hints; null when unknown. */
  private static String filesOf(LoadedConfig loaded) {
    List<String> user =
        loaded.sources().stream().filter(s -> !s.startsWith("reference.conf")).toList();
    if (user.isEmpty()) {
      return null;
    }
    if (user.size() == 1) {
      return user.get(0) + " (or an environment overlay beside it)";
    }
    return String.join(" or ", user);
  }

  /**
   * Checks {@code forgeline.execution}, {@code forgeline.spark} and {@code forgeline.connectors}.
   */
  public ConfigCheck standard() {
    return execution().spark().connectors();
  }

  /** Checks that {@code path} is present with a value of {@code type}. */
  public ConfigCheck require(String path, ConfigValueType type) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    String expected = "a value of type " + type.name().toLowerCase(Locale.ROOT);
    if (!config.hasPath(path)) {
      problems.add(ConfigProblems.missingKey(path, expected, parentOrigin(path)));
      return this;
    }
    ConfigValue v = config.getValue(path);
    if (!compatible(v, type)) {
      problems.add(
          ConfigProblems.wrongType(
              path,
              v.origin(),
              v.valueType().name().toLowerCase(Locale.ROOT) + " [" + shown(path, v) + "]",
              expected));
    }
    return this;
  }

  /** Checks that the block at {@code path} binds to the record {@code type}. */
  public ConfigCheck settings(String path, Class<? extends Record> type) {
    SettingsBinder.bind(config, path, type, problems);
    return this;
  }

  /** Checks {@code forgeline.execution} as {@link ExecutionSettings#fromConfig} reads it. */
  public ConfigCheck execution() {
    try {
      ExecutionSettings.fromConfig(config);
    } catch (ConfigException e) {
      problems.add(
          ConfigProblems.fromTypesafe(
              ExecutionSettings.CONFIG_PATH,
              e,
              "the values documented in pipeline-core's reference.conf"));
    } catch (IllegalArgumentException e) {
      problems.add(
          ConfigProblems.badValue(
              ExecutionSettings.CONFIG_PATH,
              originOf(ExecutionSettings.CONFIG_PATH),
              e.getMessage(),
              "valid execution settings"));
    }
    return this;
  }

  /** Checks {@code forgeline.spark}. */
  public ConfigCheck spark() {
    SparkSettings.read(config, problems);
    return this;
  }

  /** Checks every connector under {@code forgeline.connectors}. */
  public ConfigCheck connectors() {
    ConnectorSpec.readAll(config, problems);
    return this;
  }

  /** The problems found so far. */
  public List<Problem> problems() {
    if (files == null) {
      return List.copyOf(problems);
    }
    List<Problem> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      out.add(namingFiles(p));
    }
    return List.copyOf(out);
  }

  /** A missing key's generic hint, made to name the files this configuration came from. */
  private Problem namingFiles(Problem p) {
    if (p.id() != ErrorId.MISSING_CONFIG_KEY) {
      return p;
    }
    String key = p.place().replaceFirst("^key \\[(.*)\\]$", "$1");
    String generic =
        ConfigProblems.missingKeyHint(key, "the application file or its environment overlay");
    if (!p.hint().equals(generic)) {
      return p;
    }
    return new Problem(
        p.id(), p.message(), p.place(), p.found(), ConfigProblems.missingKeyHint(key, files));
  }

  /** Whether no problem was found. */
  public boolean valid() {
    return problems.isEmpty();
  }

  /** Throws when any problem was found. */
  public void throwIfInvalid() {
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems());
    }
  }

  private String shown(String path, ConfigValue v) {
    return Secrets.isSecretKey(path) ? Secrets.MASK : String.valueOf(v.unwrapped());
  }

  private ConfigOrigin parentOrigin(String path) {
    List<String> parts = ConfigUtil.splitPath(path);
    for (int i = parts.size() - 1; i > 0; i--) {
      String parent = ConfigUtil.joinPath(parts.subList(0, i));
      if (config.hasPath(parent)) {
        return config.getValue(parent).origin();
      }
    }
    return null;
  }

  private ConfigOrigin originOf(String path) {
    return config.hasPath(path) ? config.getValue(path).origin() : null;
  }

  /** Whether {@code v} can be read as {@code type}, allowing HOCON's string conversions. */
  static boolean compatible(ConfigValue v, ConfigValueType type) {
    if (v.valueType() == type) {
      return true;
    }
    if (v.valueType() != ConfigValueType.STRING) {
      return type == ConfigValueType.STRING
          && v.valueType() != ConfigValueType.OBJECT
          && v.valueType() != ConfigValueType.LIST;
    }
    String s = ((String) v.unwrapped()).trim();
    return switch (type) {
      case NUMBER -> s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
      case BOOLEAN -> s.matches("(?i)true|false|yes|no|on|off");
      default -> false;
    };
  }
}
