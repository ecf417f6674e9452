package dev.forgeline.validation;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small data sets with known defects, shared by the mock and the Spark suites. */
final class Data {
  private Data() {}

  static final StructType ORDERS =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add("amount", DataTypes.DoubleType)
          .add("status", DataTypes.StringType)
          .add("email", DataTypes.StringType)
          .add("customer", DataTypes.StringType)
          .add("ship.mode", DataTypes.StringType);

  /**
   * Six orders: id 2 is duplicated, one id is null; amount -5 and null; status lost and null; email
   * bad and null; customer c9 unknown and null; ship.mode "air" is not allowed.
   */
  static Dataset<Row> orders(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            RowFactory.create(1, 10.0, "paid", "a@x.org", "c1", "road"),
            RowFactory.create(2, -5.0, "paid", "not-an-email", "c2", "road"),
            RowFactory.create(2, 20.0, "lost", null, "c9", "air"),
            RowFactory.create(null, 30.0, null, "d@x.org", null, "sea"),
            RowFactory.create(5, null, "open", "e@x.org", "c1", "road"),
            RowFactory.create(6, 999.5, "open", "f@x.org", "c2", "road")),
        ORDERS);
  }

  static Dataset<Row> customers(SparkSession spark) {
    return spark.createDataFrame(
        List.of(RowFactory.create("c1", "Ann"), RowFactory.create("c2", "Bob")),
        new StructType().add("cid", DataTypes.StringType).add("name", DataTypes.StringType));
  }
}
