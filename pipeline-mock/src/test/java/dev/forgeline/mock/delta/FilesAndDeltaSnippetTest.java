package dev.forgeline.mock.delta;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forgeline.mock.MockDeltaTable;
import dev.forgeline.mock.MockSparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet of docs/mock.md, "Files and Delta", compiled and run. */
class FilesAndDeltaSnippetTest {
  @TempDir Path dir;

  @Test
  void theDocumentedSnippetRuns() throws Exception {
    String input = dir.resolve("orders.csv").toString();
    Files.writeString(Path.of(input), "order_id,country,amount\n1,GB,10.5\n2,US,3.0\n3,GB,7.25\n");
    String table = dir.resolve("orders").toString();

    SparkSession spark = MockSparkSession.create();
    Dataset<Row> orders =
        spark.read().option("header", "true").option("inferSchema", "true").csv(input);
    orders.write().format("delta").partitionBy("country").mode("overwrite").save(table);
    Dataset<Row> first = spark.read().format("delta").option("versionAsOf", 0).load(table);

    Dataset<Row> updates =
        orders
            .filter(col("order_id").equalTo(2))
            .withColumn("amount", lit(4.0))
            .union(orders.filter(col("order_id").equalTo(1)).withColumn("order_id", lit(4)));
    MockDeltaTable.forPath(spark, table)
        .as("t")
        .merge(updates.as("s"), col("t.order_id").equalTo(col("s.order_id")))
        .whenMatchedUpdateAll()
        .whenNotMatchedInsertAll()
        .execute();

    assertEquals(3, first.count());
    List<String> now =
        spark.read().format("delta").load(table).orderBy("order_id").collectAsList().stream()
            .map(Row::toString)
            .toList();
    assertEquals(List.of("[1,GB,10.5]", "[2,US,4.0]", "[3,GB,7.25]", "[4,GB,10.5]"), now);
    assertEquals(
        List.of("MERGE", "WRITE"),
        MockDeltaTable.forPath(spark, table).history().select("operation").collectAsList().stream()
            .map(r -> r.getString(0))
            .toList());
  }
}
