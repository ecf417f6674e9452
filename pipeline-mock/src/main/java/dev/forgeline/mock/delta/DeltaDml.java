package dev.forgeline.mock.delta;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Relation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Delta's MERGE, UPDATE and DELETE on the mock: each evaluates its conditions with the mock's
 * Dataset engine over the rows of its {@link DmlTarget} and stores the table's new content as one
 * change (for a table on disk, one commit that removes every current file and adds the rewritten
 * ones: copy-on-write of the whole table). Each returns the counts Delta reports.
 */
public final class DeltaDml {
  private static final String T = "__forgeline_target_row";
  private static final String S = "__forgeline_source_row";

  private final DmlTarget target;
  private final Frames frames;

  /** The operations on the Delta table at {@code table} (DELTA_MISSING_DELTA_TABLE if none). */
  public DeltaDml(Path table, Frames frames) {
    this(new PathTarget(table, frames, false), frames);
  }

  /** The operations on {@code target}. */
  public DeltaDml(DmlTarget target, Frames frames) {
    this.target = target;
    this.frames = frames;
  }

  /**
   * The operations on the Delta table a SQL statement names as {@code delta.`path`}: a path without
   * a Delta log fails with DELTA_TABLE_NOT_FOUND, as Delta's SQL path does.
   */
  public static DeltaDml forSqlPath(Path table, Frames frames) {
    return new DeltaDml(new PathTarget(table, frames, true), frames);
  }

  /**
   * The error of a change that lost a race to another writer of the same table: Delta's
   * ConcurrentAppendException when delta-spark is present.
   */
  public static RuntimeException concurrentChange(String table) {
    return DeltaErrors.conflict(
        "ConcurrentAppendException",
        "Files were added to the root of the table by a concurrent update. Please try the"
            + " operation again. Table: "
            + table);
  }

  /**
   * Delta's DELTA_REPLACE_WHERE_MISMATCH: a partial overwrite whose new rows do not all match its
   * condition.
   */
  public static RuntimeException replaceWhereMismatch(String predicate) {
    return DeltaErrors.analysis(
        "DELTA_REPLACE_WHERE_MISMATCH",
        "Written data does not conform to partial table overwrite condition or constraint '"
            + predicate
            + "'.",
        "replaceWhere",
        predicate,
        "message",
        "");
  }

  /** The current rows. */
  public Dataset<Row> toDF() {
    return frames.wrap(target.rows());
  }

  private Dataset<Row> frame(Relation rows, String alias) {
    Dataset<Row> df = frames.wrap(rows);
    return alias == null ? df : df.as(alias);
  }

  /** Deletes the rows matching {@code condition} (all rows when null). */
  public DmlCounts delete(Column condition) {
    return delete(null, condition);
  }

  /**
   * Deletes the rows matching {@code condition} (all rows when null), the table's columns qualified
   * by {@code alias} unless null.
   */
  public DmlCounts delete(String alias, Column condition) {
    Relation rows = target.rows();
    Dataset<Row> df = frame(rows, alias);
    Column keep = condition == null ? lit(false) : coalesce(condition, lit(false)).unary_$bang();
    Dataset<Row> kept = df.filter(keep);
    long before = df.count();
    long after = kept.count();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("predicate", predicate(condition));
    target.replace(
        frames.unwrap(kept),
        "DELETE",
        params,
        Map.of("numDeletedRows", String.valueOf(before - after)));
    return new DmlCounts(0, before - after, 0);
  }

  /** Sets {@code assignments} on the rows matching {@code condition} (all rows when null). */
  public DmlCounts update(Column condition, Map<String, Column> assignments) {
    return update(null, condition, assignments);
  }

