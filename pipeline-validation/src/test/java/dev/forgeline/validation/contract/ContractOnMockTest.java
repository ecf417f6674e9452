package dev.forgeline.validation.contract;

import dev.forgeline.mock.MockSparkSession;
import org.apache.spark.sql.SparkSession;

/** {@link ContractSuite} on the mock backend. */
class ContractOnMockTest extends ContractSuite {
  private static final SparkSession SPARK = MockSparkSession.create();

  @Override
  SparkSession spark() {
    return SPARK;
  }
}
