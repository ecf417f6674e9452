package dev.forgeline.mock.delta;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.files.FileSinks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Delta's MERGE, UPDATE and DELETE on the mock: each evaluates its conditions with the mock's
 * Dataset engine over the current snapshot and commits the table's new content as one commit that
 * removes every current file and adds the rewritten ones (copy-on-write of the whole table).
 */
public final class DeltaDml {
  private static final String T = "__forgeline_target_row";
  private static final String S = "__forgeline_source_row";

  private final Path table;
  private final Frames frames;

  /** The operations on the table at {@code table}. */
  public DeltaDml(Path table, Frames frames) {
    this.table = table;
    this.frames = frames;
  }

  private Snapshot current() {
    DeltaLog log = new DeltaLog(table);
    if (!log.exists()) {
      throw DeltaErrors.notADeltaTable(table.toString());
    }
    return log.snapshot(null);
  }

  /** The current rows. */
  public Dataset<Row> toDF() {
    Snapshot s = current();
    return frames.wrap(DeltaSource.relation(table, s, frames.conf()));
  }

  /** Deletes the rows matching {@code condition} (all rows when null). */
  public void delete(Column condition) {
    Snapshot s = current();
    Dataset<Row> df = frames.wrap(DeltaSource.relation(table, s, frames.conf()));
    Column keep = condition == null ? lit(false) : coalesce(condition, lit(false)).unary_$bang();
    Dataset<Row> kept = df.filter(keep);
    long before = df.count();
    long after = kept.count();
    Map<String, String> params = new LinkedHashMap<>();
    params.put(
        "predicate",
        DeltaFiles.jsonArray(List.of(condition == null ? "true" : condition.toString())));
    rewrite(s, kept, "DELETE", params, Map.of("numDeletedRows", String.valueOf(before - after)));
  }

  /** Sets {@code assignments} on the rows matching {@code condition} (all rows when null). */
  public void update(Column condition, Map<String, Column> assignments) {
    Snapshot s = current();
    Dataset<Row> df = frames.wrap(DeltaSource.relation(table, s, frames.conf()));
    Column hit = condition == null ? lit(true) : coalesce(condition, lit(false));
    List<Column> out = new ArrayList<>();
    for (StructField f : s.schema().fields()) {
      Column value = find(assignments, f.name());
      Column c = df.col(quote(f.name()));
      out.add(
          value == null
              ? c.as(f.name())
              : when(hit, value.cast(f.dataType())).otherwise(c).as(f.name()));
    }
    long updated = df.filter(hit).count();
    Map<String, String> params = new LinkedHashMap<>();
    params.put(
        "predicate",
        DeltaFiles.jsonArray(List.of(condition == null ? "true" : condition.toString())));
    rewrite(
        s,
        df.select(out.toArray(Column[]::new)),
        "UPDATE",
        params,
        Map.of("numUpdatedRows", String.valueOf(updated)));
  }

  /**
   * Merges {@code source} (aliased {@code sourceAlias}) into the table (aliased {@code
   * targetAlias}) on {@code condition}, applying the first clause of each kind whose condition
   * holds.
   */
  public void merge(
      String targetAlias,
      Dataset<Row> source,
      String sourceAlias,
      Column condition,
      List<MergeClause> clauses) {
    Snapshot s = current();
    Dataset<Row> t = frames.wrap(numbered(s));
    t = targetAlias == null ? t : t.as(targetAlias);
    Dataset<Row> src = source.withColumn(S, lit(true));
    src = sourceAlias == null ? src : src.as(sourceAlias);
    Dataset<Row> j = t.join(src, condition, "full_outer");
    Column matched = t.col(T).isNotNull().and(src.col(S).isNotNull());
    Column notMatched = t.col(T).isNull();
    Column bySource = src.col(S).isNull();
    if (clauses.stream().anyMatch(c -> c.kind() == MergeClause.Kind.MATCHED)
        && j.filter(matched).groupBy(t.col(T)).count().filter("count > 1").count() > 0) {
      throw DeltaErrors.analysis(
          "DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE",
          "Cannot perform Merge as multiple source rows matched and attempted to modify the same"
              + " target row in the Delta table in possibly conflicting ways.",
          "usageReference",
          "");
    }
    MergePlan plan = new MergePlan(s.schema(), t, src);
    for (MergeClause c : clauses) {
      Column scope =
          c.kind() == MergeClause.Kind.MATCHED
              ? matched
              : c.kind() == MergeClause.Kind.NOT_MATCHED ? notMatched : bySource;
      plan.add(c, scope);
    }
    Dataset<Row> result = j.filter(plan.keep(matched, notMatched, bySource)).select(plan.columns());
    long inserted = j.filter(notMatched.and(plan.applied(MergeClause.Kind.NOT_MATCHED))).count();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("predicate", DeltaFiles.jsonArray(List.of(condition.toString())));
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("numTargetRowsInserted", String.valueOf(inserted));
    metrics.put("numOutputRows", String.valueOf(result.count()));
    rewrite(s, result, "MERGE", params, metrics);
  }

  /** The current rows with their position in an extra column, so a target row has an identity. */
  private Relation numbered(Snapshot s) {
    List<Field> fields = new ArrayList<>();
    for (StructField f : s.schema().fields()) {
      fields.add(Field.of(f.name(), f.dataType(), f.nullable()));
    }
    fields.add(Field.of(T, org.apache.spark.sql.types.DataTypes.LongType, false));
    List<Object[]> rows = new ArrayList<>();
    long i = 0;
    for (Object[] r : DeltaSource.rows(table, s, frames.conf())) {
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

  private void rewrite(
      Snapshot s,
      Dataset<Row> rows,
      String operation,
      Map<String, String> params,
      Map<String, String> metrics) {
    Relation data = DeltaSchemas.align(frames.unwrap(rows), s.schema(), frames.conf());
    DeltaCommit commit = new DeltaCommit(new DeltaLog(table), s.version(), false);
    long now = frames.conf().now().toEpochMilli();
    Map<String, String> opts = new LinkedHashMap<>();
    for (FileSinks.Written w :
        DeltaFiles.write(table, data, s.partitionColumns(), opts, frames.conf())) {
      commit.add("add", DeltaFiles.addAction(w, now));
    }
    for (Snapshot.AddFile f : s.files()) {
      commit.add("remove", DeltaFiles.removeAction(f, now));
    }
    commit.commit(operation, params, metrics, now);
  }
}
