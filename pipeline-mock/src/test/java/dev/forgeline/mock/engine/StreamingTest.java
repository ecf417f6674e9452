package dev.forgeline.mock.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.forgeline.mock.MockSparkSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Row-wise operators stream their rows to the next operator instead of keeping them (see {@link
 * Relation}); what a program observes must not change.
 */
class StreamingTest {
  private final SparkSession spark = MockSparkSession.builder().build();

  @Test
  void randomColumn_readByTwoConsumers_seesTheSameValuesInBoth() {
    Dataset<Row> df = spark.range(1000).withColumn("r", rand());
    long low = df.filter(col("r").lt(0.5)).count();
    long high = df.filter(col("r").geq(0.5)).count();
    // Were the rand() projection streamed to each filter, each would draw new numbers.
    assertEquals(1000, low + high);
    assertEquals(List.of(df.collectAsList()), List.of(df.collectAsList()));
  }

  @Test
  void sharedParent_consumedByManyBranches_givesEachTheSameRows() {
    Dataset<Row> base = spark.range(10).select(col("id"), col("id").mod(3).as("k"));
    Dataset<Row> doubled = base.union(base).union(base.union(base));
    List<Row> rows =
        doubled
            .groupBy("k")
            .agg(count(lit(1)).as("n"), sum("id").as("s"))
            .orderBy("k")
            .collectAsList();
    assertEquals(
        List.of(
            org.apache.spark.sql.RowFactory.create(0L, 16L, 72L),
            org.apache.spark.sql.RowFactory.create(1L, 12L, 48L),
            org.apache.spark.sql.RowFactory.create(2L, 12L, 60L)),
        rows);
  }

  @Test
  void streamedRelation_isKeptOnlyFromItsSecondConsumerOn() {
    Relation range =
        Relation.streamed(
            List.of(Field.of("id", org.apache.spark.sql.types.DataTypes.LongType, false)),
            List.of(),
            sink -> {
              for (long i = 0; i < 3; i++) {
                sink.accept(new Object[] {i});
              }
            });
    List<Object[]> first = range.snapshot();
    List<Object[]> second = range.snapshot();
    assertEquals(3, first.size());
    assertNotSame(first, second);
    // The second request computed and kept the rows: later requests read the same list.
    assertSame(second, range.rows());
    assertSame(second, range.snapshot());
  }

  @Test
  void cachedDataset_keepsItsRowsForEveryLaterConsumer() {
    Dataset<Row> df = spark.range(5).select(col("id").multiply(2).as("x")).cache();
    assertEquals(5, df.count());
    List<Row> a = df.collectAsList();
    List<Row> b = df.collectAsList();
    assertEquals(a, b);
    assertEquals(8L, a.get(4).getLong(0));
  }
}
