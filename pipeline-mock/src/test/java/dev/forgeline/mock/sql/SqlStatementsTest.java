package dev.forgeline.mock.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.mock.MockSparkSession;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.junit.jupiter.api.Test;

/** What the kit cannot compare with Spark: the mock's own unsupported errors and error details. */
class SqlStatementsTest {
  private final MockSparkSession spark = MockSparkSession.create();

  @Test
  void rowLevelStatementsOnANonDeltaTableRaiseSparksTableOperationError() {
    spark.sql("CREATE TABLE t (a INT) USING parquet");
    for (String[] c :
        new String[][] {
          {"MERGE INTO t USING t s ON t.a = s.a WHEN MATCHED THEN DELETE", "MERGE INTO TABLE"},
          {"UPDATE t SET a = 1", "UPDATE"},
          {"DELETE FROM t WHERE a = 1", "DELETE"}
        }) {
      Exception e = assertThrows(Exception.class, () -> spark.sql(c[0]));
      org.apache.spark.sql.AnalysisException ae =
          assertInstanceOf(org.apache.spark.sql.AnalysisException.class, e);
      assertEquals("UNSUPPORTED_FEATURE.TABLE_OPERATION", ae.getCondition());
      assertEquals(c[1], ae.getMessageParameters().get("operation"), ae.getMessage());
    }
  }

  @Test
  void mergeWithSchemaEvolutionRaisesTheUnsupportedErrorNamingIt() {
    spark.sql("CREATE TABLE d (a INT) USING delta");
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () ->
                spark.sql(
                    "MERGE WITH SCHEMA EVOLUTION INTO d USING d s ON d.a = s.a"
                        + " WHEN MATCHED THEN DELETE"));
    assertTrue(e.getMessage().contains("MERGE WITH SCHEMA EVOLUTION"), e.getMessage());
  }

  @Test
  void aSyntaxErrorIsSparksParseExceptionWithThePosition() {
    Exception e = assertThrows(Exception.class, () -> spark.sql("SELEC 1"));
    ParseException pe = assertInstanceOfParse(e);
    assertEquals("PARSE_SYNTAX_ERROR", pe.getCondition());
    assertTrue(pe.getMessage().contains("'SELEC'"), pe.getMessage());
    assertTrue(pe.getMessage().contains("== SQL =="), pe.getMessage());
    assertEquals(1, pe.line().get());
  }

  private static ParseException assertInstanceOfParse(Exception e) {
    assertTrue(e instanceof ParseException, () -> "not a ParseException: " + e);
    return (ParseException) e;
  }

  @Test
  void unsupportedFormsSayWhatIsMissing() {
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> {
              spark.range(3).createOrReplaceTempView("s");
              spark.sql("SELECT * FROM s TABLESAMPLE (50 PERCENT)");
            });
    assertTrue(e.getMessage().contains("TABLESAMPLE"), e.getMessage());
  }

  @Test
  void correlatedSubqueriesSeeEachOuterRow() {
    spark.range(4).createOrReplaceTempView("r");
    List<Row> rows =
        spark
            .sql(
                "SELECT id, (SELECT count(*) FROM r i WHERE i.id < o.id) AS below FROM r o"
                    + " WHERE EXISTS (SELECT 1 FROM r i WHERE i.id = o.id + 1)")
            .orderBy("id")
            .collectAsList();
    assertEquals(
        List.of(RowFactory.create(0L, 0L), RowFactory.create(1L, 1L), RowFactory.create(2L, 2L)),
        rows);
  }

  @Test
  void multiColumnPivotIsNamedAsUnsupported() {
    spark.sql("SELECT 1 AS a, 2 AS b, 3 AS c").createOrReplaceTempView("p");
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> spark.sql("SELECT * FROM p PIVOT (sum(c) FOR (a, b) IN ((1, 2) AS x))"));
    assertTrue(e.getMessage().contains("(a, b)"), e.getMessage());
  }

  @Test
  void unknownTableNamesTheTableAsWritten() {
    AnalysisException e =
        assertThrows(AnalysisException.class, () -> spark.sql("SELECT * FROM db1.missing"));
    assertEquals("TABLE_OR_VIEW_NOT_FOUND", e.getCondition());
    assertEquals("`db1`.`missing`", e.getMessageParameters().get("relationName"));
  }
}
