package dev.forgeline.core.connector;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Delta's MERGE through its own API; kept apart so Delta's classes load only for upserts.
 *
 * <p>The join condition is built as Columns, never as SQL text: each key is quoted as one
 * identifier (backticks doubled) and must name a column of both sides, checked before anything is
 * written.
 */
final class DeltaMerge {
  private DeltaMerge() {}

  static void upsert(SparkSession spark, ConnectorSpec spec, Dataset<Row> updates) {
    boolean caseSensitive =
        Boolean.parseBoolean(spark.conf().get("spark.sql.caseSensitive", "false"));
    requireColumns(spec, "the incoming data", updates.columns(), caseSensitive);
    if (!exists(spark, spec)) {
      var writer = updates.write().format("delta").mode("errorifexists").options(spec.options());
      if (!spec.partitionBy().isEmpty()) {
        writer = writer.partitionBy(spec.partitionBy().toArray(String[]::new));
      }
      if (spec.path().isPresent()) {
        writer.save(spec.path().get());
      } else {
        writer.saveAsTable(spec.table().orElseThrow());
      }
      return;
    }
    DeltaTable target =
        spec.path().isPresent()
            ? DeltaTable.forPath(spark, spec.path().get())
            : DeltaTable.forName(spark, spec.table().orElseThrow());
    requireColumns(spec, "the target table", target.toDF().columns(), caseSensitive);
    target
        .as("target")
        .merge(updates.as("updates"), condition(spec.keys()))
        .whenMatched()
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute();
  }

  /** {@code target.k1 = updates.k1 AND ...}, each key one quoted identifier. */
  static Column condition(List<String> keys) {
    Column on = null;
    for (String k : keys) {
      Column eq = functions.col("target." + quote(k)).equalTo(functions.col("updates." + quote(k)));
      on = on == null ? eq : on.and(eq);
    }
    return on;
  }

  /** One identifier in backticks, backticks inside doubled: Spark reads it back as {@code name}. */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** Every key must name a column of {@code side}; otherwise nothing is written. */
  static void requireColumns(
      ConnectorSpec spec, String side, String[] columns, boolean caseSensitive) {
    List<String> missing = new ArrayList<>();
    for (String k : spec.keys()) {
      boolean found =
          Arrays.stream(columns)
              .anyMatch(
                  c ->
                      caseSensitive
                          ? c.equals(k)
                          : c.toLowerCase(Locale.ROOT).equals(k.toLowerCase(Locale.ROOT)));
      if (!found) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      throw ConnectorException.badKeys(spec, side, missing, Arrays.asList(columns));
    }
  }

  private static boolean exists(SparkSession spark, ConnectorSpec spec) {
    return spec.path().isPresent()
        ? DeltaTable.isDeltaTable(spark, spec.path().get())
        : spark.catalog().tableExists(spec.table().orElseThrow());
  }
}
