package dev.forgeline.test;

import dev.forgeline.core.error.ErrorCode;

/**
 * The error ids of the test toolkit, printed as {@code [Forgeline/Label]}.
 *
 * @since 0.1.0
 */
public enum TestError implements ErrorCode {
  /** The switch asks for real Spark but spark-sql is not on the test classpath. */
  SPARK_NOT_ON_CLASSPATH(
      "SparkNotOnClasspath",
      "The test backend switch asks for real Spark, but spark-sql is not on the test classpath.");

  private final String label;
  private final String description;

  TestError(String label, String description) {
    this.label = label;
    this.description = description;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String description() {
    return description;
  }
}
