package dev.forgeline.mock.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.files.FileSources;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a Parquet checkpoint that real Delta wrote: each row holds one action in one of its struct
 * columns; the row is turned back into the JSON action a commit file would hold and replayed. The
 * mock itself writes no checkpoints (Delta reads a log of JSON commits alone).
 */
final class DeltaCheckpoints {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DeltaCheckpoints() {}

  static void replay(Path checkpoint, DeltaLog.Replay replay) {
    SessionConf conf = new SessionConf(ZoneOffset.UTC, true, false, false, Instant.now());
    Relation r = FileSources.read("parquet", Map.of(), null, List.of(checkpoint.toString()), conf);
    var fields = r.fields();
    for (Object[] row : r.rows()) {
      for (int i = 0; i < row.length; i++) {
        if (row[i] != null) {
          ObjectNode action = NODES.objectNode();
          action.set(fields.get(i).name(), json(row[i], fields.get(i).type()));
          replay.apply(action);
        }
      }
    }
  }

  private static JsonNode json(Object v, DataType t) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (t instanceof StructType st) {
      ObjectNode o = NODES.objectNode();
      Object[] values = (Object[]) v;
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          o.set(st.fields()[i].name(), json(values[i], st.fields()[i].dataType()));
        }
      }
      return o;
    }
    if (t instanceof MapType mt) {
      ObjectNode o = NODES.objectNode();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        o.set(String.valueOf(e.getKey()), json(e.getValue(), mt.valueType()));
      }
      return o;
    }
    if (t instanceof ArrayType at) {
      ArrayNode a = NODES.arrayNode();
      for (Object e : (List<?>) v) {
        a.add(json(e, at.elementType()));
      }
      return a;
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof Integer n) {
      return NODES.numberNode(n);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    return NODES.textNode(String.valueOf(v));
  }
}
