/**
 * Delta tables on the mock, in Delta's own layout: a {@code _delta_log} directory of JSON commits
 * (protocol, metaData, add, remove, txn and commitInfo actions) over Parquet data files, so tables
 * the mock writes are read by real Delta and the other way round. {@link
 * dev.forgeline.mock.delta.MockDeltaTable} is the API (merge, update, delete, history); the mock's
 * DataFrameReader and DataFrameWriter delegate {@code format("delta")} to {@code DeltaSource} and
 * {@code DeltaSink}. Commits are optimistic: each writes the next version file only if it is absent
 * and, when another writer won that version, retries or fails as Delta does.
 */
package dev.forgeline.mock.delta;
