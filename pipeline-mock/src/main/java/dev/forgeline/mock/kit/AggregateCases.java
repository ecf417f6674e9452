package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.emptyPeople;
import static dev.forgeline.mock.kit.Fixtures.nums;
import static dev.forgeline.mock.kit.Fixtures.people;
import static dev.forgeline.mock.kit.Fixtures.sales;
import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.bool_and;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.corr;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.covar_pop;
import static org.apache.spark.sql.functions.covar_samp;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.grouping_id;
import static org.apache.spark.sql.functions.kurtosis;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.mean;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.mode;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.product;
import static org.apache.spark.sql.functions.skewness;
import static org.apache.spark.sql.functions.stddev;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.sum_distinct;
import static org.apache.spark.sql.functions.var_pop;
import static org.apache.spark.sql.functions.variance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/** Cases for groupBy/agg, global aggregates, aggregate functions, rollup, cube and pivot. */
final class AggregateCases {

  /**
   * Statistics whose last bits depend on how Spark splits rows into partitions and merges partial
   * results, so they are compared with a relative tolerance of 1e-12.
   */
  private static final java.util.Set<String> MOMENTS =
      java.util.Set.of("stddev", "stddev-pop", "variance", "var-pop");

  private AggregateCases() {}

  static void addTo(CaseBook book) {
    functions(book.area("aggregates"));
    groupBy(book.area("groupby"));
    multi(book.area("rollup-cube-pivot"));
  }

  private static void functions(CaseBook b) {
    Map<String, Function<String, Column>> fns = new LinkedHashMap<>();
    fns.put("count", c -> count(col(c)));
    fns.put("count-distinct", c -> countDistinct(col(c)));
    fns.put("sum", c -> sum(col(c)));
    fns.put("sum-distinct", c -> sum_distinct(col(c)));
    fns.put("avg", c -> avg(col(c)));
    fns.put("mean", c -> mean(col(c)));
    fns.put("min", c -> min(col(c)));
    fns.put("max", c -> max(col(c)));
    fns.put("first", c -> first(col(c)));
    fns.put("first-ignore-nulls", c -> first(col(c), true));
    fns.put("last-ignore-nulls", c -> last(col(c), true));
    fns.put("stddev", c -> stddev(col(c)));
    fns.put("stddev-pop", c -> stddev_pop(col(c)));
    fns.put("variance", c -> variance(col(c)));
    fns.put("var-pop", c -> var_pop(col(c)));
    fns.put("approx-count-distinct", c -> approx_count_distinct(col(c)));
    fns.put("collect-list-sorted", c -> array_sort(collect_list(col(c))));
    fns.put("collect-set-sorted", c -> array_sort(collect_set(col(c))));
    fns.put("median", c -> median(col(c)));
    fns.put("product", c -> product(col(c)));
    for (Map.Entry<String, Function<String, Column>> fn : fns.entrySet()) {
      for (String column : List.of("i", "l", "d", "dec")) {
        if (fn.getKey().startsWith("first") && !column.equals("i")) {
          continue;
        }
        KitProgram program =
            sp -> nums(sp).filter(col("i").lt(1000)).agg(fn.getValue().apply(column));
        String name = fn.getKey() + "-" + column;
        String description = fn.getKey() + "(" + column + ") over all rows";
        if (MOMENTS.contains(fn.getKey())) {
          b.approx(
              name, description + " (last bits depend on Spark's partitioning)", 1e-12, program);
        } else {
          b.rows(name, description, program);
        }
      }
    }
    b.rows(
        "count-star", "count(*) counts nulls too", sp -> nums(sp).agg(count(lit(1)), count("*")));
    b.rows(
        "count-strings",
        "count and countDistinct of strings with nulls",
        sp -> people(sp).agg(count("dept"), countDistinct(col("dept"))));
    b.rows(
        "count-distinct-two",
        "countDistinct of two columns skips rows with a null",
        sp -> people(sp).agg(countDistinct(col("dept"), col("age"))));
    b.rows(
        "min-max-strings",
        "min and max of strings",
        sp -> people(sp).agg(min("name"), max("name")));
    b.rows(
        "min-max-dates", "min and max of dates", sp -> Fixtures.events(sp).agg(min("d"), max("d")));
    b.rows(
        "bool-and-or",
        "bool_and and bool_or",
        sp -> people(sp).agg(bool_and(col("age").gt(20)), bool_or(col("age").gt(50))));
    b.rows("count-if", "count_if", sp -> people(sp).agg(count_if(col("age").gt(30))));
    b.rows(
        "max-by-min-by",
        "max_by and min_by",
        sp ->
            people(sp).agg(max_by(col("name"), col("salary")), min_by(col("name"), col("salary"))));
    b.approx(
        "corr-covar",
        "corr, covar_pop, covar_samp",
        1e-12,
        sp ->
            people(sp)
                .agg(
                    corr("age", "salary"),
                    covar_pop(col("age"), col("salary")),
                    covar_samp("age", "salary")));
    b.approx(
        "skew-kurt",
        "skewness and kurtosis",
        1e-12,
        sp -> people(sp).agg(skewness("salary"), kurtosis("salary")));
    b.rows(
        "percentile", "exact percentile", sp -> people(sp).agg(percentile(col("age"), lit(0.5))));
    b.rows("mode", "mode of ages", sp -> people(sp).agg(mode(col("age"))));
    b.rows(
        "empty-global",
        "aggregates over no rows: count 0, others null",
        sp -> emptyPeople(sp).agg(count("id"), sum("age"), avg("salary"), max("name")));
    b.rows("sum-overflow-long", "sum of ints is a bigint", sp -> nums(sp).agg(sum("i")));
    b.fails(
        "sum-long-overflow",
        "sum of bigints overflowing raises ARITHMETIC_OVERFLOW",
        "ARITHMETIC_OVERFLOW",
        sp -> sp.range(3).select(lit(Long.MAX_VALUE).as("x")).agg(sum("x")));
    b.fails(
        "sum-of-strings",
        "sum of a string column that is not numeric",
        "CAST_INVALID_INPUT",
        sp -> people(sp).agg(sum("name")));
    b.fails(
        "avg-of-array",
        "avg of an array column",
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        sp -> Fixtures.nested(sp).agg(avg("arr")));
  }

