package dev.forgeline.test;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.cli.PipelineDefinition;
import dev.forgeline.core.connector.Connector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A small CLI-style pipeline: orders from a connector, revenue per country to a memory sink. */
public final class ShopPipeline implements PipelineDefinition {

  @Override
  public String name() {
    return "shop";
  }

  @Override
  public void define(Pipeline.Builder pipeline) {
    pipeline.stage("ingest", s -> s.add(ReadOrders.class)).stage("gold", s -> s.add(Revenue.class));
  }

  /** Reads the orders connector. */
  public static final class ReadOrders implements Factory<Dataset<Row>> {
    @Inject
    @Named("orders")
    Connector orders;

    private Dataset<Row> data;

    @Override
    public void read() {
      data = orders.read();
    }

    @Override
    public Dataset<Row> get() {
      return data;
    }
  }

  /**
   * Revenue per country of orders of at least {@code shop.min-amount}, written to {@code revenue}.
   */
  public static final class Revenue implements Factory<Dataset<Row>> {
    @Delivery(producer = ReadOrders.class)
    Dataset<Row> orders;

    @Inject
    @Named("shop.min-amount")
    String minAmount;

    @Inject
    @Named("revenue")
    Connector sink;

    private Dataset<Row> revenue;

    @Override
    public void process() {
      revenue =
          orders
              .filter(col("amount").geq(Double.parseDouble(minAmount)))
              .groupBy("country")
              .agg(sum("amount").as("revenue"))
              .orderBy("country");
    }

    @Override
    public void write() {
      sink.write(revenue);
    }

    @Override
    public Dataset<Row> get() {
      return revenue;
    }
  }
}
