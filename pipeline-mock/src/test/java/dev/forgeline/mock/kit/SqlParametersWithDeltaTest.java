package dev.forgeline.mock.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.mock.MockSparkSession;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Regression for the parity audit's four failing sql-query cases: on Spark 4.1.3 with Delta 4.3.1's
 * SQL extension, {@code spark.sql(query, args)} loses its arguments (Delta's parser keeps Spark
 * 4.1's default {@code parsePlanWithParameters}, which ignores them; delta-io/delta#7640). The kit
 * runs the cases that need Spark's own parser on a session without extensions, whoever calls it.
 * When a Delta upgrade fixes the parser, the first test fails: then the parameter cases no longer
 * need {@code rowsWithSparkParser}.
 */
class SqlParametersWithDeltaTest {

  @Test
  void deltasParserDropsTheArgumentsOfParameterizedSql() {
    SparkSession spark = SharedSpark.get();
    assertEquals("io.delta.sql.parser.DeltaSqlParser", parserOf(spark));
    AnalysisException e =
        assertThrows(
            AnalysisException.class,
            () -> spark.sql("SELECT :x AS x", Map.<String, Object>of("x", 7)).collectAsList());
    assertEquals("UNBOUND_SQL_PARAMETER", e.getCondition());
  }

  @Test
  void kitRunsTheParameterCasesOnSparksOwnParserForAnySessionItIsGiven() {
    List<KitCase> parameterCases =
        ContractKit.cases().stream().filter(KitCase::needsSparkParser).toList();
    assertEquals(
        List.of(
            "sql-query.named-parameters",
            "sql-query.positional-parameters",
            "sql-query.parameter-in-select",
            "sql-query.parameter-date"),
        parameterCases.stream().map(KitCase::id).toList());
    SparkSession spark = SharedSpark.get();
    for (KitCase c : parameterCases) {
      SparkSession reference = ReferenceSessions.forCase(c, spark);
      assertFalse(reference == spark, c.id());
      assertEquals("org.apache.spark.sql.execution.SparkSqlParser", parserOf(reference), c.id());
      assertTrue(ReferenceSessions.forCase(c, reference) == reference, c.id());
      CaseResult r =
          ContractKit.compare(
              c,
              spark,
              MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").build());
      assertTrue(r.passesBoth(), r::report);
    }
    assertEquals(
        List.of(RowFactory.create(7)),
        ReferenceSessions.forCase(parameterCases.get(0), spark)
            .sql("SELECT :x AS x", Map.<String, Object>of("x", 7))
            .collectAsList());
  }

  @Test
  void otherCasesRunOnTheSessionAsGiven() {
    SparkSession spark = SharedSpark.get();
    KitCase plain =
        ContractKit.cases().stream().filter(c -> !c.needsSparkParser()).findFirst().orElseThrow();
    assertTrue(ReferenceSessions.forCase(plain, spark) == spark);
  }

  private static String parserOf(SparkSession s) {
    return ((org.apache.spark.sql.classic.SparkSession) s)
        .sessionState()
        .sqlParser()
        .getClass()
        .getName();
  }
}
