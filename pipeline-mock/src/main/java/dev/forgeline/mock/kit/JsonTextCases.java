package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.texts;
import static dev.forgeline.mock.kit.KitFiles.file;
import static dev.forgeline.mock.kit.KitFiles.fresh;
import static org.apache.spark.sql.functions.col;

/** JSON and text cases: inference, schemas, the parse modes, multiLine, wholetext, lineSep. */
final class JsonTextCases {
  private JsonTextCases() {}

  static void addTo(CaseBook book) {
    json(book.area("files-json"));
    text(book.area("files-text"));
  }

  private static void json(CaseBook b) {
    String lines =
        "{\"b\":1,\"a\":\"x\",\"c\":1.5,\"d\":true}\n"
            + "{\"a\":\"y\",\"b\":null,\"e\":{\"z\":1,\"y\":[1,2]}}\n"
            + "{\"a\":\"z\",\"b\":20000000000}\n";
    b.rows(
        "infer",
        "json inference: sorted fields, bigint, double, boolean, structs, arrays",
        sp -> sp.read().json(file("a.json", lines)));
    b.rows(
        "schema",
        "a json schema picks and types fields",
        sp -> sp.read().schema("a STRING, b BIGINT, missing INT").json(file("a.json", lines)));
    String bad = "{\"a\":1}\n{oops\n{\"a\":3}\n";
    b.rows(
        "permissive-corrupt",
        "a malformed line fills _corrupt_record",
        sp -> sp.read().json(file("b.json", bad)));
    b.rows(
        "dropmalformed",
        "DROPMALFORMED drops the malformed line",
        sp -> sp.read().option("mode", "DROPMALFORMED").json(file("b.json", bad)));
    b.fails(
        "failfast",
        "FAILFAST fails on the malformed line",
        "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
        sp -> sp.read().option("mode", "FAILFAST").json(file("b.json", bad)));
    b.rows(
        "type-mismatch",
        "a value of the wrong type is null and the line is corrupt",
        sp ->
            sp.read()
                .schema("a INT, _corrupt_record STRING")
                .json(file("c.json", "{\"a\":\"x\"}\n{\"a\":2}\n")));
    b.rows(
        "multiline-array",
        "multiLine reads an array of objects",
        sp ->
            sp.read()
                .option("multiLine", "true")
                .json(file("m.json", "[\n {\"a\": 1},\n {\"a\": 2, \"b\": \"x\"}\n]\n")));
    b.rows(
        "multiline-object",
        "multiLine reads one pretty-printed object",
        sp ->
            sp.read()
                .option("multiLine", "true")
                .json(file("m.json", "{\n \"a\": 1,\n \"b\": [1, 2]\n}\n")));
    b.rows(
        "nulls-only",
        "a field only ever null infers as string",
        sp -> sp.read().json(file("n.json", "{\"a\":null,\"b\":1}\n")));
  }

  private static void text(CaseBook b) {
    b.rows(
        "lines",
        "text reads one row per line into value",
        sp -> sp.read().text(file("t.txt", "one\ntwo\n\nfour\n")));
    b.rows(
        "wholetext",
        "wholetext reads a file as one row",
        sp -> sp.read().option("wholetext", "true").text(file("t.txt", "one\ntwo\n")));
    b.rows(
        "roundtrip",
        "text written and read back",
        sp -> {
          String path = fresh("out");
          texts(sp).select("s").write().text(path);
          return sp.read().text(path);
        });
    b.fails(
        "two-columns",
        "text writes a single column only",
        "_LEGACY_ERROR_TEMP_1290",
        sp -> {
          String path = fresh("out");
          texts(sp).select(col("s"), col("s").as("t")).write().text(path);
          return sp.read().text(path);
        });
    b.fails(
        "int-column",
        "text writes strings only",
        "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE",
        sp -> {
          String path = fresh("out");
          texts(sp).select("k").write().text(path);
          return sp.read().text(path);
        });
    b.rows(
        "line-sep",
        "lineSep splits on another separator",
        sp -> sp.read().option("lineSep", ";").text(file("t.txt", "a;b;c")));
  }
}
