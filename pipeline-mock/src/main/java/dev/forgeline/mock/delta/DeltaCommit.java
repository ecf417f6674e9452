package dev.forgeline.mock.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One optimistic Delta transaction: the actions to commit on top of the version it read. If another
 * writer won the next version, a blind append retries at the version after it; any other
 * transaction (one that read the table: overwrite, merge, update, delete) fails with Delta's
 * exception for the conflict, as do concurrent table creations, schema changes and commits of the
 * same idempotent application id. Nothing is lost: a loser either commits later or throws.
 */
final class DeltaCommit {
  private final DeltaLog log;
  private final long readVersion;
  private final boolean blindAppend;
  private final List<ObjectNode> actions = new ArrayList<>();
  private String txnAppId;

  DeltaCommit(DeltaLog log, long readVersion, boolean blindAppend) {
    this.log = log;
    this.readVersion = readVersion;
    this.blindAppend = blindAppend;
  }

  static ObjectNode node() {
    return DeltaLog.JSON.createObjectNode();
  }

  DeltaCommit add(String kind, ObjectNode body) {
    ObjectNode a = node();
    a.set(kind, body);
    actions.add(a);
    return this;
  }

  DeltaCommit txn(String appId, long version, long now) {
    this.txnAppId = appId;
    ObjectNode t = node().put("appId", appId).put("version", version).put("lastUpdated", now);
    return add("txn", t);
  }

  /**
   * Commits; returns the version written.
   *
   * @param operation Delta's operation name, for example {@code WRITE} or {@code MERGE}
   */
  long commit(
      String operation,
      Map<String, String> parameters,
      Map<String, String> metrics,
      long timestamp) {
    long attempt = readVersion + 1;
    while (true) {
      List<String> lines = new ArrayList<>();
      ObjectNode info = node().put("timestamp", timestamp).put("operation", operation);
      ObjectNode params = info.putObject("operationParameters");
      parameters.forEach(params::put);
      if (readVersion >= 0) {
        info.put("readVersion", readVersion);
      }
      info.put("isolationLevel", "Serializable").put("isBlindAppend", blindAppend);
      ObjectNode m = info.putObject("operationMetrics");
      metrics.forEach(m::put);
      info.put("engineInfo", "forgeline-mock").put("txnId", UUID.randomUUID().toString());
      ObjectNode ci = node();
      ci.set("commitInfo", info);
      lines.add(ci.toString());
      for (ObjectNode a : actions) {
        lines.add(a.toString());
      }
      if (log.tryCommit(attempt, lines)) {
        return attempt;
      }
      checkConflicts(log.actions(attempt));
      attempt++;
    }
  }

  private void checkConflicts(List<JsonNode> winner) {
    boolean added = false;
    boolean removed = false;
    for (JsonNode a : winner) {
      if (a.has("protocol") && readVersion < 0) {
        throw DeltaErrors.conflict(
            "ProtocolChangedException",
            "The protocol version of the Delta table has been changed by a concurrent update."
                + " This happens when multiple writers are writing to an empty directory."
                + " Creating the table ahead of time will avoid this conflict.");
      }
      if (a.has("metaData")) {
        throw DeltaErrors.conflict(
            "MetadataChangedException",
            "The metadata of the Delta table has been changed by a concurrent update."
                + " Please try the operation again.");
      }
      if (a.has("txn") && a.get("txn").path("appId").asText().equals(txnAppId)) {
        throw DeltaErrors.conflict(
            "ConcurrentTransactionException",
            "This error occurs when multiple streaming queries are using the same checkpoint to"
                + " write into this table. Did you run multiple instances of the same streaming"
                + " query at the same time?");
      }
      added |= a.has("add") && a.get("add").path("dataChange").asBoolean(true);
      removed |= a.has("remove") && a.get("remove").path("dataChange").asBoolean(true);
    }
    if (blindAppend) {
      return;
    }
    if (removed) {
      throw DeltaErrors.conflict(
          "ConcurrentDeleteReadException",
          "This transaction attempted to read one or more files that were deleted by a concurrent"
              + " update. Please try the operation again.");
    }
    if (added) {
      throw DeltaErrors.conflict(
          "ConcurrentAppendException",
          "Files were added to the root of the table by a concurrent update. Please try the"
              + " operation again.");
    }
  }
}
