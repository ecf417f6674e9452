package dev.forgeline.mock.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code _delta_log} of one table: replays JSON commits (after the newest Parquet checkpoint at
 * or before the wanted version, when real Delta wrote one) into a {@link Snapshot}, and writes a
 * new commit only if its version file is absent (a hard link of a finished temporary file, so
 * readers never see half a commit and two writers never both win a version).
 */
final class DeltaLog {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path table;
  private final Path log;

  DeltaLog(Path table) {
    this.table = table;
    this.log = table.resolve("_delta_log");
  }

  Path table() {
    return table;
  }

  /** Whether the table has at least one commit. */
  boolean exists() {
    return !versions().isEmpty();
  }

  static String fileName(long version) {
    return String.format("%020d.json", version);
  }

  /** Commit versions present, ascending, with their files. */
  TreeMap<Long, Path> versions() {
    TreeMap<Long, Path> out = new TreeMap<>();
    if (!Files.isDirectory(log)) {
      return out;
    }
    try (Stream<Path> s = Files.list(log)) {
      s.forEach(
          p -> {
            String n = p.getFileName().toString();
            if (n.matches("\\d{20}\\.json")) {
              out.put(Long.parseLong(n.substring(0, 20)), p);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Checkpoint versions present (single-file checkpoints), ascending. */
  private TreeMap<Long, Path> checkpoints() {
    TreeMap<Long, Path> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(log)) {
      s.forEach(
          p -> {
            String n = p.getFileName().toString();
            if (n.matches("\\d{20}\\.checkpoint\\.parquet")) {
              out.put(Long.parseLong(n.substring(0, 20)), p);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The actions of one commit, one JSON object per line. */
  List<JsonNode> actions(long version) {
    Path f = log.resolve(fileName(version));
    try {
      List<JsonNode> out = new ArrayList<>();
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The snapshot at {@code version}, or the latest when null. */
  Snapshot snapshot(Long version) {
    TreeMap<Long, Path> all = versions();
    if (all.isEmpty()) {
      throw DeltaErrors.notADeltaTable(table.toString());
    }
    long latest = all.lastKey();
    long target = version == null ? latest : version;
    Replay r = new Replay(table.toString());
    Map.Entry<Long, Path> cp = checkpoints().floorEntry(target);
    long from = all.firstKey();
    if (cp != null) {
      DeltaCheckpoints.replay(cp.getValue(), r);
      from = cp.getKey() + 1;
    }
    if (version != null && (version > latest || (cp == null && version < all.firstKey()))) {
      throw DeltaErrors.versionNotFound(version, cp != null ? cp.getKey() : all.firstKey(), latest);
    }
    for (long v = from; v <= target; v++) {
      if (!all.containsKey(v)) {
        throw DeltaErrors.versionNotFound(target, all.firstKey(), latest);
      }
      r.timestamp = commitTimestamp(v);
      for (JsonNode a : actions(v)) {
        r.apply(a);
      }
    }
    return r.build(target);
  }

  /** The commit time of a version: its commitInfo timestamp, else the file's modification time. */
  long commitTimestamp(long version) {
    for (JsonNode a : actions(version)) {
      JsonNode ci = a.get("commitInfo");
      if (ci != null && ci.has("timestamp")) {
        return ci.get("timestamp").asLong();
      }
    }
    try {
      return Files.getLastModifiedTime(log.resolve(fileName(version))).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code lines} as commit {@code version} if no other writer has; returns false when that
   * version exists already.
   */
  boolean tryCommit(long version, List<String> lines) {
    try {
      Files.createDirectories(log);
      Path tmp = log.resolve("." + fileName(version) + "." + UUID.randomUUID() + ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      try {
        Files.createLink(log.resolve(fileName(version)), tmp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException e) {
        try {
          Files.move(tmp, log.resolve(fileName(version)));
          return true;
        } catch (FileAlreadyExistsException lost) {
          return false;
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Accumulates actions into a snapshot. */
  static final class Replay {
    private final String path;
    long timestamp;
    String tableId;
    StructType schema;
    List<String> partitionColumns = List.of();
    Map<String, String> configuration = Map.of();
    long createdTime;
    final Map<String, Snapshot.AddFile> files = new LinkedHashMap<>();
    final Map<String, Long> txns = new LinkedHashMap<>();

    Replay(String path) {
      this.path = path;
    }

    void apply(JsonNode a) {
      if (a.has("add")) {
        JsonNode add = a.get("add");
        if (add.hasNonNull("deletionVector")) {
          throw DeltaErrors.unsupportedFeature(path, "deletionVectors");
        }
        files.put(add.get("path").asText(), addFile(add));
      } else if (a.has("remove")) {
        files.remove(a.get("remove").get("path").asText());
      } else if (a.has("metaData")) {
        metaData(a.get("metaData"));
      } else if (a.has("txn")) {
        JsonNode t = a.get("txn");
        txns.put(t.get("appId").asText(), t.get("version").asLong());
      } else if (a.has("protocol")) {
        protocol(a.get("protocol"));
      }
    }

    void protocol(JsonNode p) {
      JsonNode features = p.get("readerFeatures");
      if (features != null) {
        for (JsonNode f : features) {
          String name = f.asText();
          if (!name.equals("timestampNtz") && !name.equals("vacuumProtocolCheck")) {
            throw DeltaErrors.unsupportedFeature(path, name);
          }
        }
      } else if (p.path("minReaderVersion").asInt(1) > 1) {
        throw DeltaErrors.unsupportedFeature(
            path, "columnMapping (reader version " + p.get("minReaderVersion").asInt() + ")");
      }
    }

    void metaData(JsonNode m) {
      tableId = m.path("id").asText(null);
      schema = (StructType) DataType.fromJson(m.get("schemaString").asText());
      List<String> parts = new ArrayList<>();
      m.path("partitionColumns").forEach(n -> parts.add(n.asText()));
      partitionColumns = List.copyOf(parts);
      Map<String, String> conf = new LinkedHashMap<>();
      m.path("configuration")
          .properties()
          .forEach(e -> conf.put(e.getKey(), e.getValue().asText()));
      String mapping = conf.getOrDefault("delta.columnMapping.mode", "none");
      if (!mapping.equals("none")) {
        throw DeltaErrors.unsupportedFeature(path, "columnMapping (mode " + mapping + ")");
      }
      configuration = Map.copyOf(conf);
      createdTime = m.path("createdTime").asLong(0);
    }

    static Snapshot.AddFile addFile(JsonNode add) {
      Map<String, String> pv = new LinkedHashMap<>();
      add.path("partitionValues")
          .properties()
          .forEach(e -> pv.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
      long records = -1;
      JsonNode stats = add.get("stats");
      if (stats != null && stats.isTextual()) {
        try {
          records = JSON.readTree(stats.asText()).path("numRecords").asLong(-1);
        } catch (IOException e) {
          records = -1;
        }
      }
      return new Snapshot.AddFile(
          add.get("path").asText(), pv, add.path("size").asLong(0), records);
    }

    Snapshot build(long version) {
      if (schema == null) {
        throw DeltaErrors.notADeltaTable(path);
      }
      return new Snapshot(
          version,
          timestamp,
          tableId,
          schema,
          partitionColumns,
          configuration,
          createdTime,
          List.copyOf(files.values()),
          Map.copyOf(txns));
    }
  }
}
