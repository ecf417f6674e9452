package dev.forgeline.examples.medallion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.connector.Connector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Gold: revenue and units sold per product category. */
public final class RevenueByCategory implements Factory<Dataset<Row>> {
  @Delivery(id = "EnrichOrders")
  private Dataset<Row> orders;

  @Inject
  @Named("gold-revenue-by-category")
  private Connector gold;

  private Dataset<Row> revenue;

  @Override
  public void process() {
    revenue =
        orders
            .groupBy("category")
            .agg(sum("amount").as("revenue"), sum("quantity").cast("long").as("units"))
            .orderBy(col("category"));
  }

  @Override
  public void write() {
    gold.write(revenue);
  }

  @Override
  public Dataset<Row> get() {
    return revenue;
  }
}
