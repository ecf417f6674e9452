package dev.forgeline.mock;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.upper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class MockSparkSessionTest {
  private static final StructType PEOPLE =
      new StructType()
          .add("name", DataTypes.StringType, true)
          .add("age", DataTypes.IntegerType, true);

  private static Dataset<Row> people(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            RowFactory.create("alice", 34),
            RowFactory.create("bob", 28),
            RowFactory.create("carol", null)),
        PEOPLE);
  }

  @Test
  void builderSetsConfAndAdvertisesTheMockBackend() {
    SparkSession spark =
        MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").appName("t").build();
    assertEquals("UTC", spark.conf().get("spark.sql.session.timeZone"));
    assertEquals("t", spark.conf().get("spark.app.name"));
    assertEquals("true", spark.conf().get(MockSparkSession.SEQUENTIAL_KEY, "false"));
  }

  @Test
  void builderRejectsTheSameKeyTwice() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> MockSparkSession.builder().config("a", "1").config("a", "2"));
    assertTrue(e.getMessage().contains("[a]") && e.getMessage().contains("[1]"), e.getMessage());
  }

  @Test
  void confChangesBetweenQueriesOfOneSessionTakeEffect() {
    // The session caches what it parses from its conf; each set or unset must invalidate it. As in
    // Spark, a query sees the settings of the moment it is built (analyzed), so each is new.
    SparkSession spark =
        MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").build();
    java.util.function.Supplier<Integer> hour =
        () ->
            spark
                .range(1)
                .select(
                    org.apache.spark.sql.functions.hour(
                        lit(java.time.Instant.parse("2024-06-01T12:00:00Z"))))
                .collectAsList()
                .get(0)
                .getInt(0);
    assertEquals(12, hour.get());
    spark.conf().set("spark.sql.session.timeZone", "Asia/Tokyo");
    assertEquals(21, hour.get());
    spark.conf().set("spark.sql.session.timeZone", "America/New_York");
    assertEquals(8, hour.get());

    java.util.function.Supplier<List<Row>> ratio =
        () -> spark.range(1).select(lit(1).divide(lit(0))).collectAsList();
    assertThrows(org.apache.spark.SparkArithmeticException.class, ratio::get);
    spark.conf().set("spark.sql.ansi.enabled", "false");
    assertTrue(ratio.get().get(0).isNullAt(0));
    spark.conf().unset("spark.sql.ansi.enabled");
    assertThrows(org.apache.spark.SparkArithmeticException.class, ratio::get);
  }

  @Test
  void rowEncoderFollowsTheSchemaOfEachDataset() {
    Dataset<Row> df = people(MockSparkSession.create());
    assertEquals(df.schema(), df.encoder().schema());
    Dataset<Row> projected = df.select(upper(col("name")).as("n")).filter(col("n").isNotNull());
    assertEquals(projected.schema(), projected.encoder().schema());
    assertEquals(List.of("n"), List.of(projected.encoder().schema().fieldNames()));
    Row[] taken = (Row[]) projected.take(2);
    assertEquals(2, taken.length);
    assertEquals("ALICE", taken[0].getString(0));
  }

  @Test
  void defaultTimeZoneIsTheJvmDefault() {
    assertEquals(
        java.util.TimeZone.getDefault().getID(),
        MockSparkSession.create().conf().get("spark.sql.session.timeZone"));
  }

  @Test
  void selectFilterWithColumnAndCollect() {
    SparkSession spark = MockSparkSession.create();
    Dataset<Row> df =
        people(spark)
            .filter(col("age").gt(30))
            .withColumn("NAME_UP", upper(col("name")))
            .select(col("name_up"), col("age").plus(lit(1L)).as("next"));
    assertEquals("struct<name_up:string,next:bigint>", df.schema().simpleString());
    List<Row> rows = df.collectAsList();
    assertEquals(List.of(RowFactory.create("ALICE", 35L)), rows);
    assertEquals(1, df.count());
  }

  @Test
  void generatedColumnNamesFollowSpark() {
    Dataset<Row> df =
        people(MockSparkSession.create()).select(col("age").plus(1), upper(col("name")), lit("x"));
    assertEquals(List.of("(age + 1)", "upper(name)", "x"), List.of(df.columns()));
  }

  @Test
  void showPrintsSparksTable() {
    MockDataset<Row> df = (MockDataset<Row>) people(MockSparkSession.create());
    String expected =
        String.join(
            "\n",
            "+-----+----+",
            "| name| age|",
            "+-----+----+",
            "|alice|  34|",
            "|  bob|  28|",
            "|carol|NULL|",
            "+-----+----+",
            "");
    assertEquals(expected, df.showString(20, 20, false));
    assertEquals(
        String.join(
            "\n",
            "+-----+---+",
            "| name|age|",
            "+-----+---+",
            "|alice| 34|",
            "+-----+---+",
            "only showing top 1 row"),
        df.showString(1, 20, false));
  }

  @Test
  void rangeAndTypedDatasets() {
    SparkSession spark = MockSparkSession.create();
    Dataset<Long> r = spark.range(0, 5, 2);
    assertEquals(List.of(0L, 2L, 4L), r.collectAsList());
    Dataset<String> s = spark.createDataset(List.of("a", "b"), Encoders.STRING());
    assertEquals("value", s.columns()[0]);
    assertEquals(
        List.of("A", "B"),
        s.map(
                (org.apache.spark.api.java.function.MapFunction<String, String>)
                    String::toUpperCase,
                Encoders.STRING())
            .collectAsList());
  }

  @Test
  void jobTagsArePerThread() throws Exception {
    SparkSession spark = MockSparkSession.create();
    spark.addTag("a");
    assertEquals(Set.of("a"), CollectionConverters.asJava(spark.getTags()));
    Thread t = new Thread(() -> spark.clearTags());
    t.start();
    t.join();
    assertEquals(Set.of("a"), CollectionConverters.asJava(spark.getTags()));
    spark.removeTag("a");
    assertTrue(spark.getTags().isEmpty());
    assertTrue(spark.interruptAll().isEmpty());
    assertTrue(spark.interruptTag("a").isEmpty());
  }

  @Test
  void unsupportedMethodsNameThemselves() {
    Dataset<Row> df = people(MockSparkSession.create());
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, df::rdd);
    assertEquals(
        "MockSparkSession does not support Dataset.rdd(); run this test on a local SparkSession",
        e.getMessage());
  }

  @Test
  void secondSessionIsCheap() {
    MockSparkSession.create();
    long start = System.nanoTime();
    MockSparkSession s = MockSparkSession.create();
    assertFalse(s.conf().getAll().isEmpty());
    assertTrue(System.nanoTime() - start >= 0);
  }
}
