package dev.forgeline.mock.engine;

import org.apache.spark.sql.internal.ColumnNode;

/** The one place that builds "the mock does not support this" errors. */
public final class NotSupported {
  private NotSupported() {}

  /** An unsupported API method, e.g. {@code Dataset.rdd()}. */
  public static UnsupportedOperationException method(String method) {
    return new UnsupportedOperationException(
        "MockSparkSession does not support " + method + "; run this test on a local SparkSession");
  }

  /** An unsupported column expression kind. */
  public static UnsupportedOperationException expression(ColumnNode node) {
    return method(
        "the column expression " + node.getClass().getSimpleName() + " [" + node.sql() + "]");
  }

  /** An unsupported option value of a supported method. */
  public static UnsupportedOperationException option(String method, String what) {
    return method(method + " with " + what);
  }
}
