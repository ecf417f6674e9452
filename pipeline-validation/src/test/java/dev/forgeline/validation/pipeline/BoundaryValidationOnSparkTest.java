package dev.forgeline.validation.pipeline;

import dev.forgeline.validation.DataAccess;
import org.apache.spark.sql.SparkSession;

/** {@link BoundaryValidationSuite} on local Spark. */
class BoundaryValidationOnSparkTest extends BoundaryValidationSuite {
  @Override
  SparkSession spark() {
    return DataAccess.localSpark();
  }
}
