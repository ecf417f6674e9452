package dev.forgeline.examples.medallion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.connector.Connector;
import dev.forgeline.core.connector.Repository;
import org.apache.spark.sql.Dataset;

/**
 * Gold: revenue and orders per customer, upserted (Delta MERGE on customer_id) through a typed
 * repository, so reruns update rows instead of appending them.
 */
public final class CustomerTotals implements Factory<Dataset<CustomerTotal>> {
  @Delivery(id = "EnrichOrders")
  private Dataset<org.apache.spark.sql.Row> orders;

  private final Repository<CustomerTotal> totals;
  private Dataset<CustomerTotal> computed;

  @Inject
  CustomerTotals(@Named("gold-customer-totals") Connector gold) {
    this.totals = gold.repository(CustomerTotal.class);
  }

  @Override
  public void process() {
    computed =
        orders
            .groupBy(col("customer_id").as("customerId"), col("name"))
            .agg(sum("amount").as("revenue"), countDistinct("order_id").as("orders"))
            .as(totals.encoder());
  }

  @Override
  public void write() {
    totals.upsert(computed);
  }

  @Override
  public Dataset<CustomerTotal> get() {
    return totals.findAll();
  }
}
