package dev.forgeline.examples.bench.caching;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The medallion pipeline's reads, transformations and writes as one plain sequential Spark program:
 * what a team would write without Forgeline, for the first-run comparison.
 */
final class Handwritten {
  private Handwritten() {}

  static void run(SparkSession spark, Path data, Path out) {
    Dataset<Row> orders = bronze(spark, data.resolve("orders.csv"), out.resolve("bronze/orders"));
    Dataset<Row> customers =
        bronze(spark, data.resolve("customers.csv"), out.resolve("bronze/customers"));
    Dataset<Row> products =
        bronze(spark, data.resolve("products.csv"), out.resolve("bronze/products"));

    Dataset<Row> typed =
        orders
            .filter(lower(col("status")).notEqual("cancelled"))
            .dropDuplicates("order_id")
            .select(
                col("order_id").cast("long"),
                col("customer_id").cast("long"),
                col("product_id").cast("long"),
                col("quantity").cast("int"),
                to_date(col("order_date")).as("order_date"));
    Column noCustomer = col("customer_id").isNull();
    Column badQuantity = col("quantity").isNull().or(col("quantity").leq(0));
    Column broken =
        array_compact(
            array(
                when(noCustomer, lit("customer_id not null")),
                when(badQuantity, lit("quantity positive"))));
    typed
        .filter(noCustomer.or(badQuantity))
        .withColumn("_broken_rules", broken)
        .write()
        .format("delta")
        .mode("overwrite")
        .save(out.resolve("silver/orders_quarantine").toString());
    Dataset<Row> cleanOrders = typed.filter(noCustomer.or(badQuantity).unary_$bang());

    Dataset<Row> cleanCustomers =
        customers
            .dropDuplicates("customer_id")
            .select(
                col("customer_id").cast("long"),
                trim(col("name")).as("name"),
                lower(trim(col("email"))).as("email"),
                upper(trim(col("country"))).as("country"));
    Dataset<Row> p =
        products.select(
            col("product_id").cast("long"),
            col("name").as("product"),
            col("category"),
            col("unit_price").cast("decimal(10,2)").as("unit_price"));
    String silverPath = out.resolve("silver/orders").toString();
    cleanOrders
        .join(cleanCustomers, "customer_id")
        .join(p, "product_id")
        .withColumn(
            "amount", round(col("unit_price").multiply(col("quantity")), 2).cast("decimal(12,2)"))
        .write()
        .format("delta")
        .mode("overwrite")
        .partitionBy("country")
        .save(silverPath);
    Dataset<Row> enriched = spark.read().format("delta").load(silverPath);

    enriched
        .groupBy("country")
        .agg(sum("amount").as("revenue"), countDistinct("order_id").as("orders"))
        .orderBy(col("country"))
        .write()
        .format("delta")
        .mode("overwrite")
        .save(out.resolve("gold/revenue_by_country").toString());
    enriched
        .groupBy("category")
        .agg(sum("amount").as("revenue"), sum("quantity").cast("long").as("units"))
        .orderBy(col("category"))
        .write()
        .format("delta")
        .mode("overwrite")
        .save(out.resolve("gold/revenue_by_category").toString());
    Dataset<Row> totals =
        enriched
            .groupBy(col("customer_id").as("customerId"), col("name"))
            .agg(sum("amount").as("revenue"), countDistinct("order_id").as("orders"));
    String totalsPath = out.resolve("gold/customer_totals").toString();
    if (DeltaTable.isDeltaTable(spark, totalsPath)) {
      DeltaTable.forPath(spark, totalsPath)
          .as("t")
          .merge(totals.as("s"), "t.customerId = s.customerId")
          .whenMatched()
          .updateAll()
          .whenNotMatched()
          .insertAll()
          .execute();
    } else {
      totals.write().format("delta").save(totalsPath);
    }
    spark.read().format("delta").load(totalsPath).count();
  }

  private static Dataset<Row> bronze(SparkSession spark, Path csv, Path target) {
    spark
        .read()
        .option("header", "true")
        .option("inferSchema", "true")
        .csv(csv.toString())
        .withColumn("_ingested_at", current_timestamp())
        .write()
        .format("delta")
        .mode("overwrite")
        .save(target.toString());
    return spark.read().format("delta").load(target.toString());
  }
}
