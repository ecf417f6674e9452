package dev.forgeline.examples.bench.mock;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * The query shapes of the mock-at-scale benchmark, written once against Spark's API and run on both
 * backends. Every input is built from {@code range(n)}: {@code id}, {@code key = id % 100} and
 * {@code amount = (id * 7) % 1000} as a double; the dimension holds the 100 keys with a label.
 *
 * @since 0.1.0
 */
public final class ScaleShapes {

  /** How many leading rows of an ordered result the benchmark compares between the backends. */
  static final int COMPARED_ROWS = 20;

  /**
   * One query shape.
   *
   * @param name the name used in figures, e.g. {@code join_group}
   * @param query builds the query over {@code n} input rows on a session
   * @param ordered whether the result's order is defined (then leading rows are compared)
   */
  public record Shape(
      String name, BiFunction<SparkSession, Long, Dataset<Row>> query, boolean ordered) {}

  private ScaleShapes() {}

  /**
   * The six shapes: groupBy with sum and count, top three per key by a window, a join with a
   * 100-row dimension then groupBy, a global sort, a distinct and a union.
   *
   * @return the shapes in report order
   */
  public static List<Shape> all() {
    return List.of(
        new Shape(
            "group_sum_count",
            (s, n) ->
                input(s, n)
                    .groupBy("key")
                    .agg(sum("amount").as("total"), count(lit(1)).as("rows"))
                    .orderBy("key"),
            true),
        new Shape(
            "top3_window",
            (s, n) ->
                input(s, n)
                    .withColumn(
                        "rn",
                        row_number()
                            .over(
                                Window.partitionBy("key").orderBy(col("amount").desc(), col("id"))))
                    .filter(col("rn").leq(3)),
            false),
        new Shape(
            "join_group",
            (s, n) -> {
              Dataset<Row> facts = input(s, n);
              Dataset<Row> dim = dimension(s);
              return facts
                  .join(dim, facts.col("key").equalTo(dim.col("dkey")))
                  .groupBy("label")
                  .agg(sum("amount").as("total"), count(lit(1)).as("rows"))
                  .orderBy("label");
            },
            true),
        new Shape("sort", (s, n) -> input(s, n).orderBy(col("amount").desc(), col("id")), true),
        new Shape(
            "distinct",
            (s, n) -> input(s, n).select(col("key"), col("id").mod(n / 10).as("bucket")).distinct(),
            false),
        new Shape("union", (s, n) -> input(s, n).union(input(s, n / 2)), false));
  }

  /** The fact input: {@code id}, {@code key} and {@code amount} over {@code range(n)}. */
  static Dataset<Row> input(SparkSession s, long n) {
    return s.range(n)
        .select(
            col("id"),
            col("id").mod(100).as("key"),
            col("id").multiply(7).mod(1000).cast("double").as("amount"));
  }

  /** The 100-row dimension: {@code dkey} and {@code label}. */
  static Dataset<Row> dimension(SparkSession s) {
    return s.range(100).select(col("id").as("dkey"), concat(lit("k-"), col("id")).as("label"));
  }

  /**
   * The footprint dataset: {@code n} rows of five columns (bigint, int, double, string, date).
   *
   * @param s the session
   * @param n the row count
   * @return the dataset, not yet evaluated
   */
  public static Dataset<Row> fiveColumns(SparkSession s, long n) {
    return s.range(n)
        .select(
            col("id"),
            col("id").mod(100).cast("int").as("key"),
            col("id").multiply(7).mod(1000).cast("double").as("amount"),
            concat(lit("name-"), col("id").mod(1000)).as("name"),
            date_add(lit(LocalDate.of(2024, 1, 1)), col("id").mod(365).cast("int")).as("day"));
  }

  /**
   * How two results of a shape differ, or null when they agree: row counts, and for an ordered
   * shape the first {@value #COMPARED_ROWS} rows.
   *
   * @param shape the shape both ran
   * @param spark Spark's result
   * @param mock the mock's result
   * @return a description of the first difference, or null
   */
  public static String mismatch(Shape shape, List<Row> spark, List<Row> mock) {
    if (spark.size() != mock.size()) {
      return "row counts " + spark.size() + " (Spark) and " + mock.size() + " (mock)";
    }
    if (shape.ordered()) {
      for (int i = 0; i < Math.min(COMPARED_ROWS, spark.size()); i++) {
        if (!Objects.equals(spark.get(i), mock.get(i))) {
          return "row " + i + ": " + spark.get(i) + " (Spark) and " + mock.get(i) + " (mock)";
        }
      }
    }
    return null;
  }
}
