package dev.forgeline.validation.contract;

import dev.forgeline.validation.DataAccess;
import org.apache.spark.sql.SparkSession;

/** {@link ContractSuite} on local Spark. */
class ContractOnSparkTest extends ContractSuite {

  @Override
  SparkSession spark() {
    return DataAccess.localSpark();
  }
}
