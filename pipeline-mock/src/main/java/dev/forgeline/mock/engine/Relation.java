package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * An immutable relation: its output attributes (known at once, so analysis errors surface when a
 * transformation is called, as in Spark) and its rows (computed on the first action and then kept,
 * so runtime errors surface at actions, as in Spark).
 *
 * <p>Concurrency: the row supplier is memoized under the relation's lock; a failure is not
 * memoized, so every action on a failing relation raises again. Rows are never mutated after they
 * are published.
 */
public final class Relation {
  private static final AtomicLong PLAN_IDS = new AtomicLong();

  private final long planId;
  private final List<Field> fields;
  private final Map<Long, List<Field>> lineage;
  private final Supplier<List<Object[]>> compute;
  private volatile List<Object[]> rows;
  private final Relation projectionSource;
  private final java.util.function.UnaryOperator<Relation> reproject;

  private Relation(
      List<Field> fields, Map<Long, List<Field>> lineage, Supplier<List<Object[]>> compute) {
    this.planId = PLAN_IDS.incrementAndGet();
    this.fields = List.copyOf(fields);
    Map<Long, List<Field>> l = new HashMap<>(lineage);
    l.put(planId, this.fields);
    this.lineage = java.util.Collections.unmodifiableMap(l);
    this.compute = compute;
    this.projectionSource = null;
    this.reproject = null;
  }

  /** The same plan (id, attributes, rows) marked as a projection of {@code source}. */
  private Relation(
      Relation base, Relation source, java.util.function.UnaryOperator<Relation> reproject) {
    this.planId = base.planId;
    this.fields = base.fields;
    this.lineage = base.lineage;
    this.compute = base.compute;
    this.rows = base.rows;
    this.projectionSource = source;
    this.reproject = reproject;
  }

  /** A leaf relation over materialized rows. */
  public static Relation of(List<Field> fields, List<Object[]> rows) {
    List<Object[]> copy = List.copyOf(rows);
    Relation r = new Relation(fields, Map.of(), () -> copy);
    r.rows = copy;
    return r;
  }

  /** A relation derived from parents, whose rows are computed lazily. */
  public static Relation derived(
      List<Field> fields, List<Relation> parents, Supplier<List<Object[]>> compute) {
    Map<Long, List<Field>> lineage = new HashMap<>();
    for (Relation p : parents) {
      lineage.putAll(p.lineage);
    }
    return new Relation(fields, lineage, compute);
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
        java.util.Objects.requireNonNull(reproject, "reproject"));
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
          r = List.copyOf(compute.get());
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
    return derived(out, List.of(this), this::rows);
  }

  public StructType schema() {
    StructField[] sf = new StructField[fields.size()];
    for (int i = 0; i < sf.length; i++) {
      sf[i] = fields.get(i).toStructField();
    }
    return new StructType(sf);
  }

  /** A scope over this relation's attributes. */
  public Scope scope(boolean caseSensitive) {
    return new Scope(fields, lineage, caseSensitive);
  }
}
