package dev.forgeline.core.internal.cache;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.spi.Dependency;
import com.google.inject.spi.InjectionPoint;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import dev.forgeline.core.cache.CachePolicy;
import dev.forgeline.core.cache.ResultCache;
import dev.forgeline.core.internal.graph.Graph;
import dev.forgeline.core.internal.graph.Node;
import dev.forgeline.core.spi.StepInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * What a pipeline's runs need from the cache, fixed at build time: each step's policy, declared
 * table and mode in a partial run, and the part of its key that cannot change between runs (class,
 * id, version, the configuration values it names, its injected parameters).
 */
public final class CachePlan {
  /** One step's fixed facts. */
  record Step(CachePolicy policy, String table, Selection.Mode mode, String fixedKey) {}

  private final String pipeline;
  private final ResultCache cache;
  private final Selection selection;
  private final List<Step> steps;
  private final Config config;

  private CachePlan(
      String pipeline, ResultCache cache, Selection selection, List<Step> steps, Config config) {
    this.pipeline = pipeline;
    this.cache = cache;
    this.selection = selection;
    this.steps = List.copyOf(steps);
    this.config = config;
  }

  static CachePlan of(
      String pipeline, Graph graph, CacheSetup setup, Selection selection, Config config) {
    List<StepInfo> infos = new ArrayList<>();
    for (Node n : graph.nodes()) {
      List<String> up = new ArrayList<>();
      for (int u : graph.upstream().get(n.index())) {
        up.add(graph.nodes().get(u).id());
      }
      infos.add(new StepInfo(n.id(), n.type().getName(), n.stage(), up));
    }
    Selection.Mode[] modes = selection.modes(infos);
    List<Step> steps = new ArrayList<>();
    for (Node n : graph.nodes()) {
      Declaration d = setup.declaration(n.id());
      String fixed = d.policy() == null ? null : fixedKey(n, d.policy(), config);
      steps.add(new Step(d.policy(), d.table(), modes[n.index()], fixed));
    }
    return new CachePlan(pipeline, setup.cache(), selection, steps, config);
  }

  private static String fixedKey(Node n, CachePolicy policy, Config config) {
    KeyHasher h =
        new KeyHasher()
            .add("format", "forgeline-cache-1")
            .add("class", n.type().getName())
            .add("id", n.id())
            .add("version", policy.version());
    for (String path : policy.config()) {
      h.add(
          "config:" + path,
          config.hasPath(path)
              ? config.getValue(path).render(ConfigRenderOptions.concise().setJson(true))
              : "<absent>");
    }
    parameters(n.type(), n.injector()).forEach(h::add);
    return h.hex();
  }

  /** The values Guice injects into the factory that are plain parameters (strings, numbers...). */
  private static TreeMap<String, String> parameters(Class<?> type, Injector injector) {
    TreeMap<String, String> out = new TreeMap<>();
    List<InjectionPoint> points = new ArrayList<>();
    try {
      points.add(InjectionPoint.forConstructorOf(type));
    } catch (RuntimeException e) {
      // no injectable constructor: the graph check has reported it
    }
    try {
      points.addAll(InjectionPoint.forInstanceMethodsAndFields(type));
    } catch (RuntimeException e) {
      // as above
    }
    for (InjectionPoint p : points) {
      for (Dependency<?> d : p.getDependencies()) {
        Key<?> key = d.getKey();
        if (!plain(key.getTypeLiteral().getRawType())) {
          continue;
        }
        Binding<?> b = injector.getExistingBinding(key);
        if (b != null) {
          out.put("param:" + key, String.valueOf(b.getProvider().get()));
        }
      }
    }
    return out;
  }

  private static final Set<Class<?>> PLAIN =
      Set.of(
          String.class,
          Integer.class,
          Long.class,
          Double.class,
          Float.class,
          Boolean.class,
          Short.class,
          Byte.class,
          Character.class,
          int.class,
          long.class,
          double.class,
          float.class,
          boolean.class,
          short.class,
          byte.class,
          char.class);

  private static boolean plain(Class<?> raw) {
    return PLAIN.contains(raw) || raw.isEnum() || raw.isRecord();
  }

  /** A fresh per-run view. */
  public RunCache newRun(String runId, Graph graph, SparkSession spark, Clock clock) {
    return new RunCache(this, runId, graph, spark, clock);
  }

  String pipeline() {
    return pipeline;
  }

  Store store() {
    return Stores.of(cache);
  }

  Step step(int index) {
    return steps.get(index);
  }

  Config config() {
    return config;
  }

  /** Whether step {@code index} is left out of a partial run. */
  public boolean leftOut(int index) {
    return steps.get(index).mode() == Selection.Mode.LEAVE_OUT;
  }

  /** Why steps are left out: {@code not selected (--select gold)}. */
  public String leftOutReason() {
    return "not selected (" + selection.describe() + ")";
  }
}
