package dev.forgeline.mock.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forgeline.mock.MockHeapExhaustedException;
import dev.forgeline.mock.MockSparkSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * A rank filter over a window ({@code rn <= n}) runs as a per-partition limit: it keeps only the
 * rows it can pass (so it runs under a heap limit the whole window would exceed), and its rows are
 * exactly those of the whole window filtered, for every ranking, operator and limit, with ties and
 * nulls, and with other window columns beside the ranking.
 */
class WindowGroupLimitTest {
  private static final long ONE_MB = 1L << 20;
  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("k", DataTypes.IntegerType)
          .add("o", DataTypes.IntegerType)
          .add("x", DataTypes.IntegerType);

  private final SparkSession spark = MockSparkSession.builder().build();

  private Dataset<Row> ranked(long n) {
    return spark
        .range(n)
        .withColumn("key", col("id").mod(100))
        .withColumn("rn", row_number().over(Window.partitionBy("key").orderBy(col("id").desc())));
  }

  @Test
  void topThreePerKey_keepsOnlyWhatItPasses_underAHeapLimitTheWholeWindowExceeds() {
    // The snippet of docs/mock.md (Data sizes).
    Dataset<Row> top3 =
        spark
            .range(100_000)
            .withColumn("key", col("id").mod(100))
            .withColumn(
                "rn", row_number().over(Window.partitionBy("key").orderBy(col("id").desc())))
            .filter(col("rn").leq(3));
    List<Row> rows = HeapGuard.withLimit(ONE_MB, top3::collectAsList);
    assertEquals(300, rows.size());
    for (Row r : rows) {
      long id = r.getLong(0);
      int rn = r.getInt(2);
      // Per key the largest ids come first: 99,9xx, 99,8xx, 99,7xx.
      assertEquals(100_000 - 100 * rn + r.getLong(1), id, r.toString());
    }
  }

  @Test
  void rankConditionUnderOr_isNoLimit_soTheWholeWindowRuns() {
    Dataset<Row> either = ranked(100_000).filter(col("rn").leq(3).or(col("id").lt(0)));
    MockHeapExhaustedException e =
        assertThrows(
            MockHeapExhaustedException.class,
            () -> HeapGuard.withLimit(ONE_MB, either::collectAsList));
    assertEquals("window", e.operation());
    assertEquals(300, either.count());
  }

  @Test
  void aLeadBesideTheRanking_reachesDroppedRows_soTheWholeWindowRuns() {
    Dataset<Row> withLead =
        ranked(100_000)
            .select(
                col("*"),
                lead("id", 1).over(Window.partitionBy("key").orderBy("id")).as("next"),
                row_number().over(Window.partitionBy("key").orderBy(col("id").desc())).as("rn2"))
            .filter(col("rn2").leq(3));
    assertThrows(
        MockHeapExhaustedException.class,
        () -> HeapGuard.withLimit(ONE_MB, withLead::collectAsList));
  }

  @Test
  void limitedRows_equalTheWholeWindowFiltered_forEveryRankingOperatorAndLimit() {
    Dataset<Row> input = randomInput(new Random(16), 1500);
    WindowSpec spec = Window.partitionBy("k").orderBy(col("o").desc_nulls_last());
    WindowSpec running = spec.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    List<Column> rankings =
        List.of(row_number().over(spec), rank().over(spec), dense_rank().over(spec));
    List<Function<Integer, Column>> conditions =
        List.of(
            n -> col("r").leq(n),
            n -> col("r").lt(n),
            n -> col("r").equalTo(n),
            n -> lit(n).geq(col("r")),
            n -> lit(n).gt(col("r")),
            n -> col("r").leq(n).and(col("x").gt(40)));
    int checked = 0;
    for (Column ranking : rankings) {
      // One projection, as Spark's optimizer collapses chained withColumn calls into; built anew
      // for every filter, since a relation consumed twice keeps its rows (and then no limit runs).
      Supplier<Dataset<Row>> windowed =
          () ->
              input.select(
                  col("*"),
                  ranking.as("r"),
                  sum("x").over(running).as("run"),
                  lag("x", 1).over(spec).as("prev"));
      for (Function<Integer, Column> condition : conditions) {
        for (int n = -1; n <= 4; n++) {
          Column c = condition.apply(n);
          List<String> limited = sorted(windowed.get().filter(c));
          List<String> whole = sorted(windowed.get().filter(c.or(lit(false))));
          assertEquals(whole, limited, ranking + " with " + c);
          checked += limited.size();
        }
      }
    }
    assertFalse(checked == 0);
  }

  @Test
  void rankWithARangeFrameSum_keepsWholeTieGroups_soTheSumsAreRight() {
    Dataset<Row> input = randomInput(new Random(7), 800);
    WindowSpec spec = Window.partitionBy("k").orderBy("o");
    Supplier<Dataset<Row>> windowed =
        () -> input.select(col("*"), rank().over(spec).as("r"), sum("x").over(spec).as("run"));
    for (int n = 1; n <= 4; n++) {
      Column c = col("r").leq(n);
      assertEquals(
          sorted(windowed.get().filter(c.or(lit(false)))),
          sorted(windowed.get().filter(c)),
          "rank <= " + n);
    }
    // Under row_number the same RANGE frame reaches tied rows past the limit: no limit, same rows.
    Supplier<Dataset<Row>> byRowNumber =
        () ->
            input.select(col("*"), row_number().over(spec).as("r"), sum("x").over(spec).as("run"));
    assertEquals(
        sorted(byRowNumber.get().filter(col("r").leq(2).or(lit(false)))),
        sorted(byRowNumber.get().filter(col("r").leq(2))));
  }

  private Dataset<Row> randomInput(Random random, int n) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Integer k = random.nextInt(12) == 0 ? null : random.nextInt(9);
      Integer o = random.nextInt(8) == 0 ? null : random.nextInt(6);
      rows.add(RowFactory.create(i, k, o, random.nextInt(60)));
    }
    return spark
        .createDataFrame(rows, SCHEMA)
        .withColumn("x", when(col("id").mod(17).equalTo(0), null).otherwise(col("x")));
  }

  private static List<String> sorted(Dataset<Row> d) {
    List<String> out = new ArrayList<>();
    for (Row r : d.collectAsList()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }
}
