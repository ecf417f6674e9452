package dev.forgeline.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Rows for a schema, written in the test, turned into a Dataset of the test's session. By default
 * the session's {@code createDataFrame} judges them exactly as Spark does (a value of the wrong
 * type fails there). {@link #strict()} also checks, before any session sees them, that every value
 * has the exact Java type of its column and that nulls appear only where the schema allows them,
 * nested levels included (which Spark does not check for array elements and map values); every
 * problem is listed at once. Immutable: {@link #row} returns a new fixture.
 *
 * <pre>{@code
 * Dataset<Row> orders = Fixture.of(ORDERS)
 *     .row(1, "FR", 120.0)
 *     .row(2, "DE", null)
 *     .strict()
 *     .dataset(spark);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Fixture {
  private final StructType schema;
  private final List<Row> rows;
  private final boolean strict;

  private Fixture(StructType schema, List<Row> rows, boolean strict) {
    this.schema = schema;
    this.rows = rows;
    this.strict = strict;
  }

  /** An empty fixture for {@code schema}, with Spark's own checks. */
  public static Fixture of(StructType schema) {
    return new Fixture(Objects.requireNonNull(schema, "schema"), List.of(), false);
  }

  /** A copy with one more row of {@code values}, in column order; null values stay null. */
  public Fixture row(Object... values) {
    Objects.requireNonNull(values, "values (pass (Object) null for a single null value)");
    List<Row> more = new ArrayList<>(rows);
    more.add(RowFactory.create(Arrays.copyOf(values, values.length)));
    return new Fixture(schema, Collections.unmodifiableList(more), strict);
  }

  /** A copy with {@code more} rows added. */
  public Fixture rows(List<Row> more) {
    List<Row> all = new ArrayList<>(rows);
    for (Row r : more) {
      all.add(Objects.requireNonNull(r, "a row was null"));
    }
    return new Fixture(schema, Collections.unmodifiableList(all), strict);
  }

  /** A copy that checks types and nullability exactly before creating the Dataset. */
  public Fixture strict() {
    return new Fixture(schema, rows, true);
  }

  /** The schema. */
  public StructType schema() {
    return schema;
  }

  /**
   * The rows.
   *
   * @throws IllegalArgumentException in strict mode, listing every value that does not fit
   */
  public List<Row> rows() {
    if (strict) {
      StrictCheck.requireFits(schema, rows);
    }
    return rows;
  }

  /**
   * The rows as a Dataset of {@code spark}.
   *
   * @throws IllegalArgumentException in strict mode, listing every value that does not fit
   */
  public Dataset<Row> dataset(SparkSession spark) {
    return spark.createDataFrame(rows(), schema);
  }
}
