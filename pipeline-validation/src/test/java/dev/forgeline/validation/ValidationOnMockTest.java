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

  /** The mock has no {@code Dataset.observe}: the split's counts come from a count pass. */
  @Override
  boolean observes() {
    return false;
  }
}
