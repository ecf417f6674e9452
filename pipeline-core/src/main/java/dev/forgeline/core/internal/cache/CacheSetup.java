package dev.forgeline.core.internal.cache;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import dev.forgeline.core.Factory;
import dev.forgeline.core.FactorySpec;
import dev.forgeline.core.PipelineSpec;
import dev.forgeline.core.StageSpec;
import dev.forgeline.core.cache.CachePolicy;
import dev.forgeline.core.cache.Cacheable;
import dev.forgeline.core.cache.ResultCache;
import dev.forgeline.core.cache.WritesTable;
import dev.forgeline.core.connector.ConnectorSpec;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.Problem;
import dev.forgeline.core.internal.graph.Graph;
import dev.forgeline.core.spi.CheckContext;
import dev.forgeline.core.spi.FactoryCheckContext;
import dev.forgeline.core.spi.PipelineCheck;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads every factory's cache declaration at build time and checks it, as a {@link PipelineCheck}
 * so its problems join build()'s numbered list. Precedence, highest first: HOCON {@code
 * forgeline.cache.factories.<id>}, {@code FactorySpec.withCache}, {@code StageBuilder.cacheAll},
 * HOCON {@code forgeline.cache.stages.<stage>}, the class's {@code @Cacheable}.
 */
public final class CacheSetup implements PipelineCheck {
  private final String pipeline;
  private final Config config;
  private final ResultCache cache;
  private final Selection selection;
  private final Map<String, Declaration> byId = new HashMap<>();
  private final Set<String> stagePaths = new HashSet<>();
  private final List<Problem> declarationProblems = new ArrayList<>();

  private CacheSetup(String pipeline, Config config, ResultCache cache, Selection selection) {
    this.pipeline = pipeline;
    this.config = config;
    this.cache = cache;
    this.selection = selection;
  }

  /**
   * Reads the declarations of every factory in {@code tree}, sub-pipelines included.
   *
   * @param cache the cache given to the builder, or null for the configured one, else in memory
   */
  public static CacheSetup of(
      String pipeline,
      PipelineSpec tree,
      Config config,
      ResultCache cache,
      List<String> select,
      List<String> from) {
    ResultCache chosen = cache;
    CacheSetup s = new CacheSetup(pipeline, config, null, new Selection(select, from));
    if (chosen == null) {
      try {
        chosen = ResultCache.fromConfig(config).orElse(null);
      } catch (IllegalArgumentException | ConfigException e) {
        s.declarationProblems.add(
            new Problem(
                ErrorId.CACHE_DECLARATION,
                "The result cache's configuration is not valid.",
                "config [" + ResultCache.CONFIG_PATH + "]",
                List.of(String.valueOf(e.getMessage())),
                "see docs/caching.md for storage = memory | disk and their keys."));
      }
    }
    CacheSetup out =
        new CacheSetup(
            pipeline, config, chosen != null ? chosen : ResultCache.inMemory(), s.selection);
    out.declarationProblems.addAll(s.declarationProblems);
    out.collect(tree, "");
    out.checkNames(
        ResultCache.CONFIG_PATH + ".factories", out.byId.keySet(), "factory", "factories");
    out.checkNames(ResultCache.CONFIG_PATH + ".stages", out.stagePaths, "stage", "stages");
    return out;
  }

  /** A HOCON declaration under {@code block} for a name the pipeline does not have is an error. */
  private void checkNames(String block, Set<String> known, String what, String plural) {
    if (!config.hasPath(block)) {
      return;
    }
    for (String name : new TreeSet<>(config.getObject(block).keySet())) {
      if (!known.contains(name)) {
        declarationProblems.add(
            new Problem(
                ErrorId.CACHE_DECLARATION,
                "The cache declaration [" + name + "] names no " + what + " of the pipeline.",
                "config [" + block + "." + ConfigUtil.quoteString(name) + "]",
                List.of(plural + ": " + new TreeSet<>(known)),
                "use the "
                    + what
                    + "'s path as the report shows it; inside a sub-pipeline it is"
                    + " <namespace>/<"
                    + what
                    + ">, quoted in HOCON (\"orders/ingest\")."));
      }
    }
  }

