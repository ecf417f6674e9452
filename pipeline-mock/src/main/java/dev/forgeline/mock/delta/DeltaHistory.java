package dev.forgeline.mock.delta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.Temporal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * DESCRIBE HISTORY of a table, newest version first, from the commitInfo of each commit: the
 * columns of Delta's history that a single-engine log carries (version, timestamp, operation, its
 * parameters, readVersion, isolationLevel, isBlindAppend, operationMetrics, engineInfo).
 */
public final class DeltaHistory {
  private DeltaHistory() {}

  /** The history of the table at {@code table}, the newest {@code limit} versions (all if < 0). */
  public static Relation of(Path table, int limit) {
    DeltaLog log = new DeltaLog(table);
    if (!log.exists()) {
      throw DeltaErrors.notADeltaTable(table.toString());
    }
    DataType map = DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);
    List<Field> fields =
        List.of(
            Field.of("version", DataTypes.LongType, true),
            Field.of("timestamp", DataTypes.TimestampType, true),
            Field.of("operation", DataTypes.StringType, true),
            Field.of("operationParameters", map, true),
            Field.of("readVersion", DataTypes.LongType, true),
            Field.of("isolationLevel", DataTypes.StringType, true),
            Field.of("isBlindAppend", DataTypes.BooleanType, true),
            Field.of("operationMetrics", map, true),
            Field.of("engineInfo", DataTypes.StringType, true));
    List<Object[]> rows = new ArrayList<>();
    for (long v : log.versions().descendingKeySet()) {
      if (limit >= 0 && rows.size() >= limit) {
        break;
      }
      JsonNode ci = null;
      for (JsonNode a : log.actions(v)) {
        if (a.has("commitInfo")) {
          ci = a.get("commitInfo");
        }
      }
      ci = ci == null ? DeltaLog.JSON.createObjectNode() : ci;
      rows.add(
          new Object[] {
            v,
            Temporal.micros(Instant.ofEpochMilli(log.commitTimestamp(v))),
            ci.path("operation").asText(null),
            strings(ci.get("operationParameters")),
            ci.has("readVersion") ? ci.get("readVersion").asLong() : null,
            ci.path("isolationLevel").asText(null),
            ci.has("isBlindAppend") ? ci.get("isBlindAppend").asBoolean() : null,
            strings(ci.get("operationMetrics")),
            ci.path("engineInfo").asText(null)
          });
    }
    return Relation.of(fields, rows);
  }

  private static Map<Object, Object> strings(JsonNode n) {
    if (n == null || !n.isObject()) {
      return null;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    n.properties()
        .forEach(
            e ->
                out.put(
                    e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    return out;
  }
}
