package dev.forgeline.mock.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forgeline.mock.MockSparkSession;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The SQL snippet of docs/mock.md ("SQL statements and the catalog"), kept so it compiles. */
class SqlSnippetTest {

  @Test
  void sqlStatementsRunOnTheMock() {
    // --- docs/mock.md sql snippet start ---
    SparkSession spark = MockSparkSession.builder().build();
    spark.sql("CREATE DATABASE shop");
    spark.sql("CREATE TABLE shop.orders (id INT, customer STRING, amount DECIMAL(10,2))");
    spark.sql(
        "INSERT INTO shop.orders VALUES (1, 'ann', 12.50), (2, 'bob', 3.00), (3, 'ann', 7.25)");
    List<Row> totals =
        spark
            .sql(
                "SELECT customer, sum(amount) AS total FROM shop.orders"
                    + " WHERE amount > :min GROUP BY customer ORDER BY total DESC",
                Map.<String, Object>of("min", 1))
            .collectAsList();
    // --- docs/mock.md sql snippet end ---
    assertEquals(2, totals.size());
    assertEquals("ann", totals.get(0).getString(0));
    assertEquals(new java.math.BigDecimal("19.75"), totals.get(0).getDecimal(1));
  }
}
