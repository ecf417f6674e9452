/**
 * Files on the mock: csv, json, text and parquet read and written on the real file system in
 * Spark's own layout (a directory of part files, {@code key=value} partition directories, a {@code
 * _SUCCESS} marker), so files either side writes are read by the other. {@link
 * dev.forgeline.mock.files.FileSources} reads, {@link dev.forgeline.mock.files.FileSinks} writes;
 * the mock's DataFrameReader and DataFrameWriter delegate to them. Internal: not API.
 */
package dev.forgeline.mock.files;
