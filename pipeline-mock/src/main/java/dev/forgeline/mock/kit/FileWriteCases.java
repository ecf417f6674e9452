package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.events;
import static dev.forgeline.mock.kit.Fixtures.nested;
import static dev.forgeline.mock.kit.Fixtures.nums;
import static dev.forgeline.mock.kit.Fixtures.people;
import static dev.forgeline.mock.kit.Fixtures.sales;
import static dev.forgeline.mock.kit.Fixtures.texts;
import static dev.forgeline.mock.kit.KitFiles.file;
import static dev.forgeline.mock.kit.KitFiles.fresh;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_timestamp;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writing and reading back: json, text and parquet round trips, the save modes on each format,
 * partitionBy with partition discovery, and what one format's files look like to another reader.
 */
final class FileWriteCases {
  private FileWriteCases() {}

  static void addTo(CaseBook book) {
    roundTrips(book.area("files-roundtrip"));
    modes(book.area("files-modes"));
    partitions(book.area("files-partition"));
  }

  /** Writes {@code data} as {@code format} to a fresh path and reads it back. */
  private static Dataset<Row> roundTrip(
      SparkSession sp, Dataset<Row> data, String format, String... options) {
    String path = fresh("out");
    var w = data.write().format(format);
    for (int i = 0; i + 1 < options.length; i += 2) {
      w = w.option(options[i], options[i + 1]);
    }
    w.save(path);
    var r = sp.read().format(format);
    for (int i = 0; i + 1 < options.length; i += 2) {
      r = r.option(options[i], options[i + 1]);
    }
    return r.load(path);
  }

  private static void roundTrips(CaseBook b) {
    List<String> formats = List.of("parquet", "json", "csv");
    Function<SparkSession, Dataset<Row>> eventsTs =
        sp -> events(sp).withColumn("ts", to_timestamp(col("ts")));
    for (String f : formats) {
      String[] opts =
          f.equals("csv") ? new String[] {"header", "true", "inferSchema", "true"} : new String[0];
      b.rows(f + "-people", f + " round trip of people", sp -> roundTrip(sp, people(sp), f, opts));
      b.rows(f + "-sales", f + " round trip of sales", sp -> roundTrip(sp, sales(sp), f, opts));
      b.rows(
          f + "-events",
          f + " round trip of dates and timestamps",
          sp -> roundTrip(sp, eventsTs.apply(sp), f, opts));
      b.rows(
          f + "-empty",
          f + " round trip of an empty frame",
          sp -> {
            Dataset<Row> back = roundTrip(sp, people(sp).limit(0), f, opts);
            return f.equals("json") ? back : back.select("id");
          });
    }
    b.rows(
        "parquet-nums",
        "parquet keeps every numeric type",
        sp -> roundTrip(sp, nums(sp), "parquet"));
    b.rows("json-nums", "json widens numbers on read", sp -> roundTrip(sp, nums(sp), "json"));
    b.rows(
        "parquet-nested",
        "parquet keeps arrays, maps and structs",
        sp -> roundTrip(sp, nested(sp), "parquet"));
    b.rows(
        "json-nested",
        "json reads structs back with sorted fields and maps as structs",
        sp -> roundTrip(sp, nested(sp).drop("m"), "json"));
    b.rows(
        "parquet-texts",
        "parquet keeps unicode and empty strings",
        sp -> roundTrip(sp, texts(sp), "parquet"));
    b.rows(
        "csv-texts",
        "csv writes empty strings quoted and nulls empty",
        sp -> roundTrip(sp, texts(sp), "csv"));
    b.rows(
        "parquet-uncompressed",
        "parquet with compression=none",
        sp -> roundTrip(sp, people(sp), "parquet", "compression", "none"));
    b.rows(
        "parquet-gzip",
        "parquet with compression=gzip",
        sp -> roundTrip(sp, people(sp), "parquet", "compression", "gzip"));
    b.rows(
        "csv-sep-roundtrip",
        "csv written and read with sep=|",
        sp -> roundTrip(sp, people(sp), "csv", "sep", "|", "header", "true"));
    b.rows(
        "csv-as-text",
        "csv output read as text shows Spark's quoting and formats",
        sp -> {
          String path = fresh("out");
          texts(sp).write().csv(path);
          return sp.read().text(path);
        });
    b.rows(
        "csv-timestamps-as-text",
        "csv output of dates and timestamps read as text",
        sp -> {
          String path = fresh("out");
          eventsTs.apply(sp).coalesce(1).write().option("header", "true").csv(path);
          return sp.read().text(path);
        });
    b.rows(
        "json-as-text",
        "json output read as text: nulls omitted",
        sp -> {
          String path = fresh("out");
          people(sp).write().json(path);
          return sp.read().text(path);
        });
    b.rows(
        "parquet-column-subset",
        "selecting some columns of a parquet read",
        sp -> roundTrip(sp, people(sp), "parquet").select("name", "id").filter(col("id").gt(2)));
    b.rows(
        "parquet-merge-schema",
        "mergeSchema unions the columns of two parquet writes",
        sp -> {
          String path = fresh("out");
          people(sp).select("id", "name").write().parquet(path + "/k=1");
          people(sp).select("id", "age").write().parquet(path + "/k=2");
          return sp.read().option("mergeSchema", "true").parquet(path);
        });
    b.fails(
        "parquet-missing",
        "reading a missing parquet path fails",
        "PATH_NOT_FOUND",
        sp -> sp.read().parquet(fresh("nope")));
    b.fails(
        "parquet-empty-dir",
        "an empty directory has no schema to infer",
        "UNABLE_TO_INFER_SCHEMA",
        sp -> sp.read().parquet(KitFiles.dir().toString()));
    b.fails(
        "json-empty-dir",
        "an empty directory has no json schema to infer",
        "UNABLE_TO_INFER_SCHEMA",
        sp -> sp.read().json(KitFiles.dir().toString()));
  }

