package dev.forgeline.core.connector;

import io.delta.tables.DeltaTable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Delta's MERGE through its own API; kept apart so Delta's classes load only for upserts. */
final class DeltaMerge {
  private DeltaMerge() {}

  static void upsert(SparkSession spark, ConnectorSpec spec, Dataset<Row> updates) {
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
    String on =
        spec.keys().stream()
            .map(k -> "target.`" + k + "` = updates.`" + k + "`")
            .collect(Collectors.joining(" AND "));
    target
        .as("target")
        .merge(updates.as("updates"), on)
        .whenMatched()
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute();
  }

  private static boolean exists(SparkSession spark, ConnectorSpec spec) {
    return spec.path().isPresent()
        ? DeltaTable.isDeltaTable(spark, spec.path().get())
        : spark.catalog().tableExists(spec.table().orElseThrow());
  }
}
