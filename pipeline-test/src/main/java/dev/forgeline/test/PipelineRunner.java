package dev.forgeline.test;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;
import dev.forgeline.core.ExecutionSettings;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.cli.CliListenerProvider;
import dev.forgeline.core.cli.PipelineDefinition;
import dev.forgeline.core.config.ConfigLoader;
import dev.forgeline.core.config.ConfigModule;
import dev.forgeline.core.config.LoadedConfig;
import dev.forgeline.core.connector.Connector;
import dev.forgeline.core.connector.Connectors;
import dev.forgeline.core.error.ConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a Forgeline pipeline on a test's session and returns its outputs and report in one {@link
 * PipelineRun}: either stages given here, or a CLI {@link PipelineDefinition} with its HOCON
 * configuration, environment overlay, overrides and connectors, loaded as {@code forgeline} loads
 * them but with the environment variables given here (none by default) and no system properties.
 * Any declared connector's source can be replaced with rows, and any delivery fed with {@code
 * input(...)}. Options may be set once each.
 *
 * <pre>{@code
 * PipelineRun run = PipelineRunner.on(spark)
 *     .definition(SalesPipeline.class)
 *     .configResource("sales/application.conf")
 *     .env("dev")
 *     .source("orders-csv", Fixture.of(ORDERS).row(1, "FR", 10.0))
 *     .run();
 * run.assertSucceeded();
 * assertDatasetEquals(expected, run.output(RevenueByCountry.class));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PipelineRunner {
  private final SparkSession spark;
  private final Map<String, Function<SparkSession, Dataset<Row>>> sources = new LinkedHashMap<>();
  private final Map<String, String> overrides = new LinkedHashMap<>();
  private final List<Consumer<Pipeline.Builder>> inputs = new ArrayList<>();
  private final List<Function<Injector, Module>> modules = new ArrayList<>();
  private Class<? extends PipelineDefinition> definition;
  private String name;
  private Consumer<Pipeline.Builder> stages;
  private Path configFile;
  private String configResource;
  private String env;
  private Map<String, String> environment;

  private PipelineRunner(SparkSession spark) {
    this.spark = Objects.requireNonNull(spark, "spark");
  }

  /** A runner on {@code spark}, usually the session {@link SparkTest} gave the test. */
  public static PipelineRunner on(SparkSession spark) {
    return new PipelineRunner(spark);
  }

  /** Runs the CLI definition {@code type}, created by Guice as {@code forgeline} creates it. */
  public PipelineRunner definition(Class<? extends PipelineDefinition> type) {
    once("definition", definition != null ? definition : name);
    this.definition = Objects.requireNonNull(type, "type");
    return this;
  }

  /** Runs a pipeline called {@code name} with the stages {@code stages} adds. */
  public PipelineRunner pipeline(String name, Consumer<Pipeline.Builder> stages) {
    once("pipeline", definition != null ? definition : this.name);
    this.name = Objects.requireNonNull(name, "name");
    this.stages = Objects.requireNonNull(stages, "stages");
    return this;
  }

  /** The application file; by default {@code application.conf} from the classpath, if any. */
  public PipelineRunner configFile(Path file) {
    once("config", configFile != null ? configFile : configResource);
    this.configFile = Objects.requireNonNull(file, "file");
    return this;
  }

  /** The application file as a classpath resource, such as {@code sales/application.conf}. */
  public PipelineRunner configResource(String resource) {
    once("config", configFile != null ? configFile : configResource);
    this.configResource = Objects.requireNonNull(resource, "resource");
    return this;
  }

  /** The environment overlay to apply, such as {@code dev} for {@code application-dev.conf}. */
  public PipelineRunner env(String env) {
    once("env", this.env);
    this.env = Objects.requireNonNull(env, "env");
    return this;
  }

  /**
   * Environment variables that substitutions such as {@code ${DB_PASSWORD}} see; none by default.
   */
  public PipelineRunner environment(Map<String, String> variables) {
    once("environment", environment);
    this.environment = Map.copyOf(variables);
    return this;
  }

  /** Overrides one configuration value, like the command line's {@code -Dpath=value}. */
  public PipelineRunner override(String path, String value) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
    String old = overrides.putIfAbsent(path, value);
    if (old != null) {
      throw new IllegalStateException("override [" + path + "] was already set to [" + old + "]");
    }
    return this;
  }

  /** Extra Guice modules for the factories. */
  public PipelineRunner modules(Module... more) {
    for (Module m : more) {
      Objects.requireNonNull(m, "a module was null");
      modules.add(injector -> m);
    }
    return this;
  }

  /**
   * Extra Guice modules for the factories, given by class and created by Guice as the definition
   * is: with a public no-argument or an {@code @Inject} constructor, which may take the run's
   * {@code Config}, its {@code @Named} settings and the {@code SparkSession}.
   *
   * @throws com.google.inject.ConfigurationException from {@link #run()} when Guice cannot create
   *     one
   */
  @SafeVarargs
  public final PipelineRunner modules(Class<? extends Module>... types) {
    for (Class<? extends Module> t : types) {
      Objects.requireNonNull(t, "a module class was null");
      modules.add(injector -> injector.getInstance(t));
    }
    return this;
  }

  /** Connector {@code connector} reads {@code rows} instead of its declared data. */
  public PipelineRunner source(String connector, Fixture rows) {
    Objects.requireNonNull(rows, "rows");
    return source(connector, s -> rows.dataset(s));
  }

  /**
   * Connector {@code connector} reads these rows of {@code schema} instead of its declared data.
   */
  public PipelineRunner source(String connector, StructType schema, List<Row> rows) {
    Objects.requireNonNull(schema, "schema");
    List<Row> copy = List.copyOf(rows);
    return source(connector, s -> s.createDataFrame(copy, schema));
  }

  /** Connector {@code connector} reads what {@code source} returns for the session. */
  public PipelineRunner source(String connector, Function<SparkSession, Dataset<Row>> source) {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(source, "source");
    if (sources.putIfAbsent(connector, source) != null) {
      throw new IllegalStateException("source of connector [" + connector + "] was already set");
    }
    return this;
  }

  /**
   * Hands a value to the pipeline; it feeds any delivery of its type, {@code producer} ones too.
   */
  public <T> PipelineRunner input(Class<T> type, T value) {
    inputs.add(b -> b.input(type, value));
    return this;
  }

  /** Hands a value of a generic type, such as {@code Dataset<Row>}, to the pipeline. */
  public <T> PipelineRunner input(TypeLiteral<T> type, T value) {
    inputs.add(b -> b.input(type, value));
    return this;
  }

  /** Hands a value with an id, for deliveries that name it with {@code @Delivery(id = ...)}. */
  public <T> PipelineRunner input(String id, TypeLiteral<T> type, T value) {
    inputs.add(b -> b.input(id, type, value));
    return this;
  }

  /**
   * Loads the configuration, builds the pipeline and runs it once. A failed step does not throw:
   * the returned run's report says what failed ({@link PipelineRun#assertSucceeded()}).
   *
   * @throws ConfigurationException when the configuration is not valid
   * @throws dev.forgeline.core.error.PipelineDefinitionException when the graph is not valid
   * @throws IllegalStateException when neither a definition nor stages were given
   */
  public PipelineRun run() {
    if (definition == null && stages == null) {
      throw new IllegalStateException(
          "nothing to run: call definition(MyPipeline.class) or pipeline(\"name\", p -> p.stage(...))");
    }
    LoadedConfig loaded = load();
    Module sparkModule =
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(SparkSession.class).toInstance(spark);
          }
        };
    Injector creator = Guice.createInjector(ConfigModule.of(loaded), sparkModule);
    PipelineDefinition def = definition == null ? null : creator.getInstance(definition);
    ConfigModule configModule = ConfigModule.of(loaded);
    if (def != null) {
      for (var e : def.settings().entrySet()) {
        configModule = configModule.withSettings(e.getKey(), e.getValue());
      }
    }
    configModule.check().throwIfInvalid();
    Connectors connectors = Connectors.fromConfig(loaded.config(), () -> spark);
    for (var e : sources.entrySet()) {
      connectors = connectors.withSource(e.getKey(), e.getValue());
    }
    List<Module> all = new ArrayList<>();
    // Always the runner's own registry, so PipelineRun.connector(...) sees what memory sinks got.
    all.add(Modules.override(configModule).with(bind(connectors)));
    if (def != null) {
      all.addAll(def.modules());
    }
    modules.forEach(m -> all.add(m.apply(creator)));
    Pipeline.Builder builder =
        Pipeline.builder(def != null ? def.name() : name)
            .spark(spark)
            .modules(all.toArray(Module[]::new))
            .settings(ExecutionSettings.fromConfig(loaded.config()));
    inputs.forEach(i -> i.accept(builder));
    if (def != null) {
      // As on the command line: modules that serve a config block (the run log for
      // forgeline.log) attach their listeners.
      for (CliListenerProvider p :
          ServiceLoader.load(CliListenerProvider.class, PipelineRunner.class.getClassLoader())) {
        p.listener(loaded.config(), () -> spark).ifPresent(builder::listener);
      }
      def.define(builder);
    } else {
      stages.accept(builder);
    }
    Pipeline pipeline = builder.build();
    return new PipelineRun(pipeline, pipeline.execute(), connectors);
  }

  private LoadedConfig load() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    ConfigLoader loader =
        ConfigLoader.builder()
            .environment(environment != null ? environment : Map.of())
            .systemProperties(new Properties())
            .classLoader(cl != null ? cl : PipelineRunner.class.getClassLoader());
    if (configFile != null) {
      loader.file(configFile);
    }
    if (configResource != null) {
      loader.resource(configResource);
    }
    if (env != null) {
      loader.env(env);
    }
    overrides.forEach(loader::override);
    LoadedConfig loaded = loader.load();
    if (!loaded.problems().isEmpty()) {
      throw new ConfigurationException(loaded.problems());
    }
    loaded.check().standard().throwIfInvalid();
    return loaded;
  }

  private static Module bind(Connectors connectors) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(Connectors.class).toInstance(connectors);
        for (String n : connectors.names()) {
          bind(Connector.class).annotatedWith(Names.named(n)).toInstance(connectors.get(n));
        }
      }
    };
  }

  private static void once(String option, Object old) {
    if (old != null) {
      throw new IllegalStateException(option + " was already set to [" + old + "]");
    }
  }
}
