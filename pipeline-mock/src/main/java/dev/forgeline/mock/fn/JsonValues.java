package dev.forgeline.mock.fn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeline.mock.engine.SessionConf;
import org.apache.spark.sql.types.DataType;

/** JSON values as internal values, shared by from_json and the JSON file reader. */
public final class JsonValues {
  private JsonValues() {}

  /** A JSON value as an internal value of {@code type}; null when it does not fit the type. */
  public static Object convert(JsonNode node, DataType type, SessionConf conf) {
    return JsonFunctions.convert(node, type, conf);
  }
}
