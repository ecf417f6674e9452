package dev.forgeline.mock;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The Dataset API surface on the mock: joins, grouping, set operations, na, beans, storage. */
class DatasetApiTest {
  private final SparkSession spark =
      MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").build();

  /** A Java bean for encoder tests. */
  public static class Person implements Serializable {
    private String name;
    private int age;

    public Person() {}

    Person(String name, int age) {
      this.name = name;
      this.age = age;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public int getAge() {
      return age;
    }

    public void setAge(int age) {
      this.age = age;
    }
  }

  private Dataset<Row> people() {
    StructType s =
        new StructType()
            .add("name", DataTypes.StringType)
            .add("dept", DataTypes.StringType)
            .add("age", DataTypes.IntegerType);
    return spark.createDataFrame(
        List.of(
            RowFactory.create("ann", "eng", 30),
            RowFactory.create("bob", "eng", 40),
            RowFactory.create("cid", "ops", null),
            RowFactory.create("dan", null, 25)),
        s);
  }

  private Dataset<Row> depts() {
    StructType s =
        new StructType().add("dept", DataTypes.StringType).add("floor", DataTypes.IntegerType);
    return spark.createDataFrame(
        List.of(RowFactory.create("eng", 1), RowFactory.create("hr", 2)), s);
  }

  private static List<Row> rows(Dataset<Row> df) {
    return df.collectAsList();
  }

  @Test
  void beansRoundTrip() {
    Dataset<Row> df =
        spark.createDataFrame(List.of(new Person("ann", 30), new Person("bob", 40)), Person.class);
    assertEquals("struct<age:int,name:string>", df.schema().simpleString());
    List<Person> back =
        df.filter(col("age").gt(35)).as(Encoders.bean(Person.class)).collectAsList();
    assertEquals(1, back.size());
    assertEquals("bob", back.get(0).getName());
    Dataset<String> names =
        df.as(Encoders.bean(Person.class))
            .map((MapFunction<Person, String>) p -> p.getName() + p.getAge(), Encoders.STRING());
    assertEquals(List.of("ann30", "bob40"), names.collectAsList());
    Dataset<String> chars =
        spark
            .createDataset(List.of("ab", "c"), Encoders.STRING())
            .flatMap(
                (FlatMapFunction<String, String>) s -> Arrays.asList(s.split("")).iterator(),
                Encoders.STRING());
    assertEquals(List.of("a", "b", "c"), chars.collectAsList());
  }

  @Test
  void joinTypes() {
    assertEquals(
        List.of(RowFactory.create("eng", "ann", 30, 1), RowFactory.create("eng", "bob", 40, 1)),
        rows(people().join(depts(), "dept").select("dept", "name", "age", "floor")));
    Dataset<Row> p = people();
    Dataset<Row> d = depts();
    assertEquals(4, p.join(d, p.col("dept").equalTo(d.col("dept")), "left").count());
    assertEquals(
        3,
        people()
            .join(
                depts(),
                scala.jdk.javaapi.CollectionConverters.asScala(List.of("dept")).toSeq(),
                "right")
            .count());
    assertEquals(
        5,
        people()
            .join(
                depts(),
                scala.jdk.javaapi.CollectionConverters.asScala(List.of("dept")).toSeq(),
                "full")
            .count());
    assertEquals(
        List.of("ann", "bob"),
        p.join(d, p.col("dept").equalTo(d.col("dept")), "left_semi")
            .select("name")
            .as(Encoders.STRING())
            .collectAsList());
    assertEquals(
        List.of("cid", "dan"),
        p.join(d, p.col("dept").equalTo(d.col("dept")), "left_anti")
            .select("name")
            .as(Encoders.STRING())
            .collectAsList());
    assertEquals(8, people().crossJoin(depts()).count());
    Throwable e =
        assertThrows(AnalysisException.class, () -> people().join(depts(), lit(true), "sideways"));
    assertEquals("UNSUPPORTED_JOIN_TYPE", ((AnalysisException) e).getCondition());
  }

  @Test
  void groupingRollupAndPivot() {
    Dataset<Row> g =
        people()
            .groupBy("dept")
            .agg(count(lit(1)).as("n"), sum("age").as("total"))
            .orderBy(col("dept"));
    assertEquals(
        Arrays.asList(
            RowFactory.create(null, 1L, 25L),
            RowFactory.create("eng", 2L, 70L),
            RowFactory.create("ops", 1L, null)),
        rows(g));
    assertEquals(8, people().rollup("dept", "name").count().count());
    Dataset<Row> p =
        people()
            .groupBy("name")
            .pivot("dept", List.of("eng", "ops"))
            .agg(sum("age"))
            .orderBy("name");
    assertEquals(List.of("name", "eng", "ops"), Arrays.asList(p.columns()));
    assertEquals(RowFactory.create("ann", 30L, null), rows(p).get(0));
  }

  @Test
  void setOperations() {
    Dataset<Row> a = people().select("dept");
    Dataset<Row> b = depts().select("dept");
    assertEquals(6, a.union(b).count());
    assertEquals(List.of(RowFactory.create("eng")), rows(a.intersect(b)));
    assertEquals(2, rows(a.except(b)).size());
    assertEquals(3, a.exceptAll(b).count());
    Dataset<Row> byName = depts().unionByName(people().select("name", "dept"), true);
    assertEquals(List.of("dept", "floor", "name"), Arrays.asList(byName.columns()));
    assertEquals(6, byName.count());
    assertEquals(3, a.distinct().count());
    assertEquals(
        2, people().dropDuplicates(new String[] {"dept"}).filter(col("dept").isNotNull()).count());
  }