  /**
   * Declares every factory of {@code spec}, with the ids and stage paths the planner gives them:
   * {@code namespace/id} inside an included sub-pipeline, whose namespace is its stage's path.
   */
  private void collect(PipelineSpec spec, String scope) {
    for (StageSpec stage : spec.stages()) {
      String path = scope.isEmpty() ? stage.name() : scope + "/" + stage.name();
      if (stage.isInclude()) {
        collect(stage.subPipeline().pipeline(), path);
        continue;
      }
      stagePaths.add(path);
      for (FactorySpec f : stage.factories()) {
        if (f != null && f.type() != null) {
          String local = f.id().orElseGet(() -> defaultId(f.type()));
          String id = scope.isEmpty() ? local : scope + "/" + local;
          byId.put(id, declare(id, path, f));
        }
      }
    }
  }

  private Declaration declare(String id, String stage, FactorySpec spec) {
    String at = ResultCache.CONFIG_PATH + ".factories." + ConfigUtil.quoteString(id);
    String stageAt = ResultCache.CONFIG_PATH + ".stages." + ConfigUtil.quoteString(stage);
    CachePolicy policy = null;
    String source = "";
    String table = null;
    try {
      Cacheable a = spec.type().getAnnotation(Cacheable.class);
      if (a != null) {
        policy = CachePolicy.of(a);
        source = "@Cacheable on " + spec.type().getName();
      }
      if (config.hasPath(stageAt)) {
        policy = CachePolicy.of(config.getConfig(stageAt));
        source = "config [" + stageAt + "]";
      }
      if (spec.cache().isPresent()) {
        policy = spec.cache().get();
        source = "FactorySpec.withCache";
      }
      if (config.hasPath(at)) {
        Config block = config.getConfig(at);
        boolean enabled = !block.hasPath("enabled") || block.getBoolean("enabled");
        if (block.hasPath("table")) {
          table = block.getString("table");
        }
        Config rest = block.withoutPath("table").withoutPath("enabled");
        if (!enabled) {
          policy = null;
          source = "config [" + at + "] (enabled = false)";
        } else if (!rest.isEmpty() || policy == null) {
          policy = CachePolicy.of(rest);
          source = "config [" + at + "]";
        }
      }
    } catch (IllegalArgumentException | ConfigException e) {
      declarationProblems.add(
          new Problem(
              ErrorId.CACHE_DECLARATION,
              "The cache declaration of factory [" + id + "] is not valid.",
              "factory [" + id + "] (" + spec.type().getName() + "), stage [" + stage + "]",
              List.of(String.valueOf(e.getMessage())),
              "keys: version, ttl (a duration such as 7d), tags, reads, config, table, enabled."));
      return Declaration.NONE;
    }
    WritesTable w = spec.type().getAnnotation(WritesTable.class);
    if (table == null && w != null) {
      table = w.value();
    }
    return new Declaration(policy, source, table);
  }

  private static TypeLiteral<?> outputType(Class<?> type) {
    Type sup = TypeLiteral.get(type).getSupertype(Factory.class).getType();
    return sup instanceof ParameterizedType p
        ? TypeLiteral.get(p.getActualTypeArguments()[0])
        : null;
  }

  static String defaultId(Class<?> type) {
    String simple = type.getSimpleName();
    return simple.isEmpty()
        ? type.getName().substring(type.getName().lastIndexOf('.') + 1)
        : simple;
  }

  /** The cache the pipeline uses. */
  public ResultCache cache() {
    return cache;
  }

  Declaration declaration(String id) {
    return byId.getOrDefault(id, Declaration.NONE);
  }

