package dev.forgeline.examples.medallion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.to_date;

import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.validation.pipeline.Validate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Silver: orders not cancelled, one row per order id, typed. Orders without a customer or with a
 * quantity that is not positive break the DROP rules of {@code validation.silver-orders} (see
 * application.conf): consumers get the valid rows and the rest is written to the {@code
 * silver-orders-quarantine} connector with the rules each row broke.
 */
@Validate(config = "validation.silver-orders", quarantine = "silver-orders-quarantine")
public final class CleanOrders implements Factory<Dataset<Row>> {
  @Delivery(id = "bronze-orders")
  private Dataset<Row> orders;

  private Dataset<Row> clean;

  @Override
  public void process() {
    clean =
        orders
            .filter(lower(col("status")).notEqual("cancelled"))
            .dropDuplicates("order_id")
            .select(
                col("order_id").cast("long"),
                col("customer_id").cast("long"),
                col("product_id").cast("long"),
                col("quantity").cast("int"),
                to_date(col("order_date")).as("order_date"));
  }

  @Override
  public Dataset<Row> get() {
    return clean;
  }
}