  /**
   * Sets {@code assignments} (column name to value) on the rows matching {@code condition} (all
   * rows when null), the table's columns qualified by {@code alias} unless null; each value is cast
   * to its column's type.
   */
  public DmlCounts update(String alias, Column condition, Map<String, Column> assignments) {
    Relation rows = target.rows();
    Dataset<Row> df = frame(rows, alias);
    Column hit = condition == null ? lit(true) : coalesce(condition, lit(false));
    List<Column> out = new ArrayList<>();
    for (StructField f : rows.schema().fields()) {
      Column value = find(assignments, f.name());
      Column c = df.col(quote(f.name()));
      out.add(
          value == null
              ? c.as(f.name())
              : when(hit, value.cast(f.dataType())).otherwise(c).as(f.name()));
    }
    long updated = df.filter(hit).count();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("predicate", predicate(condition));
    target.replace(
        frames.unwrap(df.select(out.toArray(Column[]::new))),
        "UPDATE",
        params,
        Map.of("numUpdatedRows", String.valueOf(updated)));
    return new DmlCounts(updated, 0, 0);
  }

  private static String predicate(Column condition) {
    return DeltaFiles.jsonArray(List.of(condition == null ? "true" : condition.toString()));
  }

  /**
   * Merges {@code source} (aliased {@code sourceAlias}) into the table (aliased {@code
   * targetAlias}) on {@code condition}, applying the first clause of each kind whose condition
   * holds.
   */
  public DmlCounts merge(
      String targetAlias,
      Dataset<Row> source,
      String sourceAlias,
      Column condition,
      List<MergeClause> clauses) {
    Relation rows = target.rows();
    StructType schema = rows.schema();
    Dataset<Row> t = frame(numbered(rows), targetAlias);
    Dataset<Row> src = source.withColumn(S, lit(true));
    src = sourceAlias == null ? src : src.as(sourceAlias);
    Dataset<Row> j = t.join(src, condition, "full_outer");
    Column matched = t.col(T).isNotNull().and(src.col(S).isNotNull());
    Column notMatched = t.col(T).isNull();
    Column bySource = src.col(S).isNull();
    if (clauses.stream().anyMatch(c -> c.kind() == MergeClause.Kind.MATCHED)
        && j.filter(matched).groupBy(t.col(T)).count().filter("count > 1").count() > 0) {
      throw DeltaErrors.multipleMatches();
    }
    MergePlan plan = new MergePlan(schema, t, src);
    for (MergeClause c : clauses) {
      Column scope =
          c.kind() == MergeClause.Kind.MATCHED
              ? matched
              : c.kind() == MergeClause.Kind.NOT_MATCHED ? notMatched : bySource;
      plan.add(c, scope);
    }
    // A target row matched by several source rows (allowed when no MATCHED clause exists) stays
    // one row: the join repeats it once per source row.
    Column[] columns = java.util.Arrays.copyOf(plan.columns(), schema.fields().length + 1);
    columns[columns.length - 1] = t.col(T).as(T);
    Dataset<Row> kept = j.filter(plan.keep(matched, notMatched, bySource)).select(columns);
    Column identity = kept.col(T);
    Dataset<Row> result =
        kept.filter(identity.isNotNull())
            .dropDuplicates(new String[] {T})
            .union(kept.filter(identity.isNull()))
            .drop(T);
    DmlCounts counts = plan.counts(j);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("predicate", DeltaFiles.jsonArray(List.of(condition.toString())));
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("numTargetRowsInserted", String.valueOf(counts.inserted()));
    metrics.put("numTargetRowsUpdated", String.valueOf(counts.updated()));
    metrics.put("numTargetRowsDeleted", String.valueOf(counts.deleted()));
    Relation out = frames.unwrap(result);
    metrics.put("numOutputRows", String.valueOf(out.rows().size()));
    target.replace(out, "MERGE", params, metrics);
    return counts;
  }

  /** The current rows with their position in an extra column, so a target row has an identity. */
  private static Relation numbered(Relation current) {
    List<Field> fields = new ArrayList<>();
    for (StructField f : current.schema().fields()) {
      fields.add(Field.of(f.name(), f.dataType(), f.nullable()));
    }
    fields.add(Field.of(T, org.apache.spark.sql.types.DataTypes.LongType, false));
    List<Object[]> rows = new ArrayList<>();
    long i = 0;
    for (Object[] r : current.rows()) {
      Object[] out = java.util.Arrays.copyOf(r, r.length + 1);
      out[r.length] = i++;
      rows.add(out);
    }
    return Relation.of(fields, rows);
  }

  static Column find(Map<String, Column> assignments, String name) {
    for (Map.Entry<String, Column> e : assignments.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
