package dev.forgeline.mock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The mock's DDL parsing gives what Spark's fromDDL gives (this JVM has Spark's to compare). */
class DdlTest {
  private static final List<String> SCHEMAS =
      List.of(
          "a INT, b STRING",
          "id BIGINT NOT NULL COMMENT 'the key', amount DECIMAL(12,2)",
          "`odd name` DATE, ts TIMESTAMP, ntz TIMESTAMP_NTZ",
          "xs ARRAY<STRUCT<k: STRING, v: MAP<STRING, DOUBLE>>>, c CHAR(3), v VARCHAR(10)",
          "s STRING COLLATE UTF8_LCASE, i INTERVAL DAY TO SECOND, b BINARY");

  @Test
  void tableSchemasMatchSparks() {
    for (String ddl : SCHEMAS) {
      assertEquals(StructType.fromDDL(ddl), Ddl.tableSchema(ddl), ddl);
    }
  }

  @Test
  void dataTypesMatchSparksIncludingTheSchemaFallback() {
    for (String ddl :
        List.of(
            "int",
            "ARRAY<BIGINT>",
            "map<string, array<int>>",
            "a INT, b STRING",
            "s STRUCT<x: INT>")) {
      assertEquals(DataType.fromDDL(ddl), Ddl.dataType(ddl), ddl);
    }
  }

  @Test
  void badTextFailsAsSparkDoes() {
    for (String ddl : List.of("a INT,", "a NOPE", "ARRAY<")) {
      Exception spark = assertThrows(Exception.class, () -> DataType.fromDDL(ddl));
      Exception mock = assertThrows(Exception.class, () -> Ddl.dataType(ddl));
      assertEquals(spark.getClass(), mock.getClass(), ddl);
      assertEquals(spark.getMessage(), mock.getMessage(), ddl);
    }
    ParseException e = assertThrows(ParseException.class, () -> Ddl.tableSchema("a INT b"));
    assertEquals("PARSE_SYNTAX_ERROR", e.getCondition());
  }
}
