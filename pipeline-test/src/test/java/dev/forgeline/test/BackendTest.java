package dev.forgeline.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The switch really switches: this class runs twice in {@code .ci/run}, once as is and once with
 * {@code FORGELINE_TEST_BACKEND=spark} and {@code -Dtoolkit.expected.backend=spark}, and asserts
 * the session's class each time.
 */
@SparkTest
class BackendTest {
  private static final List<SparkSession> SEEN = new java.util.ArrayList<>();

  SparkSession spark;

  @Test
  void theSessionIsOfTheBackendTheSwitchSelects(SparkSession parameter) {
    String expected = System.getProperty("toolkit.expected.backend", "mock");
    assertEquals(expected, Backend.of(spark).label(), "backend of the injected field");
    assertEquals(expected, Backend.current().label(), "backend the switch selects");
    assertSame(spark, parameter, "field and parameter of one test share the session");
    String implementation = spark.getClass().getName();
    assertEquals(
        expected.equals("mock")
            ? "dev.forgeline.mock.MockSparkSession"
            : "org.apache.spark.sql.classic.SparkSession",
        implementation);
    assertEquals(
        List.of(3L),
        spark
            .range(3)
            .selectExpr("count(*)")
            .as(org.apache.spark.sql.Encoders.LONG())
            .collectAsList());
  }

  @Test
  void aTestDoesNotSeeTheTempViewsOfAnother() {
    isolatedFromEarlierTests();
  }

  @Test
  void anotherTestDoesNotSeeTheTempViewsOfAnother() {
    isolatedFromEarlierTests();
  }

  private void isolatedFromEarlierTests() {
    for (SparkSession earlier : SEEN) {
      assertNotSame(earlier, spark);
    }
    assertFalse(spark.catalog().tableExists("numbers"), "a view of an earlier test is visible");
    spark.range(2).createOrReplaceTempView("numbers");
    assertEquals(2L, spark.table("numbers").count());
    SEEN.add(spark);
  }

  @Test
  void thePropertyWinsOverTheEnvironmentVariable() {
    Properties props = new Properties();
    assertEquals(Backend.MOCK, Backend.select(props, Map.of()));
    assertEquals(Backend.SPARK, Backend.select(props, Map.of(Backend.ENV_VARIABLE, "spark")));
    props.setProperty(Backend.PROPERTY, " Mock ");
    assertEquals(Backend.MOCK, Backend.select(props, Map.of(Backend.ENV_VARIABLE, "spark")));
    props.setProperty(Backend.PROPERTY, "spark");
    assertEquals(Backend.SPARK, Backend.select(props, Map.of()));
  }

  @Test
  void anUnknownBackendIsRejectedNamingWhereItCameFrom() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Backend.select(new Properties(), Map.of(Backend.ENV_VARIABLE, "databricks")));
    assertEquals(
        "environment variable FORGELINE_TEST_BACKEND was [databricks] but must be one of"
            + " [mock, spark]",
        e.getMessage());
  }
}
