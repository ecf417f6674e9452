package dev.forgeline.writer;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The log's Delta table through the DataFrame API alone ({@code format("delta")} with the {@code
 * txnAppId}/{@code txnVersion} and {@code mergeSchema} writer options), for sessions that are not
 * classic Spark, such as the mock: Delta's {@code DeltaTable} needs a classic session. Only a path
 * is supported here; a catalog table name is refused with a clear error.
 */
final class FrameLogTable implements LogTable {
  private final SparkSession spark;
  private final LogTarget target;
  private final List<String> partitionBy;

  FrameLogTable(SparkSession spark, LogTarget target, List<String> partitionBy) {
    this.spark = spark;
    this.target = target;
    this.partitionBy = List.copyOf(partitionBy);
  }

  private String path() {
    if (target.isTable()) {
      throw new LogException(
          WriterError.LOG_CONFIG,
          "A run log in a catalog table needs Delta's DeltaTable, which needs a classic Spark"
              + " session; this session is a "
              + spark.getClass().getName()
              + ".",
          target.toString(),
          List.of("found: table [" + target.tableName() + "]"),
          "Set forgeline.log.path (or LogWriter.builder(spark).path(...)) where the log is written"
              + " on this backend, for example in tests on the mock.",
          null);
    }
    return target.pathName();
  }

  @Override
  public Dataset<Row> read() {
    String path = path();
    List<String> content = LogTable.listing(new Configuration(), path);
    if (content == null || content.isEmpty()) {
      return null;
    }
    if (!LogTable.isDirectory(new Configuration(), path + "/_delta_log")) {
      throw LogTable.notDelta(target, content, null);
    }
    return spark.read().format("delta").load(path);
  }

  @Override
  public void ensure() {
    Dataset<Row> table = read();
    if (table == null) {
      try {
        spark
            .createDataFrame(List.of(), LogWriter.WRITE_SCHEMA)
            .write()
            .format("delta")
            .mode(SaveMode.Append)
            .partitionBy(partitionBy.toArray(String[]::new))
            .save(path());
      } catch (RuntimeException e) {
        // Lost the creation race: the winner's table is checked like any existing one.
        table = read();
        if (table == null) {
          throw LogTable.notCreated(target, e);
        }
      }
      table = table == null ? read() : table;
    }
    // The partitioning is not visible through the DataFrame API; every append names it, and
    // Delta refuses an append whose partitioning differs from the table's (see append).
    DeltaLogTable.SchemaCheck.requireCompatible(target, table.schema(), partitionBy, partitionBy);
  }

  @Override
  public void append(
      Dataset<Row> rows, String appId, Map<String, String> options, boolean refresh) {
    try {
      rows.write()
          .format("delta")
          .mode(SaveMode.Append)
          .options(options)
          .option("mergeSchema", "true")
          .option("txnAppId", appId)
          .option("txnVersion", "0")
          .partitionBy(partitionBy.toArray(String[]::new))
          .save(path());
    } catch (RuntimeException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("DELTA_METADATA_MISMATCH") || m.contains("Partition columns do not match")) {
        throw new LogException(
            WriterError.LOG_SCHEMA_INCOMPATIBLE,
            "The existing log table cannot take the log's rows; nothing was written.",
            target.toString(),
            List.of(
                "partitioning: the log is configured with " + partitionBy,
                "Delta: " + DeltaLogTable.firstLine(e)),
            "Point forgeline.log at a new table, or set partition-by to the table's partitioning.",
            e);
      }
      throw e;
    }
  }
}
