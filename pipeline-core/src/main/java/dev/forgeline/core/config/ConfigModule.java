package dev.forgeline.core.config;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.name.Names;
import com.google.inject.spi.Message;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.forgeline.core.ExecutionSettings;
import dev.forgeline.core.connector.Connector;
import dev.forgeline.core.connector.Connectors;
import dev.forgeline.core.error.ConfigurationException;
import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Binds a loaded configuration into Guice: the whole {@link Config}, {@link ExecutionSettings},
 * {@link SparkSettings}, {@link Secrets}, the {@link Connectors} registry and each connector as
 * {@code @Named("name") Connector}, every value under the files' top-level keys as
 * {@code @Named("path")} (String always; Integer, Long, Double or Boolean too when the value has
 * that type), and typed settings records registered with {@link #withSettings}.
 *
 * <pre>{@code
 * Pipeline.builder("medallion")
 *     .spark(spark)
 *     .modules(ConfigModule.of(loaded).withSettings("medallion", MedallionSettings.class))
 *     .settings(ExecutionSettings.fromConfig(loaded.config()))
 *     ...
 * }</pre>
 *
 * <p>Connectors need a {@code SparkSession} binding (the pipeline's {@code spark(...)} gives one);
 * they ask for the session on first I/O. Do not also pass the config to the pipeline builder's
 * {@code config(...)}: this module binds it. Immutable.
 *
 * @since 0.1.0
 */
public final class ConfigModule extends AbstractModule {
  private final LoadedConfig loaded;
  private final Map<String, Class<? extends Record>> settings;

  private ConfigModule(LoadedConfig loaded, Map<String, Class<? extends Record>> settings) {
    this.loaded = loaded;
    this.settings = settings;
  }

  /** A module for {@code loaded}. */
  public static ConfigModule of(LoadedConfig loaded) {
    return new ConfigModule(Objects.requireNonNull(loaded, "loaded"), Map.of());
  }

  /** A copy that also binds the record {@code type} read from the block at {@code path}. */
  public ConfigModule withSettings(String path, Class<? extends Record> type) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Map<String, Class<? extends Record>> s = new LinkedHashMap<>(settings);
    Class<? extends Record> old = s.put(path, type);
    if (old != null) {
      throw new IllegalStateException(
          "settings at [" + path + "] were already bound to [" + old.getName() + "]");
    }
    return new ConfigModule(loaded, Map.copyOf(s));
  }

  /**
   * The configuration problems behind a Guice failure: {@link #configure()} throws a {@link
   * ConfigurationException} for an invalid configuration, which Guice wraps; callers report it as
   * the configuration error it is, with every problem of every such module in one list.
   *
   * @return the problems, or empty when the failure has another cause
   */
  public static Optional<ConfigurationException> causeOf(CreationException failure) {
    List<Problem> problems = new ArrayList<>();
    for (Message m : failure.getErrorMessages()) {
      if (m.getCause() instanceof ConfigurationException c) {
        problems.addAll(c.problems());
      }
    }
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(new ConfigurationException(problems));
  }

  /** The standard checks plus the registered settings records, with every problem collected. */
  public ConfigCheck check() {
    ConfigCheck check = loaded.check().standard();
    settings.forEach(check::settings);
    return check;
  }

  @Override
  protected void configure() {
    check().throwIfInvalid();
    Config config = loaded.config();
    bind(Config.class).toInstance(config);
    bind(LoadedConfig.class).toInstance(loaded);
    bind(ExecutionSettings.class).toInstance(ExecutionSettings.fromConfig(config));
    bind(SparkSettings.class).toInstance(SparkSettings.fromConfig(config));
    bind(Secrets.class).toInstance(Secrets.of(config));
    bindSettings(config);
    bindNamedValues(config);
    Provider<SparkSession> spark = getProvider(SparkSession.class);
    Connectors connectors = Connectors.fromConfig(config, spark::get);
    bind(Connectors.class).toInstance(connectors);
    for (String name : connectors.names()) {
      bind(Connector.class).annotatedWith(Names.named(name)).toInstance(connectors.get(name));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void bindSettings(Config config) {
    for (var e : settings.entrySet()) {
      List<Problem> problems = new ArrayList<>();
      Record r =
          SettingsBinder.bind(config, e.getKey(), e.getValue(), problems)
              .orElseThrow(() -> new ConfigurationException(problems));
      bind((Class) e.getValue()).toInstance(r);
    }
  }

  private void bindNamedValues(Config config) {
    for (var e : config.entrySet()) {
      String path = e.getKey();
      if (!loaded.roots().contains(ConfigUtil.splitPath(path).get(0))) {
        continue;
      }
      ConfigValue v = e.getValue();
      if (v.valueType() == ConfigValueType.LIST) {
        continue;
      }
      Object raw = v.unwrapped();
      bind(Key.get(String.class, Names.named(path))).toInstance(String.valueOf(raw));
      if (raw instanceof Boolean b) {
        bind(Key.get(Boolean.class, Names.named(path))).toInstance(b);
      } else if (raw instanceof Integer i) {
        bind(Key.get(Integer.class, Names.named(path))).toInstance(i);
        bind(Key.get(Long.class, Names.named(path))).toInstance(i.longValue());
      } else if (raw instanceof Long l) {
        bind(Key.get(Long.class, Names.named(path))).toInstance(l);
      } else if (raw instanceof Double d) {
        bind(Key.get(Double.class, Names.named(path))).toInstance(d);
      }
    }
  }
}
