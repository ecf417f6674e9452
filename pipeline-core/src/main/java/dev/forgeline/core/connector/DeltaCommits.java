package dev.forgeline.core.connector;

import dev.forgeline.core.spi.StepContext;
import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a Delta write's table version and row count into the running step's report, from the
 * table's newest commit (its commit info carries Delta's own operation metrics). Reading the
 * history is a read of the transaction log, not a Spark job over the data. Kept apart so Delta's
 * classes load only for Delta connectors.
 */
final class DeltaCommits {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaCommits.class);

  private DeltaCommits() {}

  static void record(SparkSession spark, ConnectorSpec spec) {
    StepContext step = StepContext.current().orElse(null);
    if (step == null) {
      return;
    }
    String table = spec.path().orElseGet(() -> spec.table().orElseThrow());
    try {
      DeltaTable delta =
          spec.path().isPresent()
              ? DeltaTable.forPath(spark, spec.path().get())
              : DeltaTable.forName(spark, spec.table().orElseThrow());
      List<Row> last = delta.history(1).select("version", "operationMetrics").collectAsList();
      if (last.isEmpty()) {
        return;
      }
      Row commit = last.get(0);
      step.recordTableVersion(table, commit.getLong(0));
      java.util.Map<String, String> metrics = commit.isNullAt(1) ? null : commit.getJavaMap(1);
      if (metrics != null && metrics.get("numOutputRows") != null) {
        step.recordRowsWritten(Long.parseLong(metrics.get("numOutputRows")));
      }
    } catch (RuntimeException | LinkageError e) {
      // A backend without Delta's Java API (Spark Connect, the mock): the report leaves it unknown.
      LOG.debug("No Delta commit metrics for connector [{}]: {}", spec.name(), e.toString());
    }
  }
}
