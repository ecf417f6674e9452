package dev.forgeline.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.forgeline.core.error.ConfigurationException;
import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session settings of the command-line path, read from {@code forgeline.spark}: the
 * master, the application name and a {@code conf {}} block of Spark properties (for example Delta's
 * {@code spark.sql.extensions} and {@code spark.sql.catalog.spark_catalog}). Embedded users build
 * their own session and do not need this.
 *
 * <pre>{@code
 * forgeline.spark {
 *   master = "local[2]"          # optional: spark-submit's --master wins when given
 *   app-name = "medallion"
 *   conf { "spark.sql.shuffle.partitions" = 4 }
 * }
 * }</pre>
 *
 * @param master the master URL, empty to leave it to spark-submit
 * @param appName the application name
 * @param conf Spark properties, keys as Spark spells them
 * @since 0.1.0
 */
public record SparkSettings(Optional<String> master, String appName, Map<String, String> conf) {
  /** The config path read by {@link #fromConfig(Config)}. */
  public static final String CONFIG_PATH = "forgeline.spark";

  /** Checks for nulls and copies the map, keeping its order. */
  public SparkSettings {
    Objects.requireNonNull(master, "master");
    Objects.requireNonNull(appName, "appName");
    conf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conf));
  }

  /**
   * Reads {@code forgeline.spark} from {@code config}.
   *
   * @throws ConfigurationException naming the key and its origin when a value is not valid
   */
  public static SparkSettings fromConfig(Config config) {
    List<Problem> problems = new ArrayList<>();
    SparkSettings s = read(config, problems);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return s;
  }

  static SparkSettings read(Config config, List<Problem> problems) {
    if (!config.hasPath(CONFIG_PATH)) {
      return new SparkSettings(Optional.empty(), "forgeline", Map.of());
    }
    Config c = config.getConfig(CONFIG_PATH);
    Optional<String> master = Optional.empty();
    if (c.hasPath("master")) {
      master = Optional.of(scalar(c, "master", problems));
    }
    String appName = c.hasPath("app-name") ? scalar(c, "app-name", problems) : "forgeline";
    Map<String, String> conf = new LinkedHashMap<>();
    if (c.hasPath("conf")) {
      ConfigValue block = c.getValue("conf");
      if (block.valueType() != ConfigValueType.OBJECT) {
        problems.add(
            ConfigProblems.wrongType(
                CONFIG_PATH + ".conf",
                block.origin(),
                block.valueType().name().toLowerCase(Locale.ROOT),
                "a block of Spark properties"));
      } else {
        Config props = c.getConfig("conf");
        for (var e : props.entrySet()) {
          ConfigValue v = e.getValue();
          if (v.valueType() == ConfigValueType.LIST || v.valueType() == ConfigValueType.OBJECT) {
            problems.add(
                ConfigProblems.wrongType(
                    CONFIG_PATH + ".conf." + e.getKey(),
                    v.origin(),
                    v.valueType().name().toLowerCase(Locale.ROOT),
                    "a string, number or boolean"));
          } else {
            conf.put(propertyName(e.getKey()), String.valueOf(v.unwrapped()));
          }
        }
      }
    }
    return new SparkSettings(master, appName, conf);
  }

  /**
   * The Spark property a config path stands for: {@code "spark.sql.extensions"} (one quoted key)
   * and {@code spark.sql.extensions} (nested keys) both give {@code spark.sql.extensions}. The path
   * itself keeps HOCON's quotes, which Spark would take as part of the name.
   */
  private static String propertyName(String path) {
    return String.join(".", ConfigUtil.splitPath(path));
  }

  private static String scalar(Config c, String key, List<Problem> problems) {
    ConfigValue v = c.getValue(key);
    if (v.valueType() == ConfigValueType.LIST || v.valueType() == ConfigValueType.OBJECT) {
      problems.add(
          ConfigProblems.wrongType(
              CONFIG_PATH + "." + key,
              v.origin(),
              v.valueType().name().toLowerCase(Locale.ROOT),
              "a string"));
      return "";
    }
    return String.valueOf(v.unwrapped());
  }

  /**
   * Applies these settings to {@code builder}. The master is set only when {@code masterAlreadySet}
   * is false, so that spark-submit's {@code --master} wins over the file.
   */
  public SparkSession.Builder applyTo(SparkSession.Builder builder, boolean masterAlreadySet) {
    Objects.requireNonNull(builder, "builder");
    if (!masterAlreadySet) {
      master.ifPresent(builder::master);
    }
    builder.appName(appName);
    conf.forEach(builder::config);
    return builder;
  }

  /** The settings as lines for {@code --dry-run}, secrets redacted with {@code secrets}. */
  public List<String> describe(Secrets secrets) {
    List<String> lines = new ArrayList<>();
    lines.add("master: " + master.orElse("(from spark-submit)"));
    lines.add("app name: " + appName);
    conf.forEach((k, v) -> lines.add(k + " = " + secrets.show(k, v)));
    return lines;
  }

  /** Master, app name and conf keys; values of secret-looking keys masked. */
  @Override
  public String toString() {
    List<String> shown = new ArrayList<>();
    conf.forEach((k, v) -> shown.add(k + "=" + Secrets.none().show(k, v)));
    return "SparkSettings[master="
        + master.orElse("(from spark-submit)")
        + ", appName="
        + appName
        + ", conf="
        + shown
        + "]";
  }
}
