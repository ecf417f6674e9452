package dev.forgeline.mock.kit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Cases for a filter on a ranking window ({@code rn <= n}), which Spark plans as a per-partition
 * limit and the mock too: ties under row_number, rank and dense_rank, nulls in the order key and
 * the partition key, descending orders, {@code =}, {@code <}, {@code <= 0}, the literal on the
 * left, the condition AND-ed or OR-ed with another predicate, and other window columns in the same
 * projection. Where row_number breaks ties arbitrarily (Spark gives no order among tied rows), the
 * case shows only columns the tied rows share.
 */
final class RankFilterCases {

  /** id, partition key k (nulls), order key o (ties and nulls), value x. */
  static final StructType SCORES =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("k", DataTypes.StringType)
          .add("o", DataTypes.IntegerType)
          .add("x", DataTypes.IntegerType);

  private RankFilterCases() {}

  static Dataset<Row> scores(SparkSession spark) {
    return Fixtures.frame(
        spark,
        SCORES,
        new Object[] {1, "a", 5, 10},
        new Object[] {2, "a", 5, 20},
        new Object[] {3, "a", 3, 30},
        new Object[] {4, "a", 3, 40},
        new Object[] {5, "a", 3, 50},
        new Object[] {6, "a", 1, 60},
        new Object[] {7, "a", null, 70},
        new Object[] {8, "a", 7, 80},
        new Object[] {9, "b", 2, 15},
        new Object[] {10, "b", 2, 25},
        new Object[] {11, "b", null, 35},
        new Object[] {12, "b", null, 45},
        new Object[] {13, "b", 9, 55},
        new Object[] {14, null, 4, 65},
        new Object[] {15, null, 4, 75},
        new Object[] {16, null, 1, 85},
        new Object[] {17, "c", 6, 5});
  }

