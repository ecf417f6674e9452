package dev.forgeline.validation;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The shared test data and session, for tests in other packages. */
public final class DataAccess {
  private DataAccess() {}

  public static Dataset<Row> orders(SparkSession spark) {
    return Data.orders(spark);
  }

  public static SparkSession localSpark() {
    return LocalSpark.session();
  }
}
