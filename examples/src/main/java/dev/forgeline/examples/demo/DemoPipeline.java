package dev.forgeline.examples.demo;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;

import com.google.inject.Inject;
import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.report.PipelineReport;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The getting-started pipeline: read orders, keep the paid ones, sum revenue per country. */
public final class DemoPipeline {
  private DemoPipeline() {}

  /** Reads the orders; here from memory, in real life from a connector. */
  public static final class ReadOrders implements Factory<Dataset<Row>> {
    private final SparkSession spark;
    private Dataset<Row> orders;

    @Inject
    ReadOrders(SparkSession spark) {
      this.spark = spark;
    }

    @Override
    public void read() {
      StructType schema =
          new StructType()
              .add("id", DataTypes.IntegerType, false)
              .add("country", DataTypes.StringType)
              .add("amount", DataTypes.DoubleType)
              .add("status", DataTypes.StringType);
      orders =
          spark.createDataFrame(
              List.of(
                  RowFactory.create(1, "FR", 120.0, "paid"),
                  RowFactory.create(2, "FR", 80.5, "cancelled"),
                  RowFactory.create(3, "DE", 42.0, "paid"),
                  RowFactory.create(4, "DE", 17.25, "paid"),
                  RowFactory.create(5, "IT", 99.9, "paid")),
              schema);
    }

    @Override
    public Dataset<Row> get() {
      return orders;
    }
  }

  /** Keeps paid orders. A second factory of Dataset<Row> would need an id to tell them apart. */
  public static final class PaidOrders implements Factory<Dataset<Row>> {
    @Delivery(producer = ReadOrders.class)
    private Dataset<Row> orders;

    private Dataset<Row> paid;

    @Override
    public void process() {
      paid = orders.filter(col("status").equalTo("paid"));
    }

    @Override
    public Dataset<Row> get() {
      return paid;
    }
  }

  /** Revenue per country, ordered by country. */
  public static final class RevenueByCountry implements Factory<List<Row>> {
    @Delivery(producer = PaidOrders.class)
    private Dataset<Row> paid;

    private List<Row> revenue;

    @Override
    public void process() {
      revenue =
          paid.groupBy("country")
              .agg(round(sum("amount"), 2).as("revenue"))
              .orderBy("country")
              .collectAsList();
    }

    @Override
    public List<Row> get() {
      return revenue;
    }
  }

  /** Builds the pipeline on the given session (local Spark, a cluster, or the mock). */
  public static Pipeline build(SparkSession spark) {
    return Pipeline.builder("demo")
        .spark(spark)
        .stage("ingest", s -> s.add(ReadOrders.class))
        .stage("refine", s -> s.add(PaidOrders.class).add(RevenueByCountry.class))
        .build();
  }

  /** Runs the demo on embedded local Spark and prints the plan, the revenue and the report. */
  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("forgeline-demo")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    try {
      Pipeline pipeline = build(spark);
      System.out.println(pipeline.describe());
      PipelineReport report = pipeline.run();
      for (Row r : pipeline.output(RevenueByCountry.class)) {
        System.out.printf("%s %.2f%n", r.getString(0), r.getDouble(1));
      }
      System.out.printf(
          "run %s: %s in %d ms, %s%n",
          report.runId(), report.status(), report.duration().toMillis(), report.metrics().steps());
    } finally {
      spark.stop();
    }
  }
}
