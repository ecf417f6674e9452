package dev.forgeline.mock.sql;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forgeline.mock.MockSparkSession;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The correlated subquery, PIVOT and writeTo(...).overwrite snippets of docs/mock.md, run. */
class SubqueryPivotSnippetTest {

  @Test
  void theDocumentedSnippetsRun() throws Exception {
    SparkSession spark = MockSparkSession.builder().build();
    spark
        .sql(
            "SELECT * FROM VALUES ('north', 2023, 10), ('north', 2024, 12), ('south', 2023, 7)"
                + " AS t(region, year, amount)")
        .createOrReplaceTempView("sales");

    // rows whose amount is the best of their region: a correlated scalar subquery
    List<Row> best =
        spark
            .sql(
                "SELECT region, year FROM sales s WHERE amount ="
                    + " (SELECT max(t.amount) FROM sales t WHERE t.region = s.region)")
            .orderBy("region")
            .collectAsList();
    // one column per year: PIVOT groups by the columns it does not use (region)
    List<Row> byYear =
        spark
            .sql("SELECT * FROM sales PIVOT (sum(amount) FOR year IN (2023 AS y23, 2024 AS y24))")
            .orderBy("region")
            .collectAsList();
    // replace one year's rows of a Delta table in place
    spark.sql("CREATE TABLE totals (region STRING, year INT, amount INT) USING delta");
    spark.table("sales").writeTo("totals").append();
    spark
        .sql("SELECT 'north' AS region, 2024 AS year, 99 AS amount")
        .writeTo("totals")
        .overwrite(col("year").equalTo(2024));

    assertEquals(List.of(RowFactory.create("north", 2024), RowFactory.create("south", 2023)), best);
    assertEquals(
        List.of(RowFactory.create("north", 10L, 12L), RowFactory.create("south", 7L, null)),
        byYear);
    assertEquals(
        List.of(99, 10, 7),
        spark
            .sql("SELECT amount FROM totals ORDER BY year DESC, amount DESC")
            .collectAsList()
            .stream()
            .map(r -> r.getInt(0))
            .toList());
  }
}
