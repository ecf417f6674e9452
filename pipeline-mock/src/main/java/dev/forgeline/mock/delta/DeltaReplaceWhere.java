package dev.forgeline.mock.delta;

import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.not;

import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SetOperations;
import java.nio.file.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code replaceWhere}: the rows matching the predicate are replaced by the new data, which must
 * match it too (else Delta's DELTA_REPLACE_WHERE_MISMATCH); rows outside it are kept.
 */
final class DeltaReplaceWhere {
  private DeltaReplaceWhere() {}

  static Relation combine(
      Path table, Snapshot current, Relation incoming, String predicate, Frames frames) {
    Column matches = expr(predicate);
    Dataset<Row> fresh = frames.wrap(incoming);
    long outside = fresh.filter(not(matches).or(matches.isNull())).count();
    if (outside > 0) {
      throw DeltaDml.replaceWhereMismatch(predicate);
    }
    Dataset<Row> existing = frames.wrap(DeltaSource.relation(table, current, frames.conf()));
    Relation kept = frames.unwrap(existing.filter(not(matches).or(matches.isNull())));
    return SetOperations.union(kept, incoming, frames.conf());
  }
}
