package dev.forgeline.mock.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.mock.MockDeltaTable;
import dev.forgeline.mock.MockSparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What each backend reads of the other's files: every format and fixture is written by the mock and
 * read by local Spark (with Delta), and written by Spark and read by the mock; both reads must give
 * the same schema and rows.
 */
class FileInteropTest {
  private static final List<String> FORMATS = List.of("parquet", "json", "csv", "delta");

  private static SparkSession mock() {
    return MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").build();
  }

  /**
   * Rows as text, sorted. The mock hands arrays out as Scala Lists where Spark hands out ArraySeqs
   * (both are Seqs, equal as values); only their toString differs, so it is normalised.
   */
  private static List<String> rows(Dataset<Row> df) {
    return df.collectAsList().stream()
        .map(r -> r.toString().replace("ArraySeq(", "List("))
        .sorted()
        .toList();
  }

  private static Map<String, Function<SparkSession, Dataset<Row>>> fixtures(String format) {
    Map<String, Function<SparkSession, Dataset<Row>>> m = new java.util.LinkedHashMap<>();
    m.put("people", Fixtures::people);
    m.put("sales", Fixtures::sales);
    m.put("texts", Fixtures::texts);
    m.put(
        "events",
        sp -> Fixtures.events(sp).withColumn("ts", functions.to_timestamp(functions.col("ts"))));
    if (!format.equals("csv")) {
      m.put("nums", Fixtures::nums);
    }
    if (format.equals("parquet") || format.equals("delta")) {
      m.put("nested", Fixtures::nested);
    }
    return m;
  }

  private static Dataset<Row> read(SparkSession sp, String format, String path) {
    var r = sp.read().format(format);
    if (format.equals("csv")) {
      r = r.option("header", "true").option("inferSchema", "true");
    }
    return r.load(path);
  }

  private static void write(Dataset<Row> df, String format, String path, String... partitionBy) {
    var w = df.write().format(format).partitionBy(partitionBy);
    if (format.equals("csv")) {
      w = w.option("header", "true");
    }
    w.save(path);
  }

  @TestFactory
  Stream<DynamicTest> eachSideReadsTheOthersFiles() {
    SparkSession spark = SharedSpark.get();
    SparkSession mock = mock();
    return FORMATS.stream()
        .flatMap(
            f ->
                fixtures(f).entrySet().stream()
                    .flatMap(
                        e ->
                            Stream.of(
                                DynamicTest.dynamicTest(
                                    f + " " + e.getKey() + " written by the mock",
                                    () -> compare(mock, spark, f, e.getValue(), mock)),
                                DynamicTest.dynamicTest(
                                    f + " " + e.getKey() + " written by Spark",
                                    () -> compare(mock, spark, f, e.getValue(), spark)))));
  }

  private static void compare(
      SparkSession mock,
      SparkSession spark,
      String format,
      Function<SparkSession, Dataset<Row>> fixture,
      SparkSession writer) {
    String path = KitFiles.fresh("interop");
    write(fixture.apply(writer), format, path);
    Dataset<Row> bySpark = read(spark, format, path);
    Dataset<Row> byMock = read(mock, format, path);
    assertEquals(bySpark.schema(), byMock.schema(), "schema of " + path);
    assertEquals(rows(bySpark), rows(byMock), "rows of " + path);
    assertEquals(rows(fixture.apply(spark)).size(), rows(byMock).size());
  }

  @Test
  void partitionedFilesReadTheSameOnBothSides() {
    SparkSession spark = SharedSpark.get();
    SparkSession mock = mock();
    for (SparkSession writer : List.of(mock, spark)) {
      for (String f : List.of("parquet", "delta", "json")) {
        String path = KitFiles.fresh("partitioned");
        write(Fixtures.sales(writer), f, path, "region", "year");
        assertEquals(read(spark, f, path).schema(), read(mock, f, path).schema(), f);
        assertEquals(rows(read(spark, f, path)), rows(read(mock, f, path)), f);
      }
    }
  }

  @Test
  void theMockReadsEveryVersionOfATableRealDeltaWrotePastItsCheckpoint() {
    SparkSession spark = SharedSpark.get();
    SparkSession mock = mock();
    String path = KitFiles.fresh("versions");
    for (int v = 0; v < 13; v++) {
      Fixtures.sales(spark)
          .withColumn("v", functions.lit(v))
          .write()
          .format("delta")
          .mode(v % 4 == 3 ? "overwrite" : "append")
          .save(path);
    }
    assertTrue(
        Files.exists(Path.of(path, "_delta_log", String.format("%020d.checkpoint.parquet", 10))));
    for (int v : new int[] {0, 5, 10, 11, 12}) {
      Dataset<Row> s = spark.read().format("delta").option("versionAsOf", v).load(path);
      Dataset<Row> m = mock.read().format("delta").option("versionAsOf", v).load(path);
      assertEquals(rows(s), rows(m), "version " + v);
    }
    assertEquals(rows(spark.read().format("delta").load(path)), rows(read(mock, "delta", path)));
  }

  @Test
  void realDeltaReadsTheMocksMergeUpdateAndDeleteCommits() {
    SparkSession spark = SharedSpark.get();
    SparkSession mock = mock();
    String path = KitFiles.fresh("dml");
    Fixtures.people(mock).write().format("delta").save(path);
    Dataset<Row> updates =
        Fixtures.people(mock)
            .filter(functions.col("id").leq(2))
            .withColumn("age", functions.lit(99))
            .union(
                Fixtures.people(mock)
                    .filter(functions.col("id").equalTo(6))
                    .withColumn("id", functions.lit(7)));
    MockDeltaTable.forPath(mock, path)
        .as("t")
        .merge(updates.as("s"), functions.col("t.id").equalTo(functions.col("s.id")))
        .whenMatchedUpdateAll()
        .whenNotMatchedInsertAll()
        .execute();
    MockDeltaTable.forPath(mock, path)
        .update(functions.col("id").equalTo(3), Map.of("name", functions.lit("Caroline")));
    MockDeltaTable.forPath(mock, path).delete(functions.col("id").equalTo(4));

    List<String> expected =
        List.of(
            "[1,Alice,99,eng,5200.5]",
            "[2,Bob,99,ops,4100.0]",
            "[3,Caroline,29,eng,6100.25]",
            "[5,Eve,29,ops,null]",
            "[6,null,52,hr,7300.75]",
            "[7,null,52,hr,7300.75]");
    assertEquals(expected, rows(mock.read().format("delta").load(path)));
    assertEquals(expected, rows(spark.read().format("delta").load(path)));
    List<String> operations =
        io.delta.tables.DeltaTable.forPath(spark, path)
            .history()
            .select("operation")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList();
    assertEquals(List.of("DELETE", "UPDATE", "MERGE", "WRITE"), operations);
    assertEquals(
        operations,
        MockDeltaTable.forPath(mock, path).history().select("operation").collectAsList().stream()
            .map(r -> r.getString(0))
            .toList());
  }
}
