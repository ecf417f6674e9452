package dev.forgeline.examples.medallion;

import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Gold, on the first day of the month only (a conditional stage): counts the enriched orders, the
 * figure a monthly close reports. The pipeline guards its stage with a run-date condition.
 */
public final class MonthlyOrderCount implements Factory<Long> {
  @Delivery(id = "EnrichOrders")
  private Dataset<Row> orders;

  private long count;

  @Override
  public void process() {
    count = orders.count();
  }

  @Override
  public Long get() {
    return count;
  }

  @Override
  public OptionalLong rows() {
    return OptionalLong.of(1);
  }
}