  private static void groupBy(CaseBook b) {
    b.rows(
        "count",
        "groupBy(dept).count() with a null group",
        sp -> people(sp).groupBy("dept").count());
    b.rows(
        "agg-several",
        "groupBy with several aggregates",
        sp -> people(sp).groupBy(col("dept")).agg(count("id").as("n"), avg("salary"), max("age")));
    b.rows(
        "two-keys",
        "groupBy two keys",
        sp -> sales(sp).groupBy("region", "year").agg(sum("amount")));
    b.rows(
        "expression-key",
        "groupBy an expression",
        sp -> people(sp).groupBy(col("age").gt(30).as("older")).count());
    b.rows("sum-shortcut", "groupBy().sum(col)", sp -> sales(sp).groupBy("region").sum("amount"));
    b.rows("avg-shortcut", "groupBy().avg(col)", sp -> people(sp).groupBy("dept").avg("salary"));
    b.rows(
        "max-min-shortcut",
        "groupBy().max and min",
        sp ->
            sales(sp)
                .groupBy("product")
                .max("amount")
                .join(sales(sp).groupBy("product").min("amount"), "product"));
    b.rows(
        "mean-all-numeric",
        "groupBy().mean() with no columns averages every numeric column",
        sp -> people(sp).groupBy("dept").mean());
    b.rows(
        "agg-map",
        "agg(Map) with function names",
        sp -> people(sp).groupBy("dept").agg(Map.of("salary", "max")));
    b.rows(
        "global-agg",
        "agg without groupBy",
        sp -> people(sp).agg(sum("salary").as("total"), count(lit(1)).as("n")));
    b.rows(
        "empty-group",
        "groupBy on an empty frame has no rows",
        sp -> emptyPeople(sp).groupBy("dept").count());
    b.rows(
        "empty-groupby-keys",
        "groupBy() with no keys is global",
        sp -> people(sp).groupBy().count());
    b.rows(
        "group-then-filter",
        "filter on an aggregate (HAVING)",
        sp -> people(sp).groupBy("dept").agg(count("id").as("n")).filter(col("n").gt(1)));
    b.rows(
        "group-then-order",
        "aggregate then order",
        sp -> sales(sp).groupBy("product").agg(sum("amount").as("t")).orderBy(col("t").desc()));
    b.rows(
        "collect-list-per-group",
        "collect_list per group (sorted)",
        sp -> people(sp).groupBy("dept").agg(array_sort(collect_list("name"))));
    b.rows(
        "group-by-case-insensitive",
        "group key resolved case-insensitively",
        sp -> people(sp).groupBy("DEPT").count());
    b.fails(
        "unknown-key",
        "groupBy an unknown column",
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        sp -> people(sp).groupBy("dpt").count());
    b.fails(
        "non-grouped-column",
        "selecting a non-grouped column in agg",
        "MISSING_AGGREGATION",
        sp -> people(sp).groupBy("dept").agg(col("name")));
    b.fails(
        "nested-aggregate",
        "an aggregate inside an aggregate",
        "NESTED_AGGREGATE_FUNCTION",
        sp -> people(sp).agg(sum(max("age"))));
    b.fails(
        "shortcut-non-numeric",
        "groupBy().sum of a string column",
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        sp -> people(sp).groupBy("dept").sum("nme"));
  }

  private static void multi(CaseBook b) {
    b.rows(
        "rollup",
        "rollup(region, year) adds subtotals and a grand total",
        sp -> sales(sp).rollup("region", "year").agg(sum("amount")));
    b.rows(
        "cube",
        "cube(region, product) adds every combination",
        sp -> sales(sp).cube("region", "product").agg(sum("amount")));
    b.rows(
        "rollup-grouping-id",
        "grouping_id and grouping in a rollup",
        sp -> sales(sp).rollup("region", "year").agg(grouping_id(), grouping("year"), count("*")));
    b.rows("cube-count", "cube().count()", sp -> sales(sp).cube("year").count());
    b.rows(
        "pivot-values",
        "pivot with explicit values",
        sp ->
            sales(sp).groupBy("region").pivot("product", List.of("apples", "pears")).sum("amount"));
    b.rows(
        "pivot-inferred",
        "pivot with inferred values in sorted order",
        sp -> sales(sp).groupBy("year").pivot("product").sum("amount"));
    b.rows(
        "pivot-two-aggs",
        "pivot with two aggregates names columns value_agg",
        sp ->
            sales(sp)
                .groupBy("year")
                .pivot("region", List.of("north", "south"))
                .agg(sum("amount"), count("amount")));
    b.rows(
        "pivot-missing-value",
        "pivot on a value with no rows gives null",
        sp -> sales(sp).groupBy("region").pivot("year", List.of(2023, 2024, 2025)).sum("amount"));
    b.rows(
        "pivot-null-key",
        "pivot includes a null value as a column 'null'",
        sp -> sales(sp).groupBy("year").pivot("region").count());
    b.rows(
        "rollup-empty",
        "rollup on an empty frame yields only the grand total",
        sp -> emptyPeople(sp).rollup("dept").count());
  }
}