  private static void modes(CaseBook b) {
    for (String f : List.of("parquet", "json", "csv")) {
      b.rows(
          f + "-append",
          f + " append adds the rows again",
          sp -> {
            String path = fresh("out");
            sales(sp).write().format(f).save(path);
            sales(sp).write().format(f).mode("append").save(path);
            return sp.read().format(f).load(path);
          });
      b.rows(
          f + "-overwrite",
          f + " overwrite replaces the rows",
          sp -> {
            String path = fresh("out");
            sales(sp).write().format(f).save(path);
            sales(sp).limit(2).write().format(f).mode(SaveMode.Overwrite).save(path);
            return sp.read().format(f).load(path);
          });
      b.rows(
          f + "-ignore",
          f + " ignore leaves existing data alone",
          sp -> {
            String path = fresh("out");
            sales(sp).limit(3).write().format(f).save(path);
            sales(sp).write().format(f).mode("ignore").save(path);
            return sp.read().format(f).load(path);
          });
      b.fails(
          f + "-error-if-exists",
          f + " errorIfExists (the default) fails on an existing path",
          "PATH_ALREADY_EXISTS",
          sp -> {
            String path = fresh("out");
            sales(sp).write().format(f).save(path);
            sales(sp).write().format(f).save(path);
            return sp.read().format(f).load(path);
          });
      b.rows(
          f + "-ignore-new-path",
          f + " ignore writes to a new path",
          sp -> {
            String path = fresh("out");
            sales(sp).write().format(f).mode("ignore").save(path);
            return sp.read().format(f).load(path);
          });
    }
    b.rows(
        "default-format-parquet",
        "save without a format writes parquet",
        sp -> {
          String path = fresh("out");
          people(sp).write().save(path);
          return sp.read().parquet(path);
        });
    b.rows(
        "overwrite-file-path",
        "overwrite replaces a plain file with a directory",
        sp -> {
          String path = file("x.parquet", "not parquet");
          people(sp).write().mode("overwrite").parquet(path);
          return sp.read().parquet(path);
        });
  }

