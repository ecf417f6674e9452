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

  /**
   * How many rows each kind of clause changed: every row of {@code joined} counts for the first
   * clause whose scope and condition hold, as Delta applies only that one.
   */
  DmlCounts counts(Dataset<Row> joined) {
    Column chain = null;
    for (int i = 0; i < clauses.size(); i++) {
      chain = chain == null ? when(hits.get(i), lit(i)) : chain.when(hits.get(i), lit(i));
    }
    if (chain == null) {
      return new DmlCounts(0, 0, 0);
    }
    long updated = 0;
    long deleted = 0;
    long inserted = 0;
    for (Row r : joined.select(chain.as("clause")).groupBy("clause").count().collectAsList()) {
      if (r.isNullAt(0)) {
        continue;
      }
      MergeClause c = clauses.get(r.getInt(0));
      long n = r.getLong(1);
      if (c.delete()) {
        deleted += n;
      } else if (c.kind() == MergeClause.Kind.NOT_MATCHED) {
        inserted += n;
      } else {
        updated += n;
      }
    }
    return new DmlCounts(updated, deleted, inserted);
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