  @Override
  public List<Problem> checkFactory(FactoryCheckContext factory) {
    Declaration d = declaration(factory.factoryId());
    List<Problem> out = new ArrayList<>();
    if (d.policy() != null && factory.instance().isPresent()) {
      out.add(
          new Problem(
              ErrorId.CACHE_NOT_KEYABLE,
              "Factory ["
                  + factory.factoryId()
                  + "] is marked cacheable but was added as a ready"
                  + " instance, whose parameters the cache cannot see.",
              factory.place(),
              List.of("marked by: " + d.source()),
              "add it by class (StageBuilder.add(id, Class, modules...)) so its parameters come"
                  + " from Guice, or do not mark it cacheable."));
    }
    if (d.policy() != null) {
      TypeLiteral<?> output = outputType(factory.factoryClass());
      Optional<String> why = output == null ? Optional.empty() : store().cannotStore(output);
      why.ifPresent(
          w ->
              out.add(
                  new Problem(
                      ErrorId.CACHE_CANNOT_STORE,
                      "Factory ["
                          + factory.factoryId()
                          + "] is marked cacheable but its output"
                          + " cannot be stored in the "
                          + store().describe()
                          + " cache.",
                      factory.place(),
                      List.of(w, "marked by: " + d.source()),
                      "return a Dataset of Row, of a JavaBean or of a scalar, or a Serializable"
                          + " value; or use an in-memory cache; or do not mark it cacheable.")));
      List<String> unknown = new ArrayList<>();
      for (String c : d.policy().reads()) {
        if (!config.hasPath(ConnectorSpec.CONFIG_PATH + "." + ConfigUtil.quoteString(c))) {
          unknown.add(c);
        }
      }
      if (!unknown.isEmpty()) {
        out.add(
            new Problem(
                ErrorId.CACHE_DECLARATION,
                "Factory ["
                    + factory.factoryId()
                    + "] declares cache reads of connectors that are"
                    + " not declared.",
                factory.place(),
                List.of("unknown: " + unknown, "declared: " + connectorNames()),
                "name connectors declared under " + ConnectorSpec.CONFIG_PATH + "."));
      }
    }
    if (d.table() != null
        && !config.hasPath(ConnectorSpec.CONFIG_PATH + "." + ConfigUtil.quoteString(d.table()))) {
      out.add(
          new Problem(
              ErrorId.CACHE_DECLARATION,
              "Factory ["
                  + factory.factoryId()
                  + "] declares it writes connector ["
                  + d.table()
                  + "], which is not declared.",
              factory.place(),
              List.of("declared: " + connectorNames()),
              "name a connector declared under " + ConnectorSpec.CONFIG_PATH + "."));
    }
    return out;
  }

  private Set<String> connectorNames() {
    return config.hasPath(ConnectorSpec.CONFIG_PATH)
        ? new java.util.TreeSet<>(config.getConfig(ConnectorSpec.CONFIG_PATH).root().keySet())
        : Set.of();
  }

  private Store store() {
    return Stores.of(cache);
  }

  @Override
  public List<Problem> check(CheckContext context) {
    List<Problem> out = new ArrayList<>(declarationProblems);
    boolean anyCached =
        context.factories().stream().anyMatch(f -> declaration(f.factoryId()).policy() != null);
    if (anyCached) {
      store()
          .unusable()
          .ifPresent(
              why ->
                  out.add(
                      new Problem(
                          ErrorId.CACHE_UNUSABLE,
                          "The result cache of pipeline [" + pipeline + "] cannot be used.",
                          "config [" + ResultCache.CONFIG_PATH + "] or Pipeline.Builder.cache(...)",
                          List.of(why),
                          "choose a directory this process may write, or an in-memory cache.")));
    }
    out.addAll(selection.problems(context.factories(), id -> declaration(id)));
    return out;
  }

  /** The plan the scheduler follows, for the checked {@code graph}. */
  public CachePlan plan(Graph graph) {
    return CachePlan.of(pipeline, graph, this, selection, config);
  }

  /** For checks that need the injector's connectors. */
  static Key<dev.forgeline.core.connector.Connectors> connectorsKey() {
    return Key.get(dev.forgeline.core.connector.Connectors.class);
  }
}
