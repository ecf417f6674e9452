package dev.forgeline.writer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The log's table on one backend: on classic Spark {@link DeltaLogTable} (Delta's own API), on any
 * other session, such as the mock, {@link FrameLogTable} (Delta through the DataFrame API only).
 * Both give the same guarantees: one commit per report, idempotent per run, never an overwrite.
 */
interface LogTable {

  /** The table's rows, or null when there is no table yet; a clear error for anything else. */
  Dataset<Row> read();

  /** Creates the table when absent (race-free) and checks that it can take the log's rows. */
  void ensure();

  /**
   * Appends the rows as one commit carrying {@code appId}, unless that id already committed.
   *
   * @param refresh whether an earlier attempt conflicted (the id is then looked up afresh)
   */
  void append(Dataset<Row> rows, String appId, Map<String, String> options, boolean refresh);

  /** The implementation for {@code spark}'s backend. */
  static LogTable of(SparkSession spark, LogTarget target, List<String> partitionBy) {
    if (spark instanceof org.apache.spark.sql.classic.SparkSession) {
      return new DeltaLogTable(spark, target, partitionBy);
    }
    return new FrameLogTable(spark, target, partitionBy);
  }

  /**
   * Up to five entries of the directory {@code where} as "found: name" lines (directories end in
   * "/"); null when it does not exist, empty when it is an empty directory.
   */
  static List<String> listing(Configuration conf, String where) {
    try {
      Path p = new Path(where);
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.exists(p)) {
        return null;
      }
      if (fs.getFileStatus(p).isFile()) {
        return List.of("found: a file, not a directory");
      }
      List<String> found = new ArrayList<>();
      FileStatus[] children = fs.listStatus(p);
      Arrays.sort(children, Comparator.comparing((FileStatus c) -> c.getPath().getName()));
      for (int i = 0; i < children.length && i < 5; i++) {
        found.add(
            "found: " + children[i].getPath().getName() + (children[i].isDirectory() ? "/" : ""));
      }
      if (children.length > 5) {
        found.add("found: ... " + (children.length - 5) + " more");
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the log path [" + where + "]", e);
    }
  }

  /** Whether {@code where} is a directory. */
  static boolean isDirectory(Configuration conf, String where) {
    try {
      Path p = new Path(where);
      FileSystem fs = p.getFileSystem(conf);
      return fs.exists(p) && fs.getFileStatus(p).isDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look at the log path [" + where + "]", e);
    }
  }

  /** The error for a location that holds something other than a Delta table. */
  static LogException notDelta(LogTarget target, List<String> found, Throwable cause) {
    return new LogException(
        WriterError.LOG_NOT_DELTA,
        "The log location holds something that is not a Delta table; nothing was written.",
        target.toString(),
        found,
        "Point forgeline.log at an empty location or an existing Delta log table.",
        cause);
  }

  /** The error for a table that could not be created. */
  static LogException notCreated(LogTarget target, RuntimeException e) {
    return new LogException(
        WriterError.LOG_WRITE_FAILED,
        "The log table could not be created.",
        target.toString(),
        List.of("error: " + e.getClass().getName() + ": " + DeltaLogTable.firstLine(e)),
        "Check that the location is writable and the catalog reachable.",
        e);
  }
}
