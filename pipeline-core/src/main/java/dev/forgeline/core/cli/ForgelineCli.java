package dev.forgeline.core.cli;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.typesafe.config.Config;
import dev.forgeline.core.ExecutionSettings;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.config.ConfigLoader;
import dev.forgeline.core.config.ConfigModule;
import dev.forgeline.core.config.LoadedConfig;
import dev.forgeline.core.config.Secrets;
import dev.forgeline.core.config.SparkSettings;
import dev.forgeline.core.connector.Connectors;
import dev.forgeline.core.error.ConfigurationException;
import dev.forgeline.core.error.PipelineDefinitionException;
import dev.forgeline.core.report.PipelineReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * The command line behind {@link ForgelineMain}: {@link #run(String...)} returns the exit code
 * instead of exiting, so it can be tested. Exit codes: 0 success (or a valid dry run), 1 invalid
 * configuration or graph or a failed run, 2 a command line that cannot be understood.
 *
 * <p>On a failed run it prints one line to the error stream: the counts, the first failure and the
 * path of the report JSON. Everything printed and written is redacted with the configuration's
 * {@link Secrets}.
 *
 * @since 0.1.0
 */
public final class ForgelineCli {
  /** Exit code of a successful run or a valid dry run. */
  public static final int OK = 0;

  /** Exit code of an invalid configuration or graph, or of a run that failed. */
  public static final int FAILED = 1;

  /** Exit code of a command line that cannot be understood. */
  public static final int USAGE = 2;

  private final Map<String, String> environment;
  private final Properties systemProperties;
  private final PrintStream out;
  private final PrintStream err;
  private final Function<SparkSettings, SparkSession> sessions;
  private final boolean stopSession;

  /**
   * A command line with everything it touches injected.
   *
   * @param environment environment variables (substitutions, {@code FORGELINE_ENV})
   * @param systemProperties system properties (overrides, {@code forgeline.env}, {@code
   *     spark.master})
   * @param out where the plan and the summary go
   * @param err where errors go
   * @param sessions creates the Spark session from the settings, on first use only
   * @param stopSession whether to stop the session after the run when one was created
   */
  public ForgelineCli(
      Map<String, String> environment,
      Properties systemProperties,
      PrintStream out,
      PrintStream err,
      Function<SparkSettings, SparkSession> sessions,
      boolean stopSession) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.stopSession = stopSession;
  }

  /** The command line of a real process: its environment, properties, streams and own session. */
  public static ForgelineCli standard() {
    Properties props = System.getProperties();
    return new ForgelineCli(
        System.getenv(),
        props,
        System.out,
        System.err,
        settings ->
            settings
                .applyTo(SparkSession.builder(), props.getProperty("spark.master") != null)
                .getOrCreate(),
        true);
  }

  /** Runs the command line and returns the exit code. */
  public int run(String... args) {
    CliArguments a;
    try {
      a = CliArguments.parse(args);
    } catch (CliArguments.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(CliArguments.USAGE);
      return USAGE;
    }
    if (a.help()) {
      out.println(CliArguments.USAGE);
      return OK;
    }
    LogDefaults.apply(a.verbose());
    LoadedConfig loaded = load(a);
    Secrets secrets;
    try {
      secrets = loaded.secrets();
    } catch (ConfigurationException e) { // a malformed forgeline.secrets.keys; it names no value
      err.println(e.getMessage());
      return FAILED;
    }
    if (!loaded.problems().isEmpty()) {
      // A config with unresolved substitutions cannot be checked further without false alarms.
      err.println(secrets.redact(new ConfigurationException(loaded.problems()).getMessage()));
      return FAILED;
    }
    LazySession session;
    try {
      session = new LazySession(SparkSettings.fromConfig(loaded.config()));
    } catch (ConfigurationException e) {
      err.println(
          secrets.redact(
              new ConfigurationException(loaded.check().standard().problems()).getMessage()));
      return FAILED;
    }
    try {
      return runChecked(a, loaded, secrets, session);
    } catch (ConfigurationException | PipelineDefinitionException e) {
      err.println(secrets.redact(e.getMessage()));
      return FAILED;
    } catch (RuntimeException | LinkageError e) {
      err.println(
          "Pipeline [" + a.pipeline() + "] could not run: " + secrets.redact(String.valueOf(e)));
      return FAILED;
    } finally {
      session.stopIfCreated();
    }
  }

  private int runChecked(
      CliArguments a, LoadedConfig loaded, Secrets secrets, LazySession session) {
    Module sparkModule =
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(SparkSession.class).toProvider(session);
          }
        };
    // Every configuration problem at once: the standard ones and the definition's settings.
    // With standard problems, the definition is created with the bare Config only, to learn its
    // settings; if even that fails, the standard problems are what there is to report.
    boolean standardValid = loaded.check().standard().valid();
    PipelineDefinition definition;
    try {
      definition =
          definition(
              a.pipeline(),
              standardValid ? ConfigModule.of(loaded) : bareConfig(loaded),
              sparkModule);
    } catch (CreationException | com.google.inject.ConfigurationException e) {
      if (!standardValid) {
        loaded.check().standard().throwIfInvalid();
      }
      throw e;
    }
    ConfigModule configModule = ConfigModule.of(loaded);
    for (var e : definition.settings().entrySet()) {
      configModule = configModule.withSettings(e.getKey(), e.getValue());
    }
    configModule.check().throwIfInvalid();
    List<Module> modules = new ArrayList<>();
    modules.add(configModule);
    modules.add(sparkModule);
    modules.addAll(definition.modules());
    Pipeline.Builder builder =
        Pipeline.builder(definition.name())
            .modules(modules.toArray(Module[]::new))
            .settings(ExecutionSettings.fromConfig(loaded.config()));
    definition.define(builder);
    attachConfiguredListeners(builder, loaded, session);
    Pipeline pipeline = builder.build();
    if (a.dryRun()) {
      printPlan(loaded, secrets, pipeline);
      return OK;
    }
    PipelineReport report = pipeline.execute();
    String where;
    try {
      where = ReportFile.write(report, loaded.config(), secrets).path().toString();
    } catch (ReportFile.NotWritten e) {
      // A separate error: the run has ended, and its own outcome decides the exit code.
      err.println(secrets.redact(e.getMessage()));
      where = "(not written)";
    }
    String summary = secrets.redact(Summary.line(report, where));
    out.println(summary);
    if (!report.succeeded()) {
      err.println(summary);
      return FAILED;
    }
    return OK;
  }

  /** Listeners that modules on the class path attach when the config asks (the run log...). */
  private void attachConfiguredListeners(
      Pipeline.Builder builder, LoadedConfig loaded, LazySession session) {
    Set<String> served = new HashSet<>();
    for (CliListenerProvider p : ServiceLoader.load(CliListenerProvider.class, classLoader())) {
      served.add(p.configPath());
      p.listener(loaded.config(), session::get).ifPresent(builder::listener);
    }
    if (loaded.config().hasPath("forgeline.log") && !served.contains("forgeline.log")) {
      err.println(
          "warning: forgeline.log is set but pipeline-writer is not on the class path; the run log"
              + " is not written");
    }
  }

  private LoadedConfig load(CliArguments a) {
    ConfigLoader loader =
        ConfigLoader.builder()
            .environment(environment)
            .systemProperties(systemProperties)
            .classLoader(classLoader());
    a.config().ifPresent(loader::file);
    a.env().ifPresent(loader::env);
    a.overrides().forEach(loader::override);
    return loader.load();
  }

  /** Binds only the Config and LoadedConfig, unchecked. */
  private static Module bareConfig(LoadedConfig loaded) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(Config.class).toInstance(loaded.config());
        bind(LoadedConfig.class).toInstance(loaded);
      }
    };
  }

  private PipelineDefinition definition(String className, Module config, Module spark) {
    try {
      return createDefinition(className, config, spark);
    } catch (CreationException e) {
      throw ConfigModule.causeOf(e).orElseThrow(() -> e);
    }
  }

  private PipelineDefinition createDefinition(String className, Module config, Module spark) {
    Class<?> type;
    try {
      type = Class.forName(className, true, classLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "--pipeline class ["
              + className
              + "] is not on the"
              + " classpath; pass the fully qualified name of a PipelineDefinition or a Guice module",
          e);
    }
    if (PipelineDefinition.class.isAssignableFrom(type)) {
      return (PipelineDefinition) Guice.createInjector(config, spark).getInstance(type);
    }
    if (Module.class.isAssignableFrom(type)) {
      Module user = (Module) Guice.createInjector().getInstance(type);
      return Guice.createInjector(config, spark, user).getInstance(PipelineDefinition.class);
    }
    throw new IllegalArgumentException(
        "--pipeline class ["
            + className
            + "] is neither a "
            + PipelineDefinition.class.getName()
            + " nor a Guice module");
  }

  private void printPlan(LoadedConfig loaded, Secrets secrets, Pipeline pipeline) {
    out.println("Dry run: configuration and graph are valid; nothing was run.");
    out.println("environment: " + loaded.environment().orElse("(none)"));
    out.println("configuration: " + String.join(" < ", loaded.sources()));
    out.println("spark:");
    for (String line : SparkSettings.fromConfig(loaded.config()).describe(secrets)) {
      out.println("  " + line);
    }
    out.println("connectors:");
    for (String line : Connectors.fromConfig(loaded.config(), () -> null).describe()) {
      out.println("  " + line);
    }
    out.println(secrets.redact(pipeline.describe()));
  }

  private static ClassLoader classLoader() {
    ClassLoader l = Thread.currentThread().getContextClassLoader();
    return l != null ? l : ForgelineCli.class.getClassLoader();
  }

  /** Creates the session on first use, once. */
  private final class LazySession implements Provider<SparkSession> {
    private final SparkSettings settings;
    private SparkSession created;

    LazySession(SparkSettings settings) {
      this.settings = settings;
    }

    @Override
    public synchronized SparkSession get() {
      if (created == null) {
        created = sessions.apply(settings);
      }
      return created;
    }

    synchronized void stopIfCreated() {
      if (created != null && stopSession) {
        created.stop();
      }
    }
  }
}
