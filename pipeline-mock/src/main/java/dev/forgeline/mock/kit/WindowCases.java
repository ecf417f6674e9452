package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.people;
import static dev.forgeline.mock.kit.Fixtures.sales;
import static org.apache.spark.sql.functions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/** Cases for window functions: ranking, offsets, and aggregates over row and range frames. */
final class WindowCases {

  private WindowCases() {}

  static void addTo(CaseBook book) {
    CaseBook b = book.area("windows");
    WindowSpec byDept = Window.partitionBy("dept").orderBy(col("age").asc_nulls_last(), col("id"));
    Map<String, Column> ranking = new LinkedHashMap<>();
    ranking.put("row-number", row_number().over(byDept));
    ranking.put("rank", rank().over(Window.partitionBy("dept").orderBy("age")));
    ranking.put("dense-rank", dense_rank().over(Window.orderBy("age")));
    ranking.put("percent-rank", percent_rank().over(Window.orderBy("age")));
    ranking.put("cume-dist", cume_dist().over(Window.orderBy("age")));
    ranking.put("ntile-2", ntile(2).over(Window.orderBy("id")));
    ranking.put("ntile-4", ntile(4).over(Window.orderBy("id")));
    ranking.put("lag", lag("salary", 1).over(Window.orderBy("id")));
    ranking.put("lag-2-default", lag(col("age"), 2, -1).over(Window.orderBy("id")));
    ranking.put("lead", lead("name", 1).over(Window.orderBy("id")));
    ranking.put("lead-partitioned", lead("id", 1).over(byDept));
    ranking.put("lag-ignore-nulls", lag(col("age"), 1, null, true).over(Window.orderBy("id")));
    ranking.put("nth-value", nth_value(col("name"), 2).over(Window.orderBy("id")));
    ranking.put("first-value", first("name").over(byDept));
    ranking.put("last-value-running", last("name").over(byDept));
    ranking.put("sum-partition", sum("salary").over(Window.partitionBy("dept")));
    ranking.put("count-partition", count("*").over(Window.partitionBy("dept")));
    ranking.put("avg-partition", avg("age").over(Window.partitionBy("dept")));
    ranking.put("running-sum", sum("id").over(Window.orderBy("id")));
    ranking.put("running-sum-ties", sum("id").over(Window.orderBy("age")));
    ranking.put("rows-between", sum("id").over(Window.orderBy("id").rowsBetween(-1, 1)));
    ranking.put(
        "rows-unbounded",
        sum("id")
            .over(
                Window.orderBy("id")
                    .rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
    ranking.put(
        "rows-following",
        max("age")
            .over(
                Window.orderBy("id")
                    .rowsBetween(Window.currentRow(), Window.unboundedFollowing())));
    ranking.put("range-between", count("*").over(Window.orderBy("age").rangeBetween(-5, 5)));
    ranking.put(
        "range-current",
        sum("id")
            .over(
                Window.orderBy("age")
                    .rangeBetween(Window.unboundedPreceding(), Window.currentRow())));
    ranking.put(
        "min-frame",
        min("salary").over(Window.partitionBy("dept").orderBy("id").rowsBetween(-1, 0)));
    ranking.put(
        "collect-list-frame", collect_list("id").over(Window.orderBy("id").rowsBetween(-2, 0)));
    ranking.put("max-no-order", max("salary").over(Window.partitionBy("dept")));
    ranking.put("row-number-desc", row_number().over(Window.orderBy(col("salary").desc())));
    for (Map.Entry<String, Column> w : ranking.entrySet()) {
      b.rows(
          w.getKey(),
          w.getKey() + " over people",
          sp -> people(sp).select(col("id"), col("dept"), col("age"), w.getValue()));
    }
    b.rows(
        "top-per-group",
        "row_number to keep the top sale per region",
        sp ->
            sales(sp)
                .withColumn(
                    "r",
                    row_number().over(Window.partitionBy("region").orderBy(col("amount").desc())))
                .filter(col("r").equalTo(1)));
    b.rows(
        "share-of-total",
        "a value divided by its partition total",
        sp ->
            sales(sp)
                .select(
                    col("region"),
                    col("amount"),
                    col("amount").divide(sum("amount").over(Window.partitionBy("region")))));
    b.rows(
        "window-with-group",
        "window over an aggregated frame",
        sp ->
            sales(sp)
                .groupBy("region")
                .agg(sum("amount").as("t"))
                .withColumn("rk", rank().over(Window.orderBy(col("t").desc()))));
    b.fails(
        "rank-without-order",
        "rank() needs an ordered window",
        "_LEGACY_ERROR_TEMP_1037",
        sp -> people(sp).select(rank().over(Window.partitionBy("dept"))));
    b.fails(
        "range-on-strings",
        "a range frame over a string order",
        "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE",
        sp -> people(sp).select(sum("id").over(Window.orderBy("name").rangeBetween(-1, 1))));
    b.fails(
        "window-in-filter",
        "a window function in filter",
        "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE",
        sp -> people(sp).filter(row_number().gt(1)));
    RankFilterCases.addTo(book);
  }
}
