package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * An immutable relation: its output attributes (known at once, so analysis errors surface when a
 * transformation is called, as in Spark) and its rows (computed on the first action and then kept,
 * so runtime errors surface at actions, as in Spark).
 *
 * <p>Streaming: a row-wise operator (range, projection, filter, union, distinct, the probe side of
 * a join) may also offer a {@link RowSource} that pushes its rows one by one to a consumer without
 * keeping them, so a chain such as {@code range -> select -> groupBy} holds no intermediate list
 * (at a million rows those lists, kept alive across operators, were what the garbage collector
 * spent most of its time copying). A consumer asks with {@link #forEachRow}: kept rows are
 * replayed; otherwise the first request streams, and any later one computes and keeps the rows, so
 * a relation consumed twice (a self-join, two actions on a child) is computed at most twice, never
 * once per path. A relation whose expressions are not deterministic (rand, uuid) offers no source:
 * it is computed once and kept, so every consumer sees the same values.
 *
 * <p>Concurrency: the row supplier is memoized under the relation's lock; a failure is not
 * memoized, so every action on a failing relation raises again. Rows are never mutated after they
 * are published; a source is stateless and may run on several threads at once.
 */
public final class Relation {
  private static final AtomicLong PLAN_IDS = new AtomicLong();

  private final long planId;
  private final List<Field> fields;
  private final Map<Long, List<Field>> lineage;
  private final Supplier<List<Object[]>> compute;
  private volatile List<Object[]> rows;
  private volatile StructType schema;
  private final RowSource source;
  private final AtomicInteger streams = new AtomicInteger();
  private final boolean actionsCompute;
  private final Relation projectionSource;
  private final java.util.function.UnaryOperator<Relation> reproject;
  private final GroupLimiter groupLimiter;

  /** Pushes a relation's rows, in order, to a sink; the sink may keep the arrays. */
  @FunctionalInterface
  public interface RowSource {
    void forEach(Consumer<Object[]> sink);
  }

  /**
   * The rows of a window projection that a filter's rank condition ({@code rn <= 3}) can pass,
   * computed with a per-partition limit (see {@code WindowGroupLimit}).
   */
  @FunctionalInterface
  public interface GroupLimiter {
    /**
     * A source of the rows {@code condition} (bound over this relation's attributes) may pass, a
     * superset of them, or null when the condition implies no limit.
     */
    RowSource limitedBy(Expr condition);
  }

  private Relation(
      List<Field> fields,
      Map<Long, List<Field>> lineage,
      Supplier<List<Object[]>> compute,
      RowSource source,
      boolean actionsCompute) {
    this.planId = PLAN_IDS.incrementAndGet();
    this.fields = List.copyOf(fields);
    Map<Long, List<Field>> l = new HashMap<>(lineage);
    l.put(planId, this.fields);
    this.lineage = java.util.Collections.unmodifiableMap(l);
    this.compute = compute;
    this.source = source;
    this.actionsCompute = actionsCompute;
    this.projectionSource = null;
    this.reproject = null;
    this.groupLimiter = null;
  }

  /**
   * The same plan (id, attributes, rows) marked as a projection of {@code source}, or with a group
   * limiter.
   */
  private Relation(
      Relation base,
      Relation source,
      java.util.function.UnaryOperator<Relation> reproject,
      GroupLimiter groupLimiter) {
    this.planId = base.planId;
    this.fields = base.fields;
    this.lineage = base.lineage;
    this.compute = base.compute;
    this.rows = base.rows;
    this.source = base.source;
    this.actionsCompute = base.actionsCompute;
    this.projectionSource = source;
    this.reproject = reproject;
    this.groupLimiter = groupLimiter;
  }

  /** A leaf relation over materialized rows. */
  public static Relation of(List<Field> fields, List<Object[]> rows) {
    List<Object[]> copy = List.copyOf(rows);
    Relation r = new Relation(fields, Map.of(), () -> copy, null, false);
    r.rows = copy;
    return r;
  }

  /** A relation derived from parents, whose rows are computed lazily. */
  public static Relation derived(
      List<Field> fields, List<Relation> parents, Supplier<List<Object[]>> compute) {
    return derived(fields, parents, compute, null);
  }

  /**
   * A relation derived from parents that can also stream its rows ({@code source}, null: it
   * cannot); {@code compute} materializes them when they are kept.
   */
  public static Relation derived(
      List<Field> fields,
      List<Relation> parents,
      Supplier<List<Object[]>> compute,
      RowSource source) {
    Map<Long, List<Field>> lineage = new HashMap<>();
    for (Relation p : parents) {
      lineage.putAll(p.lineage);
    }
    // Its own compute (a join's, under the heap guard) is what an action should run.
    return new Relation(fields, lineage, compute, source, source != null);
  }

  /**
   * A relation derived from parents whose rows are those {@code source} pushes, streamed to
   * consumers or collected when kept; null {@code source} is not allowed.
   */
  public static Relation streamed(List<Field> fields, List<Relation> parents, RowSource source) {
    java.util.Objects.requireNonNull(source, "source");
    Map<Long, List<Field>> lineage = new HashMap<>();
    for (Relation p : parents) {
      lineage.putAll(p.lineage);
    }
    return new Relation(fields, lineage, () -> collect(source), source, false);
  }

  private static List<Object[]> collect(RowSource source) {
    ArrayList<Object[]> out = new ArrayList<>();
    source.forEach(out::add);
    return out;
  }

  /**
   * Pushes every row to {@code sink} in order: the kept rows if there are any, else the stream on
   * the first request, else the rows computed and kept.
   */
  public void forEachRow(Consumer<Object[]> sink) {
    if (rows == null && source != null && streams.getAndIncrement() == 0) {
      source.forEach(sink);
      return;
    }
    for (Object[] row : rows()) {
      sink.accept(row);
    }
  }

  /**
   * Pushes every row to an action's sink ({@code collect}, {@code count}): as {@link #forEachRow},
   * except that a relation whose own computation guards the heap (a join, whose output may be far
   * larger than its inputs) computes and keeps its rows, so running out of memory is reported as
   * that operation's {@link MockHeapExhaustedException}.
   */
  public void forEachResult(Consumer<Object[]> sink) {
    if (actionsCompute) {
      for (Object[] row : rows()) {
        sink.accept(row);
      }
      return;
    }
    forEachRow(sink);
  }

  /**
   * The rows as a list for one consumer: the kept rows, or a list built from the stream that this
   * relation does not keep (see {@link #forEachRow}).
   */
  public List<Object[]> snapshot() {
    if (rows != null || source == null || streams.getAndIncrement() != 0) {
      return rows();
    }
    return collect(source);
  }

  /**
   * Makes this relation keep its rows once computed, as {@code cache()} asks: later consumers read
   * the kept rows instead of streaming them again.
   */
  public void keep() {
    streams.set(1);
  }

  /** Whether this relation can stream its rows without keeping them. */
  public boolean streams() {
    return source != null;
  }

  /**
   * This relation (same plan id and attributes) marked as a projection of {@code source} that
   * {@code reproject} can rebuild over a filtered or sorted source, so a filter or sort may refer
   * to columns the projection dropped (Spark's ResolveMissingReferences). This relation is
   * unchanged.
   */
  public Relation withProjectionSource(
      Relation source, java.util.function.UnaryOperator<Relation> reproject) {
    return new Relation(
        this,
        java.util.Objects.requireNonNull(source, "source"),
        java.util.Objects.requireNonNull(reproject, "reproject"),
        groupLimiter);
  }

  /**
   * This relation (same plan id, attributes and rows) offering {@code limiter} to a filter over it.
   * This relation is unchanged.
   */
  public Relation withGroupLimiter(GroupLimiter limiter) {
    return new Relation(
        this, projectionSource, reproject, java.util.Objects.requireNonNull(limiter, "limiter"));
  }

  /**
   * A source of the rows a filter with {@code condition} over this relation may pass, computed with
   * a per-partition limit; null when this relation offers none for it or already keeps its rows
   * (then the kept rows are cheaper).
   */
  public RowSource limitedBy(Expr condition) {
    if (groupLimiter == null || rows != null) {
      return null;
    }
    return groupLimiter.limitedBy(condition);
  }

  /** The child of a projection, or null. */
  public Relation projectionSource() {
    return projectionSource;
  }

  /** Rebuilds this projection over a new source with the same attributes. */
  public Relation reproject(Relation newSource) {
    return reproject.apply(newSource);
  }

  public long planId() {
    return planId;
  }

  public List<Field> fields() {
    return fields;
  }

  public Map<Long, List<Field>> lineage() {
    return lineage;
  }

  /** The rows, computing them on first use. */
  public List<Object[]> rows() {
    List<Object[]> r = rows;
    if (r == null) {
      synchronized (this) {
        r = rows;
        if (r == null) {
          List<Object[]> computed = compute.get();
          // A fresh ArrayList from an operator is owned by nobody else: wrap it instead of copying
          // a million references; anything else is copied.
          r =
              computed instanceof ArrayList<Object[]> fresh
                  ? java.util.Collections.unmodifiableList(fresh)
                  : List.copyOf(computed);
          rows = r;
        }
      }
    }
    return r;
  }

  /** The same relation with every attribute visible under a new qualifier ({@code df.as("t")}). */
  public Relation withQualifier(String alias) {
    List<Field> out = new ArrayList<>();
    for (Field f : fields) {
      out.add(f.withQualifier(alias));
    }
    return source == null
        ? derived(out, List.of(this), this::rows)
        : streamed(out, List.of(this), this::forEachRow);
  }

  /** The schema, built once: collecting a relation asks for it once per row. */
  public StructType schema() {
    StructType s = schema;
    if (s == null) {
      StructField[] sf = new StructField[fields.size()];
      for (int i = 0; i < sf.length; i++) {
        sf[i] = fields.get(i).toStructField();
      }
      s = new StructType(sf);
      schema = s;
    }
    return s;
  }

  /** A scope over this relation's attributes. */
  public Scope scope(boolean caseSensitive) {
    return new Scope(fields, lineage, caseSensitive);
  }
}