  private static void partitions(CaseBook b) {
    b.rows(
        "one-column",
        "partitionBy(region) moves region last and reads it back",
        sp -> {
          String path = fresh("out");
          sales(sp).write().partitionBy("region").parquet(path);
          return sp.read().parquet(path);
        });
    b.rows(
        "two-columns",
        "partitionBy(region, year) nests directories; year infers as int",
        sp -> {
          String path = fresh("out");
          sales(sp).write().partitionBy("region", "year").parquet(path);
          return sp.read().parquet(path);
        });
    b.rows(
        "csv-partitioned",
        "csv partitioned by year",
        sp -> {
          String path = fresh("out");
          sales(sp).write().partitionBy("year").option("header", "true").csv(path);
          return sp.read().option("header", "true").csv(path);
        });
    b.rows(
        "json-partitioned",
        "json partitioned by product",
        sp -> {
          String path = fresh("out");
          sales(sp).write().partitionBy("product").json(path);
          return sp.read().json(path);
        });
    b.rows(
        "null-partition",
        "a null partition value round trips as null",
        sp -> {
          String path = fresh("out");
          people(sp).write().partitionBy("dept").parquet(path);
          return sp.read().parquet(path);
        });
    b.rows(
        "date-partition",
        "a date partition value infers as date",
        sp -> {
          String path = fresh("out");
          events(sp).write().partitionBy("d").parquet(path);
          return sp.read().parquet(path);
        });
    b.rows(
        "special-characters",
        "partition values with / : = and spaces are escaped and read back",
        sp -> {
          String path = fresh("out");
          Fixtures.texts(sp)
              .filter(col("s").isNotNull())
              .union(
                  sp.createDataFrame(
                      List.of(
                          org.apache.spark.sql.RowFactory.create(7, "a/b"),
                          org.apache.spark.sql.RowFactory.create(8, "x:y=z"),
                          org.apache.spark.sql.RowFactory.create(9, "50%")),
                      Fixtures.TEXTS))
              .write()
              .partitionBy("s")
              .parquet(path);
          return sp.read().parquet(path);
        });
    b.rows(
        "double-partition",
        "a double partition value infers as double",
        sp -> {
          String path = fresh("out");
          people(sp).select("id", "salary").write().partitionBy("salary").parquet(path);
          return sp.read().parquet(path);
        });
    b.rows(
        "one-partition-dir",
        "reading one partition directory gives no partition column",
        sp -> {
          String path = fresh("out");
          sales(sp).write().partitionBy("region").parquet(path);
          return sp.read().parquet(path + "/region=north");
        });
    b.rows(
        "partition-filter",
        "filtering on a partition column",
        sp -> {
          String path = fresh("out");
          sales(sp).write().partitionBy("year").parquet(path);
          return sp.read().parquet(path).filter(col("year").equalTo(2024));
        });
    b.rows(
        "append-partitioned",
        "appending to a partitioned directory",
        sp -> {
          String path = fresh("out");
          sales(sp).write().partitionBy("year").parquet(path);
          sales(sp).limit(2).write().mode("append").partitionBy("year").parquet(path);
          return sp.read().parquet(path);
        });
    b.fails(
        "all-columns",
        "partitioning by every column is rejected",
        "ALL_PARTITION_COLUMNS_NOT_ALLOWED",
        sp -> {
          String path = fresh("out");
          Fixtures.depts(sp).write().partitionBy("dept", "floor").parquet(path);
          return sp.read().parquet(path);
        });
    b.rows(
        "hand-made-dirs",
        "partition discovery of hand-made key=value directories",
        sp -> {
          java.nio.file.Path d = KitFiles.dir();
          KitFiles.write(d, "k=1/a.csv", "x\n");
          KitFiles.write(d, "k=2/b.csv", "y\n");
          KitFiles.write(d, "k=300000000000/c.csv", "z\n");
          return sp.read().csv(d.toString());
        });
  }
}
