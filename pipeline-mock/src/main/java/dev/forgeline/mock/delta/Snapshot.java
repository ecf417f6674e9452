package dev.forgeline.mock.delta;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * One version of a Delta table: its schema and partition columns, its live data files and the
 * latest version each application id committed (for idempotent writes).
 *
 * @param version the table version
 * @param timestamp the commit time of that version, in epoch milliseconds
 * @param tableId the metaData id
 * @param schema the table schema
 * @param partitionColumns the partition columns, in order
 * @param configuration the table properties
 * @param createdTime the metaData creation time
 * @param files the live data files, in commit order
 * @param txns application id to its latest committed transaction version
 */
record Snapshot(
    long version,
    long timestamp,
    String tableId,
    StructType schema,
    List<String> partitionColumns,
    Map<String, String> configuration,
    long createdTime,
    List<AddFile> files,
    Map<String, Long> txns) {

  /**
   * One live data file.
   *
   * @param path the path relative to the table root, URI-encoded as in the log
   * @param partitionValues partition column to its value as text (null for null)
   * @param size the file size in bytes
   * @param numRecords the row count from the file's stats, or -1 when unknown
   */
  record AddFile(String path, Map<String, String> partitionValues, long size, long numRecords) {}
}
