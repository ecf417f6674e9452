package dev.forgeline.mock.delta;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.files.FileSinks;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The data files of a Delta commit: written as Parquet, described by add and remove actions. */
final class DeltaFiles {
  private DeltaFiles() {}

  static List<FileSinks.Written> write(
      Path table,
      Relation data,
      List<String> partitions,
      Map<String, String> options,
      SessionConf conf) {
    if (data.rows().isEmpty()) {
      return List.of();
    }
    Map<String, String> parquet =
        Map.of("compression", options.getOrDefault("compression", "snappy"));
    return FileSinks.writeParts(data, "parquet", parquet, partitions, table, conf);
  }

  /** The path as the log spells it: relative, with '/' separators, URI-encoded. */
  static String logPath(Path relative) {
    String p = relative.toString().replace(java.io.File.separatorChar, '/');
    try {
      return new URI(null, null, p, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Cannot encode path [" + p + "]", e);
    }
  }

  static ObjectNode addAction(FileSinks.Written w, long now) {
    ObjectNode a = DeltaCommit.node();
    a.put("path", logPath(w.path()));
    ObjectNode pv = a.putObject("partitionValues");
    w.partitionValues().forEach(pv::put);
    a.put("size", w.bytes()).put("modificationTime", now).put("dataChange", true);
    a.put("stats", "{\"numRecords\":" + w.rows() + "}");
    return a;
  }

  static ObjectNode removeAction(Snapshot.AddFile f, long now) {
    ObjectNode r = DeltaCommit.node();
    r.put("path", f.path()).put("deletionTimestamp", now).put("dataChange", true);
    r.put("extendedFileMetadata", true);
    ObjectNode pv = r.putObject("partitionValues");
    f.partitionValues().forEach(pv::put);
    r.put("size", f.size());
    return r;
  }

  static String jsonArray(List<String> values) {
    ArrayNode a = DeltaLog.JSON.createArrayNode();
    values.forEach(a::add);
    return a.toString();
  }
}
