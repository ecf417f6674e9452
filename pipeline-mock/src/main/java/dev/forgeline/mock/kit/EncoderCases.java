package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.people;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Cases for typed datasets and Java code: Java beans, {@code Encoders}, {@code as(Encoder)}, typed
 * map, inline Java UDFs, and cache/persist keeping results.
 */
final class EncoderCases {

  private EncoderCases() {}

  static Dataset<Row> beans(SparkSession sp) {
    return sp.createDataFrame(
        List.of(
            new KitBean("ann", 3, 61.5), new KitBean("bo", 7, null), new KitBean(null, 0, 80.0)),
        KitBean.class);
  }

  static void addTo(CaseBook book) {
    CaseBook b = book.area("encoders");
    b.rows(
        "bean-frame",
        "createDataFrame from Java beans orders columns by name",
        EncoderCases::beans);
    b.rows(
        "bean-dataset",
        "createDataset with a bean encoder, then toDF",
        sp ->
            sp.createDataset(List.of(new KitBean("x", 1, 2.0)), Encoders.bean(KitBean.class))
                .toDF());
    b.rows(
        "strings-dataset",
        "createDataset of strings is a single column named value",
        sp -> sp.createDataset(Arrays.asList("b", "a", null), Encoders.STRING()).toDF());
    b.rows(
        "longs-dataset",
        "createDataset of longs",
        sp -> sp.createDataset(List.of(3L, 1L), Encoders.LONG()).toDF());
    b.rows(
        "as-bean-roundtrip",
        "as(bean encoder) then map over beans",
        sp ->
            beans(sp)
                .as(Encoders.bean(KitBean.class))
                .map((MapFunction<KitBean, Integer>) k -> k.getScore() * 2, Encoders.INT())
                .toDF());
    b.rows(
        "as-bean-then-filter",
        "a typed filter over beans keeps the bean schema",
        sp ->
            beans(sp)
                .as(Encoders.bean(KitBean.class))
                .filter(
                    (org.apache.spark.api.java.function.FilterFunction<KitBean>)
                        k -> k.getScore() > 1)
                .toDF());
    b.fails(
        "as-bean-missing-field",
        "as(bean) on a frame lacking a bean property",
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        sp -> people(sp).as(Encoders.bean(KitBean.class)).toDF());
    b.rows(
        "range-as-long",
        "range() is a Dataset<Long> mapped with a Java function",
        sp -> sp.range(4).map((MapFunction<Long, Long>) v -> v * v, Encoders.LONG()).toDF());
    UserDefinedFunction plusOne =
        udf((UDF1<Integer, Integer>) x -> x == null ? null : x + 1, DataTypes.IntegerType);
    UserDefinedFunction join =
        udf((UDF2<String, String, String>) (x, y) -> x + "/" + y, DataTypes.StringType);
    b.rows(
        "udf1",
        "an inline Java UDF of one argument",
        sp -> people(sp).select(plusOne.apply(col("age"))));
    b.rows(
        "udf1-named",
        "a named inline Java UDF",
        sp -> people(sp).select(plusOne.withName("plus_one").apply(col("id"))));
    b.rows(
        "udf2",
        "an inline Java UDF of two arguments (nulls passed through as 'null')",
        sp -> people(sp).select(join.apply(col("name"), col("dept"))));
    b.rows(
        "udf-in-filter",
        "a UDF inside filter",
        sp -> people(sp).filter(plusOne.apply(col("id")).gt(4)));
    b.rows(
        "udf-literal",
        "a UDF over a literal",
        sp -> people(sp).select(plusOne.apply(lit(41))).limit(1));
    b.rows(
        "cache",
        "cache() keeps the result",
        sp -> people(sp).filter(col("age").gt(30)).cache().select("name"));
    b.rows(
        "persist-unpersist",
        "persist() then unpersist() keeps the result",
        sp -> people(sp).persist().unpersist().groupBy("dept").count());
  }
}
