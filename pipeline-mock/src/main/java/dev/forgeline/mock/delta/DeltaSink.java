package dev.forgeline.mock.delta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.files.FileSinks;
import dev.forgeline.mock.files.FileSources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructType;

/**
 * {@code df.write.format("delta").save(path)}: save modes, {@code partitionBy}, {@code
 * mergeSchema}, {@code overwriteSchema}, {@code replaceWhere} and idempotent writes with {@code
 * txnAppId} / {@code txnVersion}, each write one commit of Parquet files.
 */
public final class DeltaSink {
  private DeltaSink() {}

  /** Writes {@code data} to the table at {@code path}. */
  public static void write(
      Relation data,
      SaveMode mode,
      Map<String, String> options,
      List<String> partitionBy,
      String path,
      Frames frames) {
    Map<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    o.putAll(options);
    Path table = FileSources.localPath(path);
    DeltaLog log = new DeltaLog(table);
    Snapshot current = log.exists() ? log.snapshot(null) : null;
    if (current != null && mode == SaveMode.ErrorIfExists) {
      throw DeltaErrors.analysis(
          "DELTA_PATH_EXISTS",
          "Cannot write to already existent path "
              + "file:"
              + table
              + " without setting OVERWRITE = 'true'.",
          "path",
          "file:" + table);
    }
    if (current != null && mode == SaveMode.Ignore) {
      return;
    }
    String appId = o.get("txnAppId");
    String txnVersion = o.get("txnVersion");
    if ((appId == null) != (txnVersion == null)) {
      throw DeltaErrors.analysis(
          "DELTA_INVALID_IDEMPOTENT_WRITES_OPTIONS",
          "Invalid options for idempotent Dataframe writes: both txnVersion and txnAppId must be"
              + " given together.",
          "reason",
          "both txnVersion and txnAppId must be given together");
    }
    if (appId != null
        && current != null
        && current.txns().getOrDefault(appId, -1L) >= Long.parseLong(txnVersion.trim())) {
      return;
    }
    boolean overwrite = mode == SaveMode.Overwrite;
    boolean overwriteSchema = overwrite && bool(o, "overwriteSchema");
    boolean mergeSchema = bool(o, "mergeSchema");
    StructType incoming = DeltaSchemas.of(data).asNullable();
    StructType schema;
    List<String> partitions;
    boolean newMetadata;
    if (current == null || overwriteSchema) {
      schema = incoming;
      partitions = List.copyOf(partitionBy);
      newMetadata = true;
    } else {
      schema = DeltaSchemas.merge(current.schema(), incoming, mergeSchema);
      partitions = current.partitionColumns();
      if (!partitionBy.isEmpty() && !sameNames(partitionBy, partitions)) {
        throw DeltaErrors.analysis(
            "DELTA_METADATA_MISMATCH",
            "A metadata mismatch was detected when writing to the Delta table.\n"
                + "Partition columns do not match the partition columns of the table.\n"
                + "Given: ["
                + String.join(", ", partitionBy)
                + "]\nTable: ["
                + String.join(", ", partitions)
                + "]",
            "dataPartitionColumns",
            String.join(", ", partitionBy),
            "tablePartitionColumns",
            String.join(", ", partitions));
      }
      newMetadata = !schema.equals(current.schema());
    }
    SessionConf conf = frames.conf();
    Relation aligned = DeltaSchemas.align(data, schema, conf);
    List<Snapshot.AddFile> removed = List.of();
    String replaceWhere = o.get("replaceWhere");
    if (overwrite && current != null) {
      removed = current.files();
      if (replaceWhere != null && !overwriteSchema) {
        aligned = DeltaReplaceWhere.combine(table, current, aligned, replaceWhere, frames);
      }
    }
    long readVersion = current == null ? -1 : current.version();
    boolean blind = !overwrite;
    DeltaCommit commit = new DeltaCommit(log, readVersion, blind);
    long now = conf.now().toEpochMilli();
    if (current == null) {
      commit.add(
          "protocol", DeltaCommit.node().put("minReaderVersion", 1).put("minWriterVersion", 2));
    }
    if (newMetadata) {
      commit.add("metaData", metaData(current, schema, partitions, now));
    }
    if (appId != null) {
      commit.txn(appId, Long.parseLong(txnVersion.trim()), now);
    }
    long rows = 0;
    long bytes = 0;
    List<FileSinks.Written> written = DeltaFiles.write(table, aligned, partitions, o, conf);
    for (FileSinks.Written w : written) {
      commit.add("add", DeltaFiles.addAction(w, now));
      rows += w.rows();
      bytes += w.bytes();
    }
    for (Snapshot.AddFile r : removed) {
      commit.add("remove", DeltaFiles.removeAction(r, now));
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("mode", overwrite ? "Overwrite" : "Append");
    params.put("partitionBy", DeltaFiles.jsonArray(partitions));
    if (replaceWhere != null && overwrite) {
      params.put("predicate", DeltaFiles.jsonArray(List.of(replaceWhere)));
    }
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("numFiles", String.valueOf(written.size()));
    metrics.put("numOutputRows", String.valueOf(rows));
    metrics.put("numOutputBytes", String.valueOf(bytes));
    commit.commit("WRITE", params, metrics, now);
  }

  private static boolean bool(Map<String, String> o, String key) {
    return Boolean.parseBoolean(o.getOrDefault(key, "false").trim());
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsIgnoreCase(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  static ObjectNode metaData(
      Snapshot current, StructType schema, List<String> partitions, long now) {
    ObjectNode m = DeltaCommit.node();
    m.put(
        "id",
        current != null && current.tableId() != null
            ? current.tableId()
            : UUID.randomUUID().toString());
    ObjectNode format = m.putObject("format");
    format.put("provider", "parquet");
    format.putObject("options");
    m.put("schemaString", schema.json());
    var parts = m.putArray("partitionColumns");
    partitions.forEach(parts::add);
    ObjectNode conf = m.putObject("configuration");
    if (current != null) {
      current.configuration().forEach(conf::put);
    }
    m.put("createdTime", current != null ? current.createdTime() : now);
    return m;
  }
}
