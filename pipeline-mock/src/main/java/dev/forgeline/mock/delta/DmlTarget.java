package dev.forgeline.mock.delta;

import dev.forgeline.mock.engine.Relation;
import java.util.Map;

/**
 * The table a row-level change (MERGE, UPDATE, DELETE) reads and replaces: a Delta table on disk,
 * or a catalog table of the mock created {@code USING delta}. {@link DeltaDml} computes the new
 * rows with the mock's engine; the target stores them as one change.
 */
public interface DmlTarget {
  /**
   * The rows the change starts from, read once.
   *
   * @return the current rows with the table's columns, never null
   */
  Relation rows();

  /**
   * Replaces the rows read by {@link #rows()} with {@code rows} in one change, failing if another
   * writer changed the table since.
   *
   * @param rows the new rows, with the table's columns in order
   * @param operation the operation name of the history (MERGE, UPDATE, DELETE)
   * @param params the operation parameters of the history
   * @param metrics the operation metrics of the history
   */
  void replace(
      Relation rows, String operation, Map<String, String> params, Map<String, String> metrics);
}
