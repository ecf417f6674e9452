package dev.forgeline.mock.delta;

import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.NotSupported;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.engine.Temporal;
import dev.forgeline.mock.files.FileSources;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a Delta table by path, at its latest version or at {@code versionAsOf} / {@code
 * timestampAsOf}: the live files of that snapshot, each read as Parquet with the table schema, with
 * partition values taken from the log.
 */
public final class DeltaSource {
  private DeltaSource() {}

  /** The table at {@code paths} (exactly one) as a relation. */
  public static Relation read(
      Map<String, String> options, StructType userSchema, List<String> paths, SessionConf conf) {
    if (paths.size() != 1) {
      throw NotSupported.method("reading several Delta tables in one load(...)");
    }
    Path table = FileSources.localPath(paths.get(0));
    Map<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    o.putAll(options);
    Snapshot s = snapshot(table, o, conf);
    return relation(table, s, conf);
  }

  static Snapshot snapshot(Path table, Map<String, String> o, SessionConf conf) {
    DeltaLog log = new DeltaLog(table);
    if (!log.exists()) {
      if (!Files.exists(table)) {
        throw dev.forgeline.mock.engine.Errors.analysis("PATH_NOT_FOUND", "path", "file:" + table);
      }
      throw DeltaErrors.tableNotFound(table.toString());
    }
    String version = o.get("versionAsOf");
    String timestamp = o.get("timestampAsOf");
    if (version != null) {
      return log.snapshot(Long.parseLong(version.trim()));
    }
    if (timestamp != null) {
      return log.snapshot(versionAt(log, timestamp, conf));
    }
    return log.snapshot(null);
  }

  /** The latest version committed at or before {@code timestamp}. */
  private static long versionAt(DeltaLog log, String timestamp, SessionConf conf) {
    Instant at = Temporal.parseTimestamp(timestamp, conf.zone());
    if (at == null) {
      throw DeltaErrors.analysis(
          "DELTA_TIMESTAMP_INVALID",
          "The provided timestamp (" + timestamp + ") cannot be converted to a valid timestamp.",
          "expr",
          timestamp);
    }
    long found = -1;
    long latestTs = 0;
    for (long v : log.versions().keySet()) {
      long ts = log.commitTimestamp(v);
      latestTs = Math.max(latestTs, ts);
      if (ts <= at.toEpochMilli()) {
        found = v;
      }
    }
    if (at.toEpochMilli() > latestTs) {
      throw DeltaErrors.timestampTooLate(
          Temporal.formatTimestamp(at, conf.zone()),
          Temporal.formatTimestamp(Instant.ofEpochMilli(latestTs), conf.zone()));
    }
    if (found < 0) {
      throw DeltaErrors.analysis(
          "DELTA_TIMESTAMP_EARLIER_THAN_COMMIT_RETENTION",
          "The provided timestamp ("
              + timestamp
              + ") is before the earliest version available to this table.",
          "userTimestamp",
          timestamp);
    }
    return found;
  }

  /** The rows of a snapshot, lazily. */
  static Relation relation(Path table, Snapshot s, SessionConf conf) {
    List<Field> fields = new ArrayList<>();
    for (StructField f : s.schema().fields()) {
      fields.add(Field.of(f.name(), f.dataType(), f.nullable()));
    }
    return Relation.derived(fields, List.of(), () -> rows(table, s, conf));
  }

  static List<Object[]> rows(Path table, Snapshot s, SessionConf conf) {
    StructType schema = s.schema();
    StructType data = new StructType();
    for (StructField f : schema.fields()) {
      if (!s.partitionColumns().contains(f.name())) {
        data = data.add(f);
      }
    }
    List<Object[]> out = new ArrayList<>();
    for (Snapshot.AddFile add : s.files()) {
      List<Object[]> fileRows = FileSources.readParquet(resolve(table, add.path()), data, conf);
      for (Object[] r : fileRows) {
        Object[] row = new Object[schema.length()];
        int d = 0;
        for (int i = 0; i < row.length; i++) {
          StructField f = schema.fields()[i];
          row[i] =
              s.partitionColumns().contains(f.name())
                  ? FileSources.partitionValue(
                      add.partitionValues().get(f.name()), f.dataType(), conf)
                  : r[d++];
        }
        out.add(row);
      }
    }
    return out;
  }

  /** A path from the log: relative to the table and URI-encoded, or an absolute URI. */
  static Path resolve(Path table, String path) {
    URI u = URI.create(path);
    return u.isAbsolute() ? Path.of(u) : table.resolve(u.getPath());
  }
}
