package dev.forgeline.core.internal.cache;

import com.google.inject.Binding;
import dev.forgeline.core.cache.CacheEntry;
import dev.forgeline.core.connector.Connector;
import dev.forgeline.core.connector.ConnectorSpec;
import dev.forgeline.core.connector.ConnectorType;
import dev.forgeline.core.connector.Connectors;
import dev.forgeline.core.internal.graph.Graph;
import dev.forgeline.core.internal.graph.Node;
import dev.forgeline.core.internal.graph.Wire;
import dev.forgeline.core.spi.StepContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache as one run sees it: computes each cacheable step's key just before the step would run
 * (its inputs are ready then), serves hits, stores outputs after a miss, and keeps every step's key
 * so a consumer's key includes its cached upstream's key (invalidation follows dependencies).
 * Called from worker threads; the keys array is the only shared state.
 */
public final class RunCache {
  private static final Logger LOG = LoggerFactory.getLogger(RunCache.class);

  /** The outcome of a lookup. */
  public record Lookup(String key, Object value, boolean hit, String note) {
    /** Not cacheable, or not keyed this run. */
    public static final Lookup NONE = new Lookup(null, null, false, null);
  }

  private final CachePlan plan;
  private final String runId;
  private final Graph graph;
  private final SparkSession spark;
  private final Clock clock;
  private final AtomicReferenceArray<String> keys;
  private volatile Connectors connectors;
  private volatile Consumer<Runnable> background;
  private final List<CompletableFuture<Void>> pending =
      Collections.synchronizedList(new ArrayList<>());

  RunCache(CachePlan plan, String runId, Graph graph, SparkSession spark, Clock clock) {
    this.plan = plan;
    this.runId = runId;
    this.graph = graph;
    this.spark = spark;
    this.clock = clock;
    this.keys = new AtomicReferenceArray<>(graph.size());
  }

  /** Whether step {@code index} is only served in this partial run, never run. */
  public boolean serveOnly(int index) {
    return plan.step(index).mode() == Selection.Mode.SERVE;
  }

  /** Whether step {@code index} is left out of this partial run. */
  public boolean leftOut(int index) {
    return plan.leftOut(index);
  }

  /** Where the cache keeps entries, for the report's metadata. */
  public String storage() {
    return plan.store().describe();
  }

  /**
   * Computes the key of {@code node} and looks it up; {@link Lookup#NONE} when it is not cacheable
   * or cannot be keyed (logged). Its upstream steps have ended; {@code outputs} gives their
   * outputs.
   */
  public Lookup lookup(Node node, IntFunction<Object> outputs) {
    CachePlan.Step step = plan.step(node.index());
    if (step.policy() == null) {
      return Lookup.NONE;
    }
    String key;
    List<String> notes = new ArrayList<>();
    try {
      key = key(node, step, outputs, notes);
    } catch (Fingerprints.Unkeyable e) {
      LOG.warn(
          "Factory [{}] is cacheable but cannot be keyed this run, so it runs uncached: {}",
          node.id(),
          e.getMessage());
      return new Lookup(null, null, false, "not keyed: " + e.getMessage());
    }
    keys.set(node.index(), key);
    Optional<Object> hit = plan.store().get(key, node.output(), spark, clock.instant());
    String note = notes.isEmpty() ? null : notes.get(0);
    return hit.map(v -> new Lookup(key, v, true, note))
        .orElseGet(() -> new Lookup(key, null, false, note));
  }

  private String key(
      Node node, CachePlan.Step step, IntFunction<Object> outputs, List<String> notes)
      throws Fingerprints.Unkeyable {
    KeyHasher h = new KeyHasher().add("fixed", step.fixedKey());
    List<String> nondeterministic = new ArrayList<>();
    List<Wire> wires = new ArrayList<>(graph.wires().get(node.index()));
    wires.sort(Comparator.comparing(w -> w.point().name()));
    for (Wire w : wires) {
      String label = "in:" + w.point().name();
      if (w.unmatched()) {
        h.add(label, "<absent>");
      } else if (w.fromNode() >= 0 && keys.get(w.fromNode()) != null) {
        h.add(label, "key:" + keys.get(w.fromNode()));
      } else {
        Object value = w.fromNode() >= 0 ? outputs.apply(w.fromNode()) : w.fromInput().value();
        Fingerprints.Print p = Fingerprints.of(value, spark);
        h.add(label, p.value());
        if (p.nondeterministic() != null) {
          nondeterministic.add("input [" + w.point().name() + "]: " + p.nondeterministic());
        }
      }
    }
    for (String name : step.policy().reads()) {
      Fingerprints.Print p = connector(name);
      h.add("reads:" + name, p.value());
      if (p.nondeterministic() != null) {
        nondeterministic.add("connector [" + name + "]: " + p.nondeterministic());
      }
    }
    if (!nondeterministic.isEmpty()) {
      // Never reuse a result whose inputs may differ on every evaluation: the key includes the run.
      LOG.warn(
          "Factory [{}]: {}; its cache key includes the run, so it is recomputed every run",
          node.id(),
          String.join("; ", nondeterministic));
      notes.add("per run: " + String.join("; ", nondeterministic));
      h.add("run", runId);
    }
    return h.hex();
  }