  static void addTo(CaseBook book) {
    CaseBook b = book.area("rank-filter");
    WindowSpec desc = Window.partitionBy("k").orderBy(col("o").desc());
    WindowSpec descById = Window.partitionBy("k").orderBy(col("o").desc(), col("id"));
    WindowSpec asc = Window.partitionBy("k").orderBy(col("o"));
    b.rows(
        "row-number-ties",
        "row_number <= 2 over tied order values (tied rows show the same columns)",
        sp -> ranked(sp, row_number().over(desc)).filter(col("r").leq(2)).select("k", "o", "r"));
    b.rows(
        "row-number-ties-le-3",
        "row_number <= 3 where the third row ties the second",
        sp -> ranked(sp, row_number().over(desc)).filter(col("r").leq(3)).select("k", "o", "r"));
    b.rows(
        "rank-ties",
        "rank <= 2 keeps every row tied at rank 2",
        sp -> ranked(sp, rank().over(desc)).filter(col("r").leq(2)));
    b.rows(
        "rank-ties-gap",
        "rank <= 3 after a tie at 2: no row has rank 3",
        sp -> ranked(sp, rank().over(desc)).filter(col("r").leq(3)));
    b.rows(
        "dense-rank-ties",
        "dense_rank <= 3 keeps three distinct order values per key",
        sp -> ranked(sp, dense_rank().over(desc)).filter(col("r").leq(3)));
    b.rows(
        "rank-nulls-first",
        "rank <= 1 ascending: null order values come first and tie",
        sp -> ranked(sp, rank().over(asc)).filter(col("r").leq(1)));
    b.rows(
        "dense-rank-nulls-last",
        "dense_rank <= 2 ascending with nulls last",
        sp ->
            ranked(
                    sp,
                    dense_rank().over(Window.partitionBy("k").orderBy(col("o").asc_nulls_last())))
                .filter(col("r").leq(2)));
    b.rows(
        "rank-eq-1-desc-nulls-first",
        "rank = 1 descending with nulls first",
        sp ->
            ranked(sp, rank().over(Window.partitionBy("k").orderBy(col("o").desc_nulls_first())))
                .filter(col("r").equalTo(1)));
    b.rows(
        "row-number-eq-1",
        "row_number = 1 per key, null key included",
        sp -> ranked(sp, row_number().over(descById)).filter(col("r").equalTo(1)));
    b.rows(
        "row-number-eq-2",
        "row_number = 2 keeps only the second row",
        sp -> ranked(sp, row_number().over(descById)).filter(col("r").equalTo(2)));
    b.rows(
        "row-number-lt-3",
        "row_number < 3",
        sp -> ranked(sp, row_number().over(descById)).filter(col("r").lt(3)));
    b.rows(
        "row-number-le-0",
        "row_number <= 0 is empty",
        sp -> ranked(sp, row_number().over(descById)).filter(col("r").leq(0)));
    b.rows(
        "rank-lt-1",
        "rank < 1 is empty",
        sp -> ranked(sp, rank().over(desc)).filter(col("r").lt(1)));
    b.rows(
        "literal-on-the-left",
        "2 >= dense_rank",
        sp -> ranked(sp, dense_rank().over(desc)).filter(lit(2).geq(col("r"))));
    b.rows(
        "literal-greater-on-the-left",
        "3 > row_number",
        sp -> ranked(sp, row_number().over(descById)).filter(lit(3).gt(col("r"))));
    b.rows(
        "and-other-predicate",
        "row_number <= 3 AND x > 25: the top three, then those with x > 25",
        sp -> ranked(sp, row_number().over(descById)).filter(col("r").leq(3).and(col("x").gt(25))));
    b.rows(
        "other-predicate-and",
        "x > 25 AND rank <= 2",
        sp -> ranked(sp, rank().over(desc)).filter(col("x").gt(25).and(col("r").leq(2))));
    b.rows(
        "two-rank-conditions",
        "row_number <= 3 AND row_number >= 2",
        sp -> ranked(sp, row_number().over(descById)).filter(col("r").leq(3).and(col("r").geq(2))));
    b.rows(
        "or-is-no-limit",
        "row_number <= 1 OR x > 70 keeps rows beyond the first",
        sp -> ranked(sp, row_number().over(descById)).filter(col("r").leq(1).or(col("x").gt(70))));
    b.rows(
        "greater-than-is-no-limit",
        "rank > 2 keeps the tail",
        sp -> ranked(sp, rank().over(desc)).filter(col("r").gt(2)));
    b.rows(
        "bigint-literal",
        "row_number <= 2L (compared as bigint)",
        sp -> ranked(sp, row_number().over(descById)).filter(col("r").leq(2L)));
    b.rows(
        "sql-condition",
        "where(\"r <= 2\") as a SQL expression string",
        sp -> ranked(sp, dense_rank().over(desc)).where("r <= 2"));
    b.rows(
        "running-windows-beside",
        "row_number <= 2 with a running sum (rows frame) and lag in the same projection",
        sp ->
            scores(sp)
                .select(
                    col("*"),
                    row_number().over(descById).as("r"),
                    sum("x")
                        .over(
                            descById.rowsBetween(Window.unboundedPreceding(), Window.currentRow()))
                        .as("run"),
                    lag("x", 1).over(descById).as("prev"))
                .filter(col("r").leq(2)));
    b.rows(
        "whole-partition-windows-beside",
        "row_number <= 2 with a partition count and a lead in the same projection",
        sp ->
            scores(sp)
                .select(
                    col("*"),
                    row_number().over(descById).as("r"),
                    count(lit(1)).over(Window.partitionBy("k")).as("n"),
                    lead("x", 1).over(descById).as("next"))
                .filter(col("r").leq(2)));
    b.rows(
        "rank-with-range-sum",
        "rank <= 2 with a running sum over the default RANGE frame (ties share it)",
        sp ->
            scores(sp)
                .select(col("*"), rank().over(desc).as("r"), sum("x").over(desc).as("run"))
                .filter(col("r").leq(2)));
    b.rows(
        "row-number-with-range-sum",
        "row_number <= 2 with a running sum over the default RANGE frame across a tie",
        sp ->
            scores(sp)
                .select(col("k"), col("o"), row_number().over(desc).as("r"), sum("x").over(desc))
                .filter(col("r").leq(2))
                .select(
                    "k",
                    "o",
                    "r",
                    "sum(x) OVER (PARTITION BY k ORDER BY o DESC NULLS LAST "
                        + "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"));
    b.rows(
        "other-spec-beside",
        "row_number <= 1 with a rank over another window in the same projection",
        sp ->
            scores(sp)
                .select(
                    col("*"),
                    row_number().over(descById).as("r"),
                    rank().over(Window.orderBy(col("x").desc())).as("g"))
                .filter(col("r").leq(1)));
    b.rows(
        "chained-with-column",
        "withColumn(row_number), withColumn(lag), then row_number <= 2",
        sp ->
            ranked(sp, row_number().over(descById))
                .withColumn("prev", lag("x", 1).over(descById))
                .filter(col("r").leq(2)));
    b.rows(
        "two-partition-columns",
        "rank <= 1 over two partition columns",
        sp ->
            ranked(sp, rank().over(Window.partitionBy(col("k"), col("x").mod(2)).orderBy("o")))
                .filter(col("r").leq(1)));
    b.rows(
        "no-partition",
        "row_number <= 3 over the whole frame",
        sp ->
            ranked(sp, row_number().over(Window.orderBy(col("x").desc()))).filter(col("r").leq(3)));
    b.rows(
        "sql-subquery",
        "SQL: a rank filter over a subquery",
        sp -> {
          scores(sp).createOrReplaceTempView("scores");
          return sp.sql(
              "SELECT * FROM (SELECT *, dense_rank() OVER (PARTITION BY k ORDER BY o DESC) AS r "
                  + "FROM scores) WHERE r <= 2 AND x > 20");
        });
  }

  private static Dataset<Row> ranked(SparkSession sp, org.apache.spark.sql.Column ranking) {
    return scores(sp).withColumn("r", ranking);
  }
}
