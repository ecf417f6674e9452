package dev.forgeline.examples.medallion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.connector.Connector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Gold: revenue and order count per country. */
public final class RevenueByCountry implements Factory<Dataset<Row>> {
  @Delivery(id = "EnrichOrders")
  private Dataset<Row> orders;

  @Inject
  @Named("gold-revenue-by-country")
  private Connector gold;

  private Dataset<Row> revenue;

  @Override
  public void process() {
    revenue =
        orders
            .groupBy("country")
            .agg(sum("amount").as("revenue"), countDistinct("order_id").as("orders"))
            .orderBy(col("country"));
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
