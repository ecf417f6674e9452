package dev.forgeline.mock.kit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every kit case on the shared local Spark session and checks it behaves as declared. */
class ContractKitTest {

  @TestFactory
  Stream<DynamicTest> everyCaseHoldsOnSpark() {
    SparkSession spark = SharedSpark.get();
    return ContractKit.cases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
      Outcome outcome = ContractKit.run(c, spark);
      var problems = ContractKit.intentProblems(c, outcome);
      assertTrue(problems.isEmpty(), () -> c.id() + " (" + c.description() + "): " + problems);
    }));
  }
}
