package dev.forgeline.examples.medallion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;

import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Silver: customers with trimmed, normalised fields, the first row per customer id. */
public final class CleanCustomers implements Factory<Dataset<Row>> {
  @Delivery(id = "bronze-customers")
  private Dataset<Row> customers;

  private Dataset<Row> clean;

  @Override
  public void process() {
    clean =
        customers
            .dropDuplicates("customer_id")
            .select(
                col("customer_id").cast("long"),
                trim(col("name")).as("name"),
                lower(trim(col("email"))).as("email"),
                upper(trim(col("country"))).as("country"));
  }

  @Override
  public Dataset<Row> get() {
    return clean;
  }
}
