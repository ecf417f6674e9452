package dev.forgeline.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on Datasets that work the same on the mock and on real Spark. A failure is an {@link
 * AssertionFailedError} whose message shows the columns and, side by side, the first rows that
 * differ with the differing cells marked {@code »like this«}; its expected and actual values are
 * the whole Datasets as text, one row per line, for an IDE's comparison view. When the schemas
 * differ, the message is a schema diff, not a row dump.
 *
 * <pre>{@code
 * assertDatasetEquals(expected, actual);                                  // strict
 * assertDatasetEquals(expected, actual,
 *     Comparison.strict().ignoringRowOrder().withAbsoluteTolerance(0.01));
 * assertSchemaEquals(expectedSchema, actual.schema());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DatasetAssertions {
  /** At most this many rows of each side go into the expected/actual text of a failure. */
  static final int MAX_TEXT_ROWS = 1000;

  private DatasetAssertions() {}

  /** Asserts the Datasets are equal under {@link Comparison#strict()}. */
  public static void assertDatasetEquals(Dataset<?> expected, Dataset<?> actual) {
    assertDatasetEquals(expected, actual, Comparison.strict());
  }

  /**
   * Asserts the Datasets have equal schemas and equal rows under {@code comparison}. Both are
   * collected, so keep them test-sized.
   *
   * @throws AssertionFailedError with a schema diff, or with the first differing rows
   */
  public static void assertDatasetEquals(
      Dataset<?> expected, Dataset<?> actual, Comparison comparison) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(comparison, "comparison");
    assertRowsEqual(
        expected.schema(),
        expected.toDF().collectAsList(),
        actual.schema(),
        actual.toDF().collectAsList(),
        comparison);
  }

  /** Asserts {@code actual} holds exactly {@code expectedRows} (of its own schema), strictly. */
  public static void assertRowsEqual(List<Row> expectedRows, Dataset<?> actual) {
    assertRowsEqual(expectedRows, actual, Comparison.strict());
  }

  /**
   * Asserts {@code actual} holds {@code expectedRows} under {@code comparison}; the rows are read
   * against the actual schema, so only values are compared.
   */
  public static void assertRowsEqual(
      List<Row> expectedRows, Dataset<?> actual, Comparison comparison) {
    Objects.requireNonNull(expectedRows, "expectedRows");
    Objects.requireNonNull(actual, "actual");
    StructType schema = actual.schema();
    assertRowsEqual(schema, expectedRows, schema, actual.toDF().collectAsList(), comparison);
  }

  /** Asserts the schemas are equal under {@link Comparison#strict()}. */
  public static void assertSchemaEquals(StructType expected, StructType actual) {
    assertSchemaEquals(expected, actual, Comparison.strict());
  }

  /**
   * Asserts the schemas are equal under {@code comparison} (its column order and nullability
   * options apply).
   *
   * @throws AssertionFailedError with a table of the columns, the differing ones marked
   */
  public static void assertSchemaEquals(
      StructType expected, StructType actual, Comparison comparison) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(comparison, "comparison");
    if (!SchemaDiff.equal(expected, actual, comparison)) {
      throw new AssertionFailedError(
          SchemaDiff.message(expected, actual, comparison),
          schemaText(expected, comparison),
          schemaText(actual, comparison));
    }
  }

  private static void assertRowsEqual(
      StructType expectedSchema,
      List<Row> expectedRows,
      StructType actualSchema,
      List<Row> actualRows,
      Comparison c) {
    assertSchemaEquals(expectedSchema, actualSchema, c);
    int[] order = actualOrder(expectedSchema, actualSchema);
    List<Object[]> e = new ArrayList<>(expectedRows.size());
    for (Row r : expectedRows) {
      e.add(Values.fields(Objects.requireNonNull(r, "an expected row was null")));
    }
    List<Object[]> a = new ArrayList<>(actualRows.size());
    for (Row r : actualRows) {
      Object[] all = Values.fields(r);
      Object[] reordered = new Object[order.length];
      for (int k = 0; k < order.length; k++) {
        reordered[k] = all[order[k]];
      }
      a.add(reordered);
    }
    checkArity(expectedSchema, e);
    RowDiff diff = new RowDiff(e, a, c);
    List<RowDiff.Pair> differences = diff.differences();
    if (differences.isEmpty()) {
      return;
    }
    String message =
        headline(differences, e.size(), a.size(), c)
            + "\ncolumns: "
            + SchemaDiff.columns(expectedSchema, c.nullability())
            + "\n\n"
            + diff.table(differences, c.maxDiffRows());
    throw new AssertionFailedError(
        message, rowsText(expectedSchema, e, c), rowsText(expectedSchema, a, c));
  }

  private static String headline(List<RowDiff.Pair> diffs, int expected, int actual, Comparison c) {
    StringBuilder b = new StringBuilder("Datasets differ (").append(c.describe()).append("): ");
    if (c.rowOrder()) {
      b.append(diffs.size()).append(diffs.size() == 1 ? " row differs" : " rows differ");
    } else {
      long missing = diffs.stream().filter(p -> p.expected() >= 0).count();
      long extra = diffs.stream().filter(p -> p.actual() >= 0).count();
      b.append(missing)
          .append(" of ")
          .append(expected)
          .append(" expected rows not found, ")
          .append(extra)
          .append(" of ")
          .append(actual)
          .append(" actual rows not expected");
    }
    return b.append("; expected ")
        .append(expected)
        .append(expected == 1 ? " row" : " rows")
        .append(", actual ")
        .append(actual)
        .append(actual == 1 ? " row" : " rows")
        .toString();
  }

  private static void checkArity(StructType schema, List<Object[]> rows) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).length != schema.fields().length) {
        throw new IllegalArgumentException(
            "expected row "
                + (i + 1)
                + " has "
                + rows.get(i).length
                + " values but the schema ["
                + SchemaDiff.columns(schema, true)
                + "] has "
                + schema.fields().length
                + " columns");
      }
    }
  }

  /** For each expected column, the index of the actual column of the same name. */
  private static int[] actualOrder(StructType expected, StructType actual) {
    Map<String, Integer> positions = SchemaDiff.positions(actual);
    StructField[] fields = expected.fields();
    int[] order = new int[fields.length];
    for (int k = 0; k < fields.length; k++) {
      order[k] = positions.get(fields[k].name());
    }
    return order;
  }

  private static String schemaText(StructType s, Comparison c) {
    StringBuilder b = new StringBuilder();
    for (StructField f : s.fields()) {
      b.append(f.name()).append(' ').append(SchemaDiff.describe(f, c.nullability())).append('\n');
    }
    return b.toString();
  }

  private static String rowsText(StructType schema, List<Object[]> rows, Comparison c) {
    List<String> lines = new ArrayList<>(rows.size());
    for (Object[] r : rows.subList(0, Math.min(rows.size(), MAX_TEXT_ROWS))) {
      lines.add("[" + Values.join(r) + "]");
    }
    if (!c.rowOrder()) {
      lines.sort(null);
    }
    StringBuilder b = new StringBuilder(SchemaDiff.columns(schema, c.nullability())).append('\n');
    lines.forEach(l -> b.append(l).append('\n'));
    if (rows.size() > MAX_TEXT_ROWS) {
      b.append("... ").append(rows.size() - MAX_TEXT_ROWS).append(" more rows\n");
    }
    return b.toString();
  }
}
