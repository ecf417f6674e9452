package dev.forgeline.validation.pipeline;

import dev.forgeline.mock.MockSparkSession;
import org.apache.spark.sql.SparkSession;

/** {@link BoundaryValidationSuite} on the mock backend. */
class BoundaryValidationOnMockTest extends BoundaryValidationSuite {
  private static final SparkSession SPARK = MockSparkSession.create();

  @Override
  SparkSession spark() {
    return SPARK;
  }
}
