package dev.forgeline.mock.delta;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The projection a merge evaluates over the full outer join of target and source: for each target
 * column a CASE over the clauses in order (the first clause whose scope and condition hold wins),
 * and a CASE saying whether the row survives (deleted rows and unmatched source rows without an
 * insert clause do not).
 */
final class MergePlan {
  private final StructType schema;
  private final Dataset<Row> target;
  private final Dataset<Row> source;
  private final List<Column> hits = new ArrayList<>();
  private final List<MergeClause> clauses = new ArrayList<>();

  MergePlan(StructType schema, Dataset<Row> target, Dataset<Row> source) {
    this.schema = schema;
    this.target = target;
    this.source = source;
  }

  void add(MergeClause c, Column scope) {
    Column cond = c.condition() == null ? lit(true) : coalesce(c.condition(), lit(false));
    hits.add(scope.and(cond));
    clauses.add(c);
  }

  /** Whether some clause of {@code kind} other than a delete applied to the row. */
  Column applied(MergeClause.Kind kind) {
    Column any = lit(false);
    for (int i = 0; i < clauses.size(); i++) {
      if (clauses.get(i).kind() == kind && !clauses.get(i).delete()) {
        any = any.or(hits.get(i));
      }
    }
    return any;
  }

  Column keep(Column matched, Column notMatched, Column bySource) {
    Column chain = null;
    for (int i = 0; i < clauses.size(); i++) {
      Column survive = lit(!clauses.get(i).delete());
      chain = chain == null ? when(hits.get(i), survive) : chain.when(hits.get(i), survive);
    }
    Column fallback = notMatched.unary_$bang();
    return chain == null ? fallback : chain.otherwise(fallback);
  }

  Column[] columns() {
    List<Column> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      Column current = target.col(DeltaDml.quote(f.name()));
      Column chain = null;
      for (int i = 0; i < clauses.size(); i++) {
        Column v = value(clauses.get(i), f, current);
        chain = chain == null ? when(hits.get(i), v) : chain.when(hits.get(i), v);
      }
      Column col = chain == null ? current : chain.otherwise(current);
      out.add(col.cast(f.dataType()).as(f.name()));
    }
    return out.toArray(Column[]::new);
  }

  private Column value(MergeClause c, StructField f, Column current) {
    if (c.delete()) {
      return current;
    }
    if (c.all()) {
      return source.col(DeltaDml.quote(f.name()));
    }
    Column v = DeltaDml.find(c.assignments(), f.name());
    if (v != null) {
      return v;
    }
    return c.kind() == MergeClause.Kind.NOT_MATCHED ? lit(null) : current;
  }
}