  private Fingerprints.Print connector(String name) throws Fingerprints.Unkeyable {
    Connector c = connectors().get(name);
    ConnectorSpec spec = c.spec();
    try {
      if (spec.path().isPresent() && spec.type() != ConnectorType.JDBC) {
        String path = spec.path().get();
        if (spec.type() == ConnectorType.DELTA) {
          List<String> log = FileStats.list(path + "/_delta_log", spark);
          List<String> commits = log.stream().filter(l -> l.contains(".json|")).toList();
          return new Fingerprints.Print(
              "delta:" + (commits.isEmpty() ? "absent" : commits.get(commits.size() - 1)), null);
        }
        return new Fingerprints.Print(
            "files:"
                + KeyHasher.sha256(
                    String.join("\n", FileStats.list(path, spark))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            null);
      }
      if (spec.type() == ConnectorType.JDBC) {
        return new Fingerprints.Print(
            "jdbc", "a JDBC source has no version or modification time the cache can see");
      }
      Dataset<Row> data = c.read();
      return Fingerprints.dataset(data, spark);
    } catch (IOException | RuntimeException e) {
      throw new Fingerprints.Unkeyable(
          "connector [" + name + "] cannot be fingerprinted: " + e.getMessage(), e);
    }
  }

  private Connectors connectors() {
    Connectors c = connectors;
    if (c == null) {
      Binding<Connectors> b =
          graph.nodes().isEmpty()
              ? null
              : graph.nodes().get(0).injector().getExistingBinding(CacheSetup.connectorsKey());
      c = b != null ? b.getProvider().get() : Connectors.fromConfig(plan.config(), () -> spark);
      connectors = c;
    }
    return c;
  }

  /**
   * Stores the output of a step that ran after a miss and returns what consumers get (the stored
   * form). A value that cannot be stored is logged and recorded in the step's metadata, and the
   * step's own output goes on. {@code committed} holds the Delta versions the step's writes
   * committed: an output that is a plain read of one of those tables is stored on disk as a
   * reference to that version instead of a copy.
   */
  public Object store(Node node, Lookup lookup, Object output, Map<String, Long> committed) {
    if (lookup.key() == null || output == null) {
      return output;
    }
    CachePlan.Step step = plan.step(node.index());
    Instant now = clock.instant();
    CacheEntry entry =
        new CacheEntry(
            lookup.key(),
            plan.pipeline(),
            node.id(),
            node.type().getName(),
            step.policy().tags(),
            now,
            now,
            step.policy().ttl().map(now::plus).orElse(null),
            -1,
            plan.store() instanceof DiskStore ? "disk" : "memory");
    try {
      String table = TableReads.deltaPathOf(output);
      if (table != null && committed.containsKey(table) && plan.store() instanceof DiskStore disk) {
        return disk.putReference(
            entry, (Dataset<?>) output, table, committed.get(table), node.output(), spark);
      }
      Consumer<Runnable> later = background;
      if (later != null && output instanceof Dataset<?> && plan.store() instanceof DiskStore) {
        // A copy is written while the run goes on; consumers get the computed output meanwhile.
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(done);
        later.accept(
            () -> {
              try {
                plan.store().put(entry, output, node.output(), spark);
                done.complete(null);
              } catch (Exception | LinkageError e) {
                LOG.warn(
                    "The output of factory [{}] could not be stored in the cache ({}): {}",
                    node.id(),
                    plan.store().describe(),
                    e.toString());
                done.complete(null);
              }
            });
        return output;
      }
      return plan.store().put(entry, output, node.output(), spark);
    } catch (Exception e) {
      String why =
          "the output of factory ["
              + node.id()
              + "] could not be stored in the cache ("
              + plan.store().describe()
              + "): "
              + e;
      LOG.warn("{}; the run goes on with the computed output", why);
      note("cache", "not stored: " + e);
      return output;
    }
  }

  /**
   * Writes later disk copies through {@code background} (the engine's store thread) instead of on
   * the step's thread; {@link #awaitStores()} waits for them.
   */
  public void storeInBackground(Consumer<Runnable> background) {
    this.background = background;
  }

  /** Waits for every store handed to the background; their failures have been logged. */
  public void awaitStores() {
    List<CompletableFuture<Void>> all;
    synchronized (pending) {
      all = List.copyOf(pending);
    }
    all.forEach(CompletableFuture::join);
  }

  /**
   * Reads the output of a step that is served in a partial run from the table it declares.
   *
   * @throws IllegalStateException when it declares none
   */
  public Object fromTable(Node node) {
    String table = plan.step(node.index()).table();
    if (table == null) {
      throw new IllegalStateException("no table declared");
    }
    Dataset<Row> rows = connectors().get(table).read();
    return Encoding.isDataset(node.output()) ? Encoding.typed(rows, node.output()) : rows;
  }

  /** The table step {@code index} declares, or null. */
  public String table(int index) {
    return plan.step(index).table();
  }

  private static void note(String key, String value) {
    StepContext.current().ifPresent(c -> c.putMetadata(key, value));
  }
}
