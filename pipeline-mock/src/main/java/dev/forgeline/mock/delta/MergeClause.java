package dev.forgeline.mock.delta;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;

/**
 * One WHEN clause of a Delta merge.
 *
 * @param kind which rows it applies to
 * @param condition its extra condition, or null for none
 * @param assignments column to new value; empty with {@code all} set for updateAll / insertAll
 * @param all whether every column is set from the source column of the same name
 * @param delete whether the clause deletes the matched row
 */
public record MergeClause(
    Kind kind, Column condition, Map<String, Column> assignments, boolean all, boolean delete) {

  /** The rows a clause applies to. */
  public enum Kind {
    /** Target rows with a matching source row. */
    MATCHED,
    /** Source rows without a matching target row. */
    NOT_MATCHED,
    /** Target rows without a matching source row. */
    NOT_MATCHED_BY_SOURCE
  }

  /** Copies the assignments, keeping their order. */
  public MergeClause {
    Objects.requireNonNull(kind, "kind");
    assignments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
  }
}
