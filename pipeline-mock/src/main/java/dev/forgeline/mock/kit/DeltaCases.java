package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.events;
import static dev.forgeline.mock.kit.Fixtures.nested;
import static dev.forgeline.mock.kit.Fixtures.nums;
import static dev.forgeline.mock.kit.Fixtures.people;
import static dev.forgeline.mock.kit.Fixtures.sales;
import static dev.forgeline.mock.kit.KitFiles.fresh;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Delta through the DataFrame API: save modes, versions, schema evolution, replaceWhere, idempotent
 * writes, partitions, and the errors for paths that are not Delta tables.
 */
final class DeltaCases {
  private DeltaCases() {}

  private static Dataset<Row> delta(SparkSession sp, String path) {
    return sp.read().format("delta").load(path);
  }

  private static String written(SparkSession sp, Dataset<Row> data) {
    String path = fresh("table");
    data.write().format("delta").save(path);
    return path;
  }

  static void addTo(CaseBook book) {
    CaseBook b = book.area("delta");
    b.rows("roundtrip", "a table written and read back", sp -> delta(sp, written(sp, people(sp))));
    b.rows("numbers", "every numeric type round trips", sp -> delta(sp, written(sp, nums(sp))));
    b.rows(
        "nested", "arrays, maps and structs round trip", sp -> delta(sp, written(sp, nested(sp))));
    b.rows("dates", "dates round trip", sp -> delta(sp, written(sp, events(sp))));
    b.rows(
        "empty",
        "an empty frame creates an empty table",
        sp -> delta(sp, written(sp, people(sp).limit(0))));
    b.rows(
        "append",
        "append adds a version with more rows",
        sp -> {
          String p = written(sp, sales(sp));
          sales(sp).limit(2).write().format("delta").mode("append").save(p);
          return delta(sp, p);
        });
    b.rows(
        "overwrite",
        "overwrite replaces the rows",
        sp -> {
          String p = written(sp, sales(sp));
          sales(sp).limit(2).write().format("delta").mode("overwrite").save(p);
          return delta(sp, p);
        });
    b.rows(
        "ignore",
        "ignore leaves an existing table alone",
        sp -> {
          String p = written(sp, sales(sp).limit(1));
          sales(sp).write().format("delta").mode("ignore").save(p);
          return delta(sp, p);
        });
    b.fails(
        "error-if-exists",
        "errorIfExists on an existing table fails",
        "DELTA_PATH_EXISTS",
        sp -> {
          String p = written(sp, sales(sp));
          sales(sp).write().format("delta").save(p);
          return delta(sp, p);
        });
    b.rows(
        "version-as-of",
        "versionAsOf reads an older version",
        sp -> {
          String p = written(sp, sales(sp));
          sales(sp).limit(1).write().format("delta").mode("overwrite").save(p);
          return sp.read().format("delta").option("versionAsOf", 0).load(p);
        });
    b.rows(
        "version-as-of-latest",
        "versionAsOf the latest version",
        sp -> {
          String p = written(sp, sales(sp));
          sales(sp).limit(1).write().format("delta").mode("append").save(p);
          return sp.read().format("delta").option("versionAsOf", 1).load(p);
        });
    b.fails(
        "version-not-found",
        "versionAsOf beyond the latest version fails",
        "DELTA_VERSION_NOT_FOUND",
        sp -> sp.read().format("delta").option("versionAsOf", 5).load(written(sp, sales(sp))));
    b.rows(
        "merge-schema",
        "mergeSchema appends a new column; old rows read it as null",
        sp -> {
          String p = written(sp, people(sp).select("id", "name"));
          people(sp)
              .select("id", "age")
              .write()
              .format("delta")
              .mode("append")
              .option("mergeSchema", "true")
              .save(p);
          return delta(sp, p);
        });
    b.fails(
        "schema-mismatch",
        "a new column without mergeSchema fails",
        "DELTA_METADATA_MISMATCH",
        sp -> {
          String p = written(sp, people(sp).select("id", "name"));
          people(sp).select("id", "age").write().format("delta").mode("append").save(p);
          return delta(sp, p);
        });
    b.rows(
        "fewer-columns",
        "appending fewer columns fills nulls",
        sp -> {
          String p = written(sp, people(sp));
          people(sp).select("id").write().format("delta").mode("append").save(p);
          return delta(sp, p);
        });
    b.rows(
        "by-name",
        "columns are matched by name, not position",
        sp -> {
          String p = written(sp, people(sp).select("id", "name"));
          people(sp).select("name", "id").write().format("delta").mode("append").save(p);
          return delta(sp, p);
        });
    b.rows(
        "overwrite-schema",
        "overwriteSchema replaces the columns",
        sp -> {
          String p = written(sp, people(sp));
          sales(sp)
              .write()
              .format("delta")
              .mode("overwrite")
              .option("overwriteSchema", "true")
              .save(p);
          return delta(sp, p);
        });
    b.rows(
        "replace-where",
        "replaceWhere replaces only the matching rows",
        sp -> {
          String p = written(sp, sales(sp));
          sales(sp)
              .filter(col("year").equalTo(2024))
              .withColumn("amount", lit(100L))
              .write()
              .format("delta")
              .mode("overwrite")
              .option("replaceWhere", "year = 2024")
              .save(p);
          return delta(sp, p);
        });
    b.fails(
        "replace-where-mismatch",
        "replaceWhere with rows outside the predicate fails",
        "DELTA_REPLACE_WHERE_MISMATCH",
        sp -> {
          String p = written(sp, sales(sp));
          sales(sp)
              .write()
              .format("delta")
              .mode("overwrite")
              .option("replaceWhere", "year = 2024")
              .save(p);
          return delta(sp, p);
        });
    b.rows(
        "partitioned",
        "partitionBy keeps the column order of the data",
        sp -> {
          String p = fresh("table");
          sales(sp).write().format("delta").partitionBy("region").save(p);
          return delta(sp, p);
        });
    b.rows(
        "partitioned-append",
        "appending to a partitioned table",
        sp -> {
          String p = fresh("table");
          sales(sp).write().format("delta").partitionBy("year").save(p);
          sales(sp).limit(3).write().format("delta").mode("append").save(p);
          return delta(sp, p).filter(col("year").equalTo(2023));
        });
    b.rows(
        "idempotent",
        "a second write with the same txnAppId and txnVersion is skipped",
        sp -> {
          String p = written(sp, sales(sp).limit(2));
          for (int i = 0; i < 2; i++) {
            sales(sp)
                .write()
                .format("delta")
                .mode("append")
                .option("txnAppId", "app")
                .option("txnVersion", 1)
                .save(p);
          }
          return delta(sp, p);
        });
    b.rows(
        "idempotent-next-version",
        "a higher txnVersion is written",
        sp -> {
          String p = written(sp, sales(sp).limit(2));
          for (int v = 1; v <= 2; v++) {
            sales(sp)
                .limit(1)
                .write()
                .format("delta")
                .mode("append")
                .option("txnAppId", "app")
                .option("txnVersion", v)
                .save(p);
          }
          return delta(sp, p);
        });
    b.fails(
        "not-a-delta-table",
        "a directory of parquet files read as delta fails",
        "DELTA_TABLE_NOT_FOUND",
        sp -> {
          String p = fresh("plain");
          sales(sp).write().parquet(p);
          return delta(sp, p);
        });
    b.fails(
        "missing-path",
        "a missing path read as delta fails",
        "PATH_NOT_FOUND",
        sp -> delta(sp, fresh("nope")));
    b.rows(
        "read-as-parquet",
        "the data files of an overwritten table read as plain parquet hold both versions",
        sp -> {
          String p = written(sp, sales(sp));
          sales(sp).limit(2).write().format("delta").mode("overwrite").save(p);
          return sp.read().parquet(p);
        });
    b.rows(
        "aggregate",
        "a query over a table",
        sp ->
            delta(sp, written(sp, sales(sp)))
                .groupBy("region")
                .agg(org.apache.spark.sql.functions.sum("amount").as("total")));
  }
}
