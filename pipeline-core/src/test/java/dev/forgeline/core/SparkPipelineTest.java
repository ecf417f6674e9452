package dev.forgeline.core;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Inject;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** Pipelines of Spark datasets on the shared local session: typed deliveries, job tags, cancel. */
class SparkPipelineTest {

  /** A typed order. */
  public static class Order implements Serializable {
    private static final long serialVersionUID = 1L;
    private int id;
    private double amount;

    public int getId() {
      return id;
    }

    public void setId(int id) {
      this.id = id;
    }

    public double getAmount() {
      return amount;
    }

    public void setAmount(double amount) {
      this.amount = amount;
    }
  }

  static final Set<String> TAGS_SEEN = ConcurrentHashMap.newKeySet();

  static final class ReadOrders implements Factory<Dataset<Row>> {
    @Inject SparkSession spark;
    Dataset<Row> orders;

    @Override
    public void read() {
      StructType schema =
          new StructType().add("id", DataTypes.IntegerType).add("amount", DataTypes.DoubleType);
      List<Row> rows = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        rows.add(RowFactory.create(i, i * 10.0));
      }
      orders = spark.createDataFrame(rows, schema);
      TAGS_SEEN.addAll(CollectionConverters.asJava(spark.getTags()));
    }

    @Override
    public Dataset<Row> get() {
      return orders;
    }

    @Override
    public OptionalLong rows() {
      return OptionalLong.of(5);
    }
  }

  static final class TypedOrders implements Factory<Dataset<Order>> {
    @Delivery Dataset<Row> rows;
    Dataset<Order> typed;

    @Override
    public void process() {
      typed = rows.filter(col("amount").gt(15)).as(Encoders.bean(Order.class));
    }

    @Override
    public Dataset<Order> get() {
      return typed;
    }
  }

  /** Must receive the typed dataset, never the Dataset<Row>. */
  static final class Revenue implements Factory<Double> {
    @Delivery Dataset<Order> orders;
    double total;

    @Override
    public void process() {
      total = orders.agg(sum("amount")).first().getDouble(0);
    }

    @Override
    public Double get() {
      return total;
    }
  }

  static final class CountRows implements Factory<Long> {
    @Delivery Dataset<Row> rows;

    @Override
    public Long get() {
      return rows.count();
    }
  }

  @Test
  void typedAndUntypedDatasetsAreDeliveredByTheirGenericType() throws Exception {
    SparkSession spark = LocalSpark.session();
    List<String> jobTags = new ArrayList<>();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart start) {
            String tags = start.properties().getProperty("spark.job.tags");
            synchronized (jobTags) {
              jobTags.add(tags == null ? "" : tags);
            }
          }
        };
    spark.sparkContext().addSparkListener(listener);
    try {
      Pipeline p =
          Pipeline.builder("spark-typed")
              .spark(spark)
              .stage("bronze", s -> s.add(ReadOrders.class))
              .stage("silver", s -> s.add(TypedOrders.class).add(CountRows.class))
              .stage("gold", s -> s.add(Revenue.class))
              .build();
      PipelineReport r = p.run();
      assertThat(p.output(Revenue.class)).isEqualTo(20.0 + 30 + 40 + 50);
      assertThat(p.output(CountRows.class)).isEqualTo(5L);
      assertThat(r.step("ReadOrders").orElseThrow().rows()).isEqualTo(5L);
      assertThat(r.step("Revenue").orElseThrow().rows()).isNull();
      String runTag = "forgeline-run-" + r.runId();
      assertThat(TAGS_SEEN)
          .contains("forgeline-pipeline-spark-typed", runTag, runTag + "-factory-ReadOrders");
      spark.sparkContext().listenerBus().waitUntilEmpty();
      synchronized (jobTags) {
        assertThat(jobTags)
            .isNotEmpty()
            .anyMatch(t -> t.contains(runTag + "-factory-Revenue"))
            .anyMatch(t -> t.contains(runTag + "-factory-CountRows"));
      }
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
  }

  static final class LongSparkJob implements Factory<Long> {
    @Inject SparkSession spark;
    long n;

    @Override
    public void process() {
      MapFunction<Long, Long> slow =
          x -> {
            Thread.sleep(1_000);
            return x;
          };
      n = spark.range(0, 10_000, 1, 2).map(slow, Encoders.LONG()).count();
    }

    @Override
    public Long get() {
      return n;
    }
  }

  static final class FailsSoon implements Factory<String> {
    @Override
    public void process() throws InterruptedException {
      Thread.sleep(1_500);
      throw new IllegalStateException("source unavailable");
    }

    @Override
    public String get() {
      return "never";
    }
  }

  @Test
  void failFastCancelsTheRunningSparkJobByItsTag() throws InterruptedException {
    SparkSession spark = LocalSpark.session();
    Pipeline p =
        Pipeline.builder("spark-cancel")
            .spark(spark)
            .settings(
                ExecutionSettings.defaults().withMode(ExecutionMode.PARALLEL).withParallelism(2))
            .stage("s", s -> s.add(LongSparkJob.class).add(FailsSoon.class))
            .build();
    long t0 = System.nanoTime();
    PipelineReport r = p.execute();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.step("FailsSoon").orElseThrow().status()).isEqualTo(Status.FAILED);
    assertThat(r.step("LongSparkJob").orElseThrow().status()).isEqualTo(Status.CANCELLED);
    // 10,000 rows at one second each on two tasks would take over an hour.
    assertThat(ms).isLessThan(60_000);
    // Cancellation is asynchronous in the DAG scheduler: the job must end soon, not run for hours.
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (spark.sparkContext().statusTracker().getActiveJobIds().length > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(spark.sparkContext().statusTracker().getActiveJobIds()).isEmpty();
  }

  /** Writes five rows through a Delta connector, twice over two runs. */
  static final class WriteDelta implements Factory<Long> {
    @Inject
    @com.google.inject.name.Named("gold")
    dev.forgeline.core.connector.Connector gold;

    @Inject SparkSession spark;

    @Override
    public void write() {
      gold.write(spark.range(5).toDF("id"));
    }

    @Override
    public Long get() {
      return 5L;
    }
  }

  @Test
  void aDeltaWriteReportsItsTableVersionAndRowsWrittenFromTheCommit(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    SparkSession spark = LocalSpark.session();
    String path = dir.resolve("gold").toString();
    dev.forgeline.core.config.LoadedConfig cfg =
        dev.forgeline.core.config.ConfigLoader.builder()
            .override("forgeline.connectors.gold.type", "delta")
            .override("forgeline.connectors.gold.path", path)
            .override("forgeline.connectors.gold.save-mode", "append")
            .load()
            .checked();
    Pipeline p =
        Pipeline.builder("delta-facts")
            .spark(spark)
            .modules(dev.forgeline.core.config.ConfigModule.of(cfg))
            .stage("s", s -> s.add(WriteDelta.class))
            .build();
    PipelineReport first = p.run();
    PipelineReport second = p.run();
    var step1 = first.step("WriteDelta").orElseThrow();
    var step2 = second.step("WriteDelta").orElseThrow();
    assertThat(step1.tableVersions()).containsExactly(java.util.Map.entry(path, 0L));
    assertThat(step2.tableVersions()).containsExactly(java.util.Map.entry(path, 1L));
    assertThat(step1.rowsWritten()).isEqualTo(5L);
    assertThat(second.sparkVersion()).isEqualTo(spark.version());
    assertThat(second.sparkApplicationId()).isEqualTo(spark.sparkContext().applicationId());
  }
}
