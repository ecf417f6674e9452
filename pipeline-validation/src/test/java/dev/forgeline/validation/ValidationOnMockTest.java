package dev.forgeline.validation;

import dev.forgeline.mock.MockSparkSession;
import org.apache.spark.sql.SparkSession;

/** {@link ValidationSuite} on the mock backend. */
class ValidationOnMockTest extends ValidationSuite {
  private static final SparkSession SPARK = MockSparkSession.create();

  @Override
  SparkSession spark() {
    return SPARK;
  }
}
