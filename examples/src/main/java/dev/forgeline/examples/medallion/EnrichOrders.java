package dev.forgeline.examples.medallion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.connector.Connector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Silver: clean orders joined with their customer and product, with the line amount. */
public final class EnrichOrders implements Factory<Dataset<Row>> {
  @Delivery(id = "CleanOrders")
  private Dataset<Row> orders;

  @Delivery(id = "CleanCustomers")
  private Dataset<Row> customers;

  @Delivery(id = "bronze-products")
  private Dataset<Row> products;

  @Inject
  @Named("silver-orders")
  private Connector silver;

  private Dataset<Row> enriched;

  @Override
  public void process() {
    Dataset<Row> p =
        products.select(
            col("product_id").cast("long"),
            col("name").as("product"),
            col("category"),
            col("unit_price").cast("decimal(10,2)").as("unit_price"));
    enriched =
        orders
            .join(customers, "customer_id")
            .join(p, "product_id")
            .withColumn(
                "amount",
                round(col("unit_price").multiply(col("quantity")), 2).cast("decimal(12,2)"));
  }

  @Override
  public void write() {
    silver.write(enriched);
  }

  @Override
  public Dataset<Row> get() {
    return silver.read();
  }
}