  @Test
  void naFunctions() {
    assertEquals(2, people().na().drop().count());
    assertEquals(0, people().na().fill(0L).filter(col("age").isNull()).count());
    assertEquals(
        "none",
        rows(people().na().fill("none").filter(col("name").equalTo("dan"))).get(0).getString(1));
    Dataset<Row> replaced = people().na().replace("dept", Map.of("eng", "engineering"));
    assertEquals(2, replaced.filter(col("dept").equalTo("engineering")).count());
  }

  @Test
  void orderingLimitsAndActions() {
    Dataset<Row> sorted = people().orderBy(col("age").desc_nulls_last());
    assertEquals(
        List.of("bob", "ann", "dan", "cid"),
        sorted.select("name").as(Encoders.STRING()).collectAsList());
    assertEquals(
        List.of("ann", "bob"),
        people()
            .orderBy(col("age").asc_nulls_last())
            .limit(3)
            .offset(1)
            .select("name")
            .as(Encoders.STRING())
            .collectAsList());
    assertEquals("ann", people().first().getString(0));
    assertEquals(2, ((Row[]) people().tail(2)).length);
    assertFalse(people().isEmpty());
    assertTrue(people().filter(lit(false)).isEmpty());
  }

  @Test
  void sampleKeepsAFractionInRange() {
    long n = spark.range(10_000).sample(0.3, 42L).count();
    assertTrue(n > 2_700 && n < 3_300, "sampled " + n);
    assertEquals(spark.range(10_000).sample(0.3, 42L).count(), n);
  }

  @Test
  void showVerticalAndJson() {
    MockDataset<Row> df = (MockDataset<Row>) people().limit(1);
    assertEquals(
        "-RECORD 0---\n name | ann \n dept | eng \n age  | 30  \n", df.showString(20, 20, true));
    assertEquals(
        List.of("{\"name\":\"cid\",\"dept\":\"ops\"}"),
        people().filter(col("name").equalTo("cid")).toJSON().collectAsList());
  }

  @Test
  void tempViewsTablesAndPaths(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String table = dir.resolve("people").toString();
    people().createOrReplaceTempView("people");
    assertEquals(4, spark.table("people").count());
    assertTrue(spark.catalog().tableExists("people"));
    people().write().mode(SaveMode.Overwrite).format("delta").save(table);
    people().limit(1).write().mode("append").format("delta").save(table);
    assertEquals(5, spark.read().format("delta").load(table).count());
    Throwable e = assertThrows(AnalysisException.class, () -> people().write().save(table));
    assertEquals("PATH_ALREADY_EXISTS", ((AnalysisException) e).getCondition());
    Throwable missing = assertThrows(AnalysisException.class, () -> spark.table("nope"));
    assertEquals("TABLE_OR_VIEW_NOT_FOUND", ((AnalysisException) missing).getCondition());
  }

  @Test
  void groupByKeyTypedOperations() {
    Dataset<String> words =
        spark.createDataset(List.of("a", "bb", "cc", "d", "eee"), Encoders.STRING());
    org.apache.spark.sql.KeyValueGroupedDataset<Integer, String> byLength =
        words.groupByKey((MapFunction<String, Integer>) String::length, Encoders.INT());
    assertEquals(List.of(1, 2, 3), byLength.keys().collectAsList());
    Dataset<String> joined =
        byLength.mapGroups(
            (org.apache.spark.api.java.function.MapGroupsFunction<Integer, String, String>)
                (k, it) -> {
                  StringBuilder sb = new StringBuilder(k + ":");
                  it.forEachRemaining(sb::append);
                  return sb.toString();
                },
            Encoders.STRING());
    assertEquals(List.of("1:ad", "2:bbcc", "3:eee"), joined.collectAsList());
    List<scala.Tuple2<Integer, String>> reduced =
        byLength
            .reduceGroups(
                (org.apache.spark.api.java.function.ReduceFunction<String>) (x, y) -> x + y)
            .collectAsList();
    assertEquals(new scala.Tuple2<>(2, "bbcc"), reduced.get(1));
  }

  @Test
  void joinWithPairsBothSides() {
    Dataset<Row> p = people();
    Dataset<Row> d = depts();
    Dataset<scala.Tuple2<Row, Row>> pairs =
        p.joinWith(d, p.col("dept").equalTo(d.col("dept")), "left");
    assertEquals(List.of("_1", "_2"), Arrays.asList(pairs.columns()));
    List<scala.Tuple2<Row, Row>> rows = pairs.collectAsList();
    assertEquals(4, rows.size());
    assertEquals("ann", rows.get(0)._1().getString(0));
    assertEquals(1, rows.get(0)._2().getInt(1));
    assertEquals(null, rows.get(2)._2());
    Dataset<Long> a = spark.range(3);
    Dataset<Long> b = spark.range(1, 4);
    List<scala.Tuple2<Long, Long>> longs =
        a.joinWith(b, a.col("id").equalTo(b.col("id")), "inner").collectAsList();
    assertEquals(List.of(new scala.Tuple2<>(1L, 1L), new scala.Tuple2<>(2L, 2L)), longs);
  }
}
