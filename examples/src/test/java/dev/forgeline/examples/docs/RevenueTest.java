package dev.forgeline.examples.docs;

import static dev.forgeline.test.DatasetAssertions.assertDatasetEquals;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import dev.forgeline.test.Comparison;
import dev.forgeline.test.Fixture;
import dev.forgeline.test.RowGenerator;
import dev.forgeline.test.SparkTest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** docs/testing.md's first test, on plain Spark code (no Forgeline pipeline): keep them in sync. */
@SparkTest
class RevenueTest {
  static final StructType ORDERS =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("country", DataTypes.StringType)
          .add("amount", DataTypes.DoubleType)
          .add("status", DataTypes.StringType);
  static final StructType REVENUE =
      new StructType().add("country", DataTypes.StringType).add("revenue", DataTypes.DoubleType);

  /** A user's Spark job under test. */
  static final class Revenue {
    private Revenue() {}

    static Dataset<Row> byCountry(Dataset<Row> orders) {
      return orders
          .filter(col("status").equalTo("paid"))
          .groupBy("country")
          .agg(sum("amount").as("revenue"));
    }
  }

  SparkSession spark; // injected before each test

  @Test
  void sumsPaidOrdersPerCountry() {
    Dataset<Row> orders =
        Fixture.of(ORDERS)
            .row(1, "FR", 10.0, "paid")
            .row(2, "FR", 20.0, "cancelled")
            .dataset(spark);
    assertDatasetEquals(
        Fixture.of(REVENUE).row("FR", 10.0).dataset(spark), Revenue.byCountry(orders));
  }

  @Test
  void everyPaidAmountIsCountedOnGeneratedOrders() {
    Dataset<Row> orders = RowGenerator.forSchema(ORDERS).seed(3).dataset(spark, 200);
    double paid =
        orders.filter(col("status").equalTo("paid")).agg(sum("amount")).first().getDouble(0);
    double total = Revenue.byCountry(orders).agg(sum("revenue")).first().getDouble(0);
    assertDatasetEquals(
        Fixture.of(new StructType().add("v", DataTypes.DoubleType)).row(paid).dataset(spark),
        Fixture.of(new StructType().add("v", DataTypes.DoubleType)).row(total).dataset(spark),
        Comparison.strict().withRelativeTolerance(1e-9));
  }
}
