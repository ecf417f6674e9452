package dev.forgeline.writer;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The log's Delta table: finds it, creates it race-free, checks that it can take the log's rows and
 * appends one report per commit. Table names reach Spark only quoted; nothing is spliced into SQL.
 */
final class DeltaLogTable implements LogTable {
  private final SparkSession spark;
  private final LogTarget target;
  private final List<String> partitionBy;
  private final String path;
  private volatile TxnAppend appender;

  DeltaLogTable(SparkSession spark, LogTarget target, List<String> partitionBy) {
    this.spark = spark;
    this.target = target;
    this.partitionBy = List.copyOf(partitionBy);
    this.path = target.isTable() ? null : qualified(spark, target.pathName());
  }

  /**
   * The path made absolute against its file system: Delta takes a relative path such as {@code
   * target/log} for a table identifier.
   */
  private static String qualified(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration())
          .makeQualified(p)
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot resolve the log path [" + path + "]", e);
    }
  }

  LogTarget target() {
    return target;
  }

  @Override
  public Dataset<Row> read() {
    DeltaTable t = existing();
    return t == null ? null : t.toDF();
  }

  /** The table if it exists; a clear error when the place holds something else. */
  DeltaTable existing() {
    if (target.isTable()) {
      if (!spark.catalog().tableExists(target.quotedTable())) {
        return null;
      }
      try {
        return DeltaTable.forName(spark, target.quotedTable());
      } catch (RuntimeException e) {
        throw LogTable.notDelta(
            target, List.of("found: a table that Delta cannot open: " + firstLine(e)), e);
      }
    }
    if (DeltaTable.isDeltaTable(spark, path)) {
      return DeltaTable.forPath(spark, path);
    }
    List<String> content = LogTable.listing(spark.sparkContext().hadoopConfiguration(), path);
    if (content == null || content.isEmpty()) {
      return null;
    }
    throw LogTable.notDelta(target, content, null);
  }

  /**
   * Makes sure the table exists and can take the log's rows. Two writers creating it at once both
   * succeed: the loser finds the winner's table and checks it like any existing one.
   */
  @Override
  public void ensure() {
    DeltaTable table = existing();
    if (table == null) {
      try {
        create();
      } catch (RuntimeException e) {
        table = existing();
        if (table == null) {
          throw LogTable.notCreated(target, e);
        }
      }
    }
    table = table == null ? existing() : table;
    SchemaCheck.requireCompatible(
        target, table.toDF().schema(), partitionColumns(table), partitionBy);
  }

  private void create() {
    DeltaTableBuilder b =
        DeltaTable.createIfNotExists(spark)
            .addColumns(RunLog.SCHEMA)
            .partitionedBy(partitionBy.toArray(String[]::new))
            .comment("Forgeline run log, schema version " + RunLog.SCHEMA_VERSION);
    b = target.isTable() ? b.tableName(target.quotedTable()) : b.location(path);
    b.execute();
  }

  /**
   * Appends the rows as one commit carrying {@code appId}; skipped when {@code appId} already
   * committed. With {@code refresh} the transaction id is looked up in the newest snapshot (after a
   * conflict), else possibly in a recent one whose state is cached ({@link TxnAppend}).
   */
  @Override
  public void append(
      Dataset<Row> rows, String appId, Map<String, String> options, boolean refresh) {
    TxnAppend a = appender;
    if (a == null) {
      a =
          target.isTable()
              ? TxnAppend.forTable(spark, target.parts())
              : TxnAppend.forPath(spark, path);
      appender = a;
    }
    a.append(rows, appId, options, refresh);
  }

  private List<String> partitionColumns(DeltaTable table) {
    Row detail = table.detail().select("partitionColumns").first();
    List<String> cols = new ArrayList<>();
    for (Object c : detail.getList(0)) {
      cols.add(String.valueOf(c));
    }
    return cols;
  }

  static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** The schema comparison; kept apart so its message can be tested without Spark. */
  static final class SchemaCheck {
    private SchemaCheck() {}

    static void requireCompatible(
        LogTarget target, StructType existing, List<String> parts, List<String> wantedParts) {
      List<String> found = new ArrayList<>();
      for (StructField want : RunLog.SCHEMA.fields()) {
        StructField have = field(existing, want.name());
        if (have != null && !sameType(have, want)) {
          found.add(
              "column "
                  + want.name()
                  + ": the table has "
                  + have.dataType().catalogString()
                  + ", the log writes "
                  + want.dataType().catalogString());
        }
      }
      for (StructField have : existing.fields()) {
        if (field(RunLog.SCHEMA, have.name()) == null && !have.nullable()) {
          found.add("column " + have.name() + ": NOT NULL in the table, unknown to the log");
        }
      }
      if (!lower(parts).equals(lower(wantedParts))) {
        found.add(
            "partitioning: the table has " + parts + ", the log is configured with " + wantedParts);
      }
      if (found.isEmpty()) {
        return;
      }
      found.add("the table's schema:");
      found.addAll(indent(existing.treeString()));
      found.add("the log's schema (version " + RunLog.SCHEMA_VERSION + "):");
      found.addAll(indent(RunLog.SCHEMA.treeString()));
      throw new LogException(
          WriterError.LOG_SCHEMA_INCOMPATIBLE,
          "The existing log table cannot take the log's rows; nothing was written.",
          target.toString(),
          found,
          "Point forgeline.log at a new table, or migrate this one: the log only adds columns.",
          null);
    }

    private static StructField field(StructType s, String name) {
      for (StructField f : s.fields()) {
        if (f.name().equalsIgnoreCase(name)) {
          return f;
        }
      }
      return null;
    }

    private static boolean sameType(StructField a, StructField b) {
      return a.dataType().catalogString().equalsIgnoreCase(b.dataType().catalogString());
    }

    private static List<String> lower(List<String> names) {
      return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> indent(String tree) {
      return tree.lines().filter(l -> !l.isBlank()).map(l -> "  " + l).toList();
    }
  }
}
