package dev.forgeline.core;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.config.ConfigModule;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.PipelineDefinitionException;
import dev.forgeline.core.error.PipelineExecutionException;
import dev.forgeline.core.error.Problem;
import dev.forgeline.core.internal.exec.RunSetup;
import dev.forgeline.core.internal.exec.Scheduler;
import dev.forgeline.core.internal.graph.Graph;
import dev.forgeline.core.internal.graph.GraphPlanner;
import dev.forgeline.core.internal.graph.GraphRenderer;
import dev.forgeline.core.internal.graph.Input;
import dev.forgeline.core.internal.graph.Node;
import dev.forgeline.core.internal.graph.Types;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.spi.PipelineCheck;
import dev.forgeline.core.spi.PipelineListener;
import dev.forgeline.core.spi.StepInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * A checked pipeline of factories, ready to run: the entry point of Forgeline.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder("sales")
 *     .spark(spark)
 *     .stage("bronze", s -> s.add(ReadOrders.class).add(ReadCustomers.class))
 *     .stage("gold", s -> s.add(RevenueByCountry.class))
 *     .build();                       // checks the whole graph, or throws listing every problem
 * PipelineReport report = pipeline.run();
 * Dataset<Row> revenue = pipeline.output(RevenueByCountry.class);
 * }</pre>
 *
 * <p>{@link #run()} may be called many times; each run creates fresh factory instances (except
 * ready instances added to a stage), and {@link #output} returns what the latest run produced. Runs
 * of one pipeline do not overlap: a second caller waits.
 *
 * @since 0.1.0
 */
public final class Pipeline {
  /** The conf flag a Spark session sets to say it wants sequential execution (the mock does). */
  public static final String SEQUENTIAL_BACKEND_FLAG = "spark.forgeline.backend.sequential";

  private final Graph graph;
  private final ExecutionSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ExecutorService executor;
  private final Supplier<SparkSession> spark;
  private final Map<String, String> environment;
  private final List<PipelineListener> listeners;
  private final List<StepInterceptor> interceptors;
  private final Provenance provenance;
  private volatile Scheduler.Outcome last;

  private Pipeline(
      Builder b,
      Graph graph,
      ExecutionSettings settings,
      Supplier<SparkSession> spark,
      List<PipelineListener> listeners,
      List<StepInterceptor> interceptors,
      Provenance provenance) {
    this.graph = graph;
    this.settings = settings;
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    this.sleeper = b.sleeper != null ? b.sleeper : Sleeper.SYSTEM;
    this.executor = b.executor;
    this.spark = spark;
    this.environment = b.environment != null ? b.environment : System.getenv();
    this.listeners = List.copyOf(listeners);
    this.interceptors = List.copyOf(interceptors);
    this.provenance = provenance;
  }

  /** Starts building a pipeline called {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The pipeline's name. */
  public String name() {
    return graph.pipeline();
  }

  /** The settings runs use. */
  public ExecutionSettings settings() {
    return settings;
  }

  /**
   * Runs the pipeline once.
   *
   * @return the report of a successful run
   * @throws PipelineExecutionException carrying the report, when any step failed
   */
  public synchronized PipelineReport run() {
    PipelineReport report = execute();
    if (!report.succeeded()) {
      throw new PipelineExecutionException(report);
    }
    return report;
  }

  /** Runs the pipeline once and returns its report, successful or not; never throws for a step. */
  public synchronized PipelineReport execute() {
    SparkSession session = spark.get();
    RunSetup setup =
        new RunSetup(
            listeners, interceptors, provenance.forSession(session), provenance.secrets()::redact);
    Scheduler scheduler =
        new Scheduler(
            graph,
            settings,
            effectiveParallelism(session),
            clock,
            sleeper,
            executor,
            session,
            setup);
    last = scheduler.run();
    return last.report();
  }

  /**
   * How many factories may run at once given the settings, the session and the environment variable
   * {@value ExecutionSettings#MODE_ENV}.
   */
  public int effectiveParallelism() {
    return effectiveParallelism(spark.get());
  }

  private int effectiveParallelism(SparkSession session) {
    ExecutionMode mode = settings.mode();
    String forced = environment.get(ExecutionSettings.MODE_ENV);
    if (forced != null && !forced.isBlank()) {
      try {
        mode = ExecutionMode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "Environment variable "
                + ExecutionSettings.MODE_ENV
                + " was ["
                + forced
                + "] but must be one of [auto, parallel, sequential]",
            e);
      }
    }
    return switch (mode) {
      case SEQUENTIAL -> 1;
      case PARALLEL -> settings.parallelism();
      case AUTO -> sequentialBackend(session) ? 1 : settings.parallelism();
    };
  }

  private static boolean sequentialBackend(SparkSession session) {
    return session != null
        && Boolean.parseBoolean(session.conf().get(SEQUENTIAL_BACKEND_FLAG, "false"));
  }

  /** The latest run's report, if the pipeline has run. */
  public Optional<PipelineReport> lastReport() {
    Scheduler.Outcome o = last;
    return o == null ? Optional.empty() : Optional.of(o.report());
  }

  /**
   * The output of the factory of class {@code type} in the latest run.
   *
   * @throws IllegalStateException when the pipeline has not run, the class is not in it (or is in
   *     it more than once: use {@link #output(String, Class)}), or its step did not succeed
   */
  @SuppressWarnings("unchecked")
  public <T> T output(Class<? extends Factory<T>> type) {
    List<Node> matches = graph.nodes().stream().filter(n -> n.type() == type).toList();
    if (matches.size() != 1) {
      throw new IllegalStateException(
          matches.isEmpty()
              ? "No factory of class ["
                  + type.getName()
                  + "] in pipeline ["
                  + name()
                  + "]; ids: "
                  + ids()
              : matches.size()
                  + " factories of class ["
                  + type.getName()
                  + "] in pipeline ["
                  + name()
                  + "]: "
                  + matches.stream().map(Node::id).toList()
                  + "; ask by id with output(id, type)");
    }
    return (T) outputOf(matches.get(0));
  }

  /** The output of factory {@code id} in the latest run, checked against {@code type}. */
  public <T> T output(String id, Class<T> type) {
    return type.cast(output(id, TypeLiteral.get(type)));
  }

  /**
   * The output of factory {@code id} in the latest run, checked against the full generic {@code
   * type}.
   *
   * @throws IllegalStateException when there is no such factory, it produces another type, or its
   *     step did not succeed
   */
  @SuppressWarnings("unchecked")
  public <T> T output(String id, TypeLiteral<T> type) {
    Node node =
        graph.nodes().stream()
            .filter(n -> n.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No factory [" + id + "] in pipeline [" + name() + "]; ids: " + ids()));
    TypeLiteral<?> boxed = TypeLiteral.get(Types.box(type.getType()));
    if (!node.output().equals(boxed)) {
      throw new IllegalStateException(
          "Factory [" + id + "] produces [" + node.output() + "] but [" + type + "] was asked for");
    }
    return (T) outputOf(node);
  }

  private Object outputOf(Node node) {
    Scheduler.Outcome o = last;
    if (o == null) {
      throw new IllegalStateException("Pipeline [" + name() + "] has not run yet");
    }
    var step = o.report().steps().get(node.index());
    if (step.status() != dev.forgeline.core.report.Status.SUCCESS) {
      throw new IllegalStateException(
          "Factory ["
              + node.id()
              + "] has no output: its step was "
              + step.status()
              + (step.reason() != null ? " (" + step.reason() + ")" : ""));
    }
    return o.outputs().get(node.index());
  }

  private List<String> ids() {
    return graph.nodes().stream().map(Node::id).toList();
  }

  /** The planned graph as text: stages, factories, their types and inputs. Runs nothing. */
  public String describe() {
    return GraphRenderer.text(
        graph,
        "execution: mode "
            + settings.mode()
            + ", parallelism "
            + settings.parallelism()
            + ", failure policy "
            + settings.failurePolicy()
            + (settings.stageBarriers() ? ", stage barriers" : ""));
  }

  /** The planned graph as a Mermaid flowchart. Runs nothing. */
  public String toMermaid() {
    return GraphRenderer.mermaid(graph);
  }

  /** The number of factories. */
  public int size() {
    return graph.size();
  }

  /**
   * Builds a {@link Pipeline}. Options may be set once each; setting one twice throws at once,
   * naming the option and its old value. {@link #build()} checks the whole graph.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String name;
    private final List<Module> modules = new ArrayList<>();
    private final List<StageSpec> stages = new ArrayList<>();
    private final List<PipelineListener> listeners = new ArrayList<>();
    private final List<PipelineCheck> checks = new ArrayList<>();
    private final List<StepInterceptor> interceptors = new ArrayList<>();
    private final Set<String> stageNames = new LinkedHashSet<>();
    private final List<Input> inputs = new ArrayList<>();
    private boolean modulesSet;
    private SparkSession sparkSession;
    private Config config;
    private ExecutionSettings settings;
    private Clock clock;
    private Sleeper sleeper;
    private ExecutorService executor;
    private Map<String, String> environment;

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException(
            "pipeline name was [" + name + "] but must not be blank");
      }
      this.name = name;
    }

    /** Guice modules whose bindings factories may {@code @Inject}. */
    public Builder modules(Module... modules) {
      once("modules", modulesSet ? this.modules : null);
      modulesSet = true;
      for (Module m : modules) {
        this.modules.add(Objects.requireNonNull(m, "a module was null"));
      }
      return this;
    }

    /** The Spark session: bound in Guice for factories and used for job tags. */
    public Builder spark(SparkSession spark) {
      once("spark", this.sparkSession);
      this.sparkSession = Objects.requireNonNull(spark, "spark");
      return this;
    }

    /**
     * The configuration bound in Guice as {@link Config}; by default {@code ConfigFactory.load()}.
     * Its {@code forgeline.execution} block gives the settings unless {@link #settings} is called.
     */
    public Builder config(Config config) {
      once("config", this.config);
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Execution settings; by default read from the configuration. */
    public Builder settings(ExecutionSettings settings) {
      once("settings", this.settings);
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The clock behind every timestamp and timeout; by default the UTC system clock. */
    public Builder clock(Clock clock) {
      once("clock", this.clock);
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** What waits between retries; by default {@link Sleeper#SYSTEM}. */
    public Builder sleeper(Sleeper sleeper) {
      once("sleeper", this.sleeper);
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * An executor owned by the caller to run factories on; by default each run creates a bounded
     * pool of named threads and shuts it down before returning. The parallelism limit applies
     * either way.
     */
    public Builder executor(ExecutorService executor) {
      once("executor", this.executor);
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The environment consulted for {@value ExecutionSettings#MODE_ENV}; for tests. */
    Builder environment(Map<String, String> environment) {
      once("environment", this.environment);
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** Hands a value of {@code type} to the pipeline, as if a factory produced it. */
    public <T> Builder input(Class<T> type, T value) {
      return input(null, TypeLiteral.get(type), value);
    }

    /** Hands a value of a generic {@code type} (e.g. {@code Dataset<Order>}) to the pipeline. */
    public <T> Builder input(TypeLiteral<T> type, T value) {
      return input(null, type, value);
    }

    /** Hands a value with an id, so deliveries can name it with {@code @Delivery(id = ...)}. */
    public <T> Builder input(String id, Class<T> type, T value) {
      return input(id, TypeLiteral.get(type), value);
    }

    /** Hands a value of a generic type with an id. */
    public <T> Builder input(String id, TypeLiteral<T> type, T value) {
      Objects.requireNonNull(type, "type");
      if (value == null) {
        throw new IllegalArgumentException(
            "input ["
                + (id == null ? type : id)
                + "] was null; hand in a value, or leave the input out and make its deliveries"
                + " optional");
      }
      String key = id != null ? id : "input:" + type;
      inputs.add(new Input(key, type, value));
      return this;
    }

    /** Adds a stage; stage names are unique. */
    public Builder stage(String stageName, Consumer<StageBuilder> factories) {
      Objects.requireNonNull(stageName, "stage name");
      if (!stageNames.add(stageName)) {
        throw new IllegalArgumentException(
            "stage ["
                + stageName
                + "] was already added to"
                + " pipeline ["
                + name
                + "]; stage names must be unique");
      }
      StageBuilder s = new StageBuilder(stageName);
      factories.accept(s);
      stages.add(new StageSpec(stageName, s.specs()));
      return this;
    }

    /**
     * Adds a listener, called on the coordinating thread for every run (see {@link
     * PipelineListener} for the order). May be called many times; listeners bound with a Guice
     * multibinder are called after these.
     */
    public Builder listener(PipelineListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a check that {@link #build()} runs with its own, reporting into the same numbered list.
     * May be called many times; checks bound with a Guice multibinder or listed in {@code
     * META-INF/services/dev.forgeline.core.spi.PipelineCheck} run too.
     */
    public Builder check(PipelineCheck check) {
      checks.add(Objects.requireNonNull(check, "check"));
      return this;
    }

    /**
     * Adds an interceptor that sees every step's output before its consumers do. May be called many
     * times; interceptors bound with a Guice multibinder run after these.
     */
    public Builder interceptor(StepInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * Checks the whole graph and returns the pipeline; nothing runs.
     *
     * @throws PipelineDefinitionException listing every problem, numbered
     */
    public Pipeline build() {
      // The Config the injector holds is the truth: config(...), else a module's (ConfigModule
      // binds the loaded one), else ConfigFactory.load().
      Injector injector = createInjector();
      Config cfg = injector.getInstance(Config.class);
      ExecutionSettings s = settings != null ? settings : ExecutionSettings.fromConfig(cfg);
      List<PipelineCheck> allChecks = new ArrayList<>(checks);
      allChecks.addAll(Extensions.bound(injector, PipelineCheck.class));
      allChecks.addAll(Extensions.registered(PipelineCheck.class));
      Graph graph =
          GraphPlanner.plan(name, stages, inputs, injector, s.stageBarriers(), allChecks, cfg);
      Supplier<SparkSession> session = sessionSupplier(injector);
      List<PipelineListener> allListeners = new ArrayList<>(listeners);
      allListeners.addAll(Extensions.bound(injector, PipelineListener.class));
      List<StepInterceptor> allInterceptors = new ArrayList<>(interceptors);
      allInterceptors.addAll(Extensions.bound(injector, StepInterceptor.class));
      return new Pipeline(
          this, graph, s, session, allListeners, allInterceptors, Provenance.of(cfg));
    }

    private Supplier<SparkSession> sessionSupplier(Injector injector) {
      if (sparkSession != null) {
        return () -> sparkSession;
      }
      if (injector.getExistingBinding(Key.get(SparkSession.class)) != null) {
        return () -> injector.getInstance(SparkSession.class);
      }
      return () -> null;
    }

    private Injector createInjector() {
      List<Module> all = new ArrayList<>(modules);
      SparkSession session = sparkSession;
      all.add(
          new AbstractModule() {
            @Override
            protected void configure() {
              if (session != null) {
                bind(SparkSession.class).toInstance(session);
              }
              if (config != null) {
                bind(Config.class).toInstance(config);
              }
            }
          });
      try {
        Injector injector = Guice.createInjector(all);
        return injector.createChildInjector(
            new AbstractModule() {
              @Override
              protected void configure() {
                if (injector.getExistingBinding(Key.get(Config.class)) == null) {
                  bind(Config.class).toInstance(ConfigFactory.load());
                }
                if (injector.getExistingBinding(Key.get(MeterRegistry.class)) == null) {
                  bind(MeterRegistry.class).toInstance(new SimpleMeterRegistry());
                }
              }
            });
      } catch (CreationException e) {
        // An invalid configuration is a configuration error, not a module to fix.
        ConfigModule.causeOf(e)
            .ifPresent(
                c -> {
                  throw c;
                });
        List<Problem> problems = new ArrayList<>();
        for (var m : e.getErrorMessages()) {
          problems.add(
              new Problem(
                  ErrorId.INJECTION_FAILED,
                  "The Guice modules are not valid.",
                  "modules of pipeline [" + name + "]",
                  List.of("guice: " + m.getMessage()),
                  "fix the module; a binding given with spark(...) or config(...) must not also be"
                      + " bound in a module."));
        }
        throw new PipelineDefinitionException(name, problems);
      }
    }

    private void once(String option, Object old) {
      if (old != null) {
        // A Config's toString holds every value, secrets included: name only where it came from.
        String shown =
            old instanceof Config c ? "a Config from " + c.origin().description() : old.toString();
        throw new IllegalStateException(option + " was already set to [" + shown + "]");
      }
    }
  }
}
