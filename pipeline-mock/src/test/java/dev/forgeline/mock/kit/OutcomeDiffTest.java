package dev.forgeline.mock.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The kit's own comparison: what counts as a difference, and how it is reported. */
class OutcomeDiffTest {

  private static final StructType LONGS = new StructType().add("x", DataTypes.LongType);

  private static Outcome.Table table(boolean ordered, Object... values) {
    List<Row> rows = java.util.Arrays.stream(values).map(v -> RowFactory.create(v)).toList();
    return new Outcome.Table(LONGS, rows, ordered);
  }

  @Test
  void sameRowsInAnotherOrderMatchAsMultisetButNotWhenOrdered() {
    assertEquals(List.of(), OutcomeDiff.between(table(false, 1L, 2L), table(false, 2L, 1L), 0));
    List<String> diff = OutcomeDiff.between(table(true, 1L, 2L), table(true, 2L, 1L), 0);
    assertTrue(diff.get(0).contains("first difference at row 0"), diff.toString());
  }

  @Test
  void duplicateCountsMatterInMultisets() {
    List<String> diff = OutcomeDiff.between(table(false, 1L, 1L, 2L), table(false, 1L, 2L, 2L), 0);
    assertEquals(
        List.of(
            "rows differ (as multisets; spark 3 rows, mock 3 rows):",
            "  only in spark (1):",
            "    [1L]",
            "  only in mock  (1):",
            "    [2L]"),
        diff);
  }

  @Test
  void anIntegerIsNotALong() {
    List<String> diff = OutcomeDiff.between(table(false, 5L), table(false, 5), 0);
    assertTrue(String.join("\n", diff).contains("[5L]"), diff.toString());
    assertTrue(String.join("\n", diff).contains("    [5]"), diff.toString());
  }

  @Test
  void nullabilityIsPartOfTheSchema() {
    Outcome.Table nonNull =
        new Outcome.Table(new StructType().add("x", DataTypes.LongType, false), List.of(), false);
    List<String> diff = OutcomeDiff.between(table(false), nonNull, 0);
    assertEquals(
        List.of("schema differs:", "  spark: x: bigint", "  mock : x: bigint not null"), diff);
  }

  @Test
  void nestedNullabilityIsPartOfTheSchema() {
    StructType a =
        new StructType().add("a", DataTypes.createArrayType(DataTypes.IntegerType, true));
    StructType b =
        new StructType().add("a", DataTypes.createArrayType(DataTypes.IntegerType, false));
    assertEquals("a: array<int>", Values.schema(a));
    assertEquals("a: array<int not null>", Values.schema(b));
  }

  @Test
  void doublesAreExactUnlessATolerance() {
    StructType d = new StructType().add("d", DataTypes.DoubleType);
    Outcome spark = new Outcome.Table(d, List.of(RowFactory.create(0.1 + 0.2)), false);
    Outcome mock = new Outcome.Table(d, List.of(RowFactory.create(0.3)), false);
    assertEquals(5, OutcomeDiff.between(spark, mock, 0).size());
    assertEquals(List.of(), OutcomeDiff.between(spark, mock, 1e-12));
  }

  @Test
  void failuresCompareTypeAndCondition() {
    Outcome.Failure spark =
        new Outcome.Failure(
            "org.apache.spark.sql.AnalysisException",
            "UNRESOLVED_COLUMN.WITH_SUGGESTION",
            Map.of(),
            "m1");
    Outcome.Failure sameWithOtherText =
        new Outcome.Failure(
            "org.apache.spark.sql.AnalysisException",
            "UNRESOLVED_COLUMN.WITH_SUGGESTION",
            Map.of("objectName", "`x`"),
            "other wording");
    Outcome.Failure other =
        new Outcome.Failure("java.lang.NullPointerException", null, Map.of(), "boom");
    assertEquals(List.of(), OutcomeDiff.between(spark, sameWithOtherText, 0));
    List<String> diff = OutcomeDiff.between(spark, other, 0);
    assertEquals(
        "exception type differs: spark org.apache.spark.sql.AnalysisException,"
            + " mock java.lang.NullPointerException",
        diff.get(0));
    assertEquals(
        "error condition differs: spark [UNRESOLVED_COLUMN.WITH_SUGGESTION]," + " mock [null]",
        diff.get(1));
  }

  @Test
  void aTableIsNotAFailure() {
    Outcome.Failure f =
        new Outcome.Failure(
            "java.lang.UnsupportedOperationException",
            null,
            Map.of(),
            "Dataset.hint is not supported by the mock");
    List<String> diff = OutcomeDiff.between(table(false, 1L), f, 0);
    assertEquals(
        "outcome differs: spark table(1 columns, 1 rows), mock failure("
            + "java.lang.UnsupportedOperationException)",
        diff.get(0));
  }

  @Test
  void textsReportTheFirstDifferentLine() {
    List<String> diff =
        OutcomeDiff.between(new Outcome.Text("a\nb\n"), new Outcome.Text("a\nc\n"), 0);
    assertEquals("text differs from line 2:", diff.get(0));
  }

  @Test
  void sparkInternalExceptionsMapToTheirPublicParent() {
    assertEquals(
        "org.apache.spark.sql.AnalysisException",
        CaseRunner.publicType(org.apache.spark.sql.catalyst.ExtendedAnalysisException.class));
    assertEquals(
        "org.apache.spark.SparkArithmeticException",
        CaseRunner.publicType(org.apache.spark.SparkArithmeticException.class));
    assertEquals(
        "java.lang.IllegalStateException", CaseRunner.publicType(IllegalStateException.class));
  }

  @Test
  void intentChecksTheDeclaredCondition() {
    KitCase c =
        new KitCase("a.b", "a", "d", sp -> null, Observation.rows(), "DIVIDE_BY_ZERO", Map.of(), 0);
    assertEquals(
        List.of(),
        ContractKit.intentProblems(
            c,
            new Outcome.Failure(
                "org.apache.spark.SparkArithmeticException", "DIVIDE_BY_ZERO", Map.of(), "")));
    assertEquals(
        List.of("expected error [DIVIDE_BY_ZERO] but got table(1 columns, 1 rows)"),
        ContractKit.intentProblems(c, table(false, 1L)));
  }

  @Test
  void caseIdsAreUniqueAndTheKitIsLargeEnough() {
    List<KitCase> cases = ContractKit.cases();
    assertEquals(cases.size(), cases.stream().map(KitCase::id).distinct().count());
    assertTrue(cases.size() >= 400, "only " + cases.size() + " cases");
    for (String gap : ContractKit.knownGaps().keySet()) {
      assertTrue(
          cases.stream().anyMatch(c -> c.id().equals(gap)),
          "known gap [" + gap + "] names no case");
    }
  }
}
