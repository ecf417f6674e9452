package dev.forgeline.mock.delta;

/**
 * The rows a MERGE, UPDATE or DELETE changed, as Delta reports them in the statement's result.
 *
 * @param updated rows updated (matched and not-matched-by-source updates of a merge)
 * @param deleted rows deleted
 * @param inserted rows inserted
 */
public record DmlCounts(long updated, long deleted, long inserted) {
  /**
   * Every changed row: Delta's {@code num_affected_rows}.
   *
   * @return updated plus deleted plus inserted
   */
  public long affected() {
    return updated + deleted + inserted;
  }
}
