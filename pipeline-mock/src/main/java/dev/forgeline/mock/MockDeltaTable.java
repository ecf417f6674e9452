package dev.forgeline.mock;

import dev.forgeline.mock.delta.DeltaDml;
import dev.forgeline.mock.delta.DeltaHistory;
import dev.forgeline.mock.delta.MergeClause;
import dev.forgeline.mock.engine.NotSupported;
import dev.forgeline.mock.files.FileSources;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Delta table on the mock, by path: the operations of Delta's {@code DeltaTable} (which needs a
 * classic session) for a {@link MockSparkSession}. Each of merge, update and delete is one commit.
 *
 * <pre>{@code
 * MockDeltaTable.forPath(spark, "/tmp/customers").as("t")
 *     .merge(updates.as("s"), col("t.id").equalTo(col("s.id")))
 *     .whenMatchedUpdateAll()
 *     .whenNotMatchedInsertAll()
 *     .execute();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class MockDeltaTable {
  private final MockSparkSession session;
  private final String path;
  private final String alias;

  private MockDeltaTable(MockSparkSession session, String path, String alias) {
    this.session = session;
    this.path = path;
    this.alias = alias;
  }

  private static MockSparkSession mock(SparkSession spark) {
    if (spark instanceof MockSparkSession m) {
      return m;
    }
    throw NotSupported.method(
        "MockDeltaTable on a " + spark.getClass().getName() + " (use io.delta.tables.DeltaTable)");
  }

  /**
   * The table at {@code path}.
   *
   * @throws org.apache.spark.sql.AnalysisException (DELTA_MISSING_DELTA_TABLE) when it is not one
   */
  public static MockDeltaTable forPath(SparkSession spark, String path) {
    Objects.requireNonNull(path, "path");
    MockDeltaTable t = new MockDeltaTable(mock(spark), path, null);
    t.dml().toDF();
    return t;
  }

  /** Whether {@code path} holds a Delta table (a {@code _delta_log} with at least one commit). */
  public static boolean isDeltaTable(SparkSession spark, String path) {
    mock(spark);
    return java.nio.file.Files.isDirectory(FileSources.localPath(path).resolve("_delta_log"))
        && DeltaHistory.of(FileSources.localPath(path), 1).rows().size() == 1;
  }

  /**
   * The backend hook of pipeline-core's {@code Repository.upsert} on the mock (found through the
   * session conf key {@code spark.forgeline.backend.deltaUpsert}): creates the table from {@code
   * updates} when it does not exist, else merges them on {@code keys} (matched rows updated, others
   * inserted) in one commit. Key names are used as column names, never spliced into SQL text.
   */
  public static void upsert(
      SparkSession spark,
      String path,
      Dataset<Row> updates,
      List<String> keys,
      List<String> partitionBy,
      Map<String, String> options) {
    if (!isDeltaTable(spark, path)) {
      updates
          .write()
          .format("delta")
          .mode("errorifexists")
          .options(options)
          .partitionBy(partitionBy.toArray(String[]::new))
          .save(path);
      return;
    }
    MockDeltaTable target = forPath(spark, path).as("target");
    Dataset<Row> source = updates.as("updates");
    Column on = null;
    for (String k : keys) {
      Column eq =
          org.apache
              .spark
              .sql
              .functions
              .col("target." + quote(k))
              .equalTo(org.apache.spark.sql.functions.col("updates." + quote(k)));
      on = on == null ? eq : on.and(eq);
    }
    target.merge(source, on).whenMatchedUpdateAll().whenNotMatchedInsertAll().execute();
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  DeltaDml dml() {
    return new DeltaDml(FileSources.localPath(path), new SessionFrames(session));
  }

  /** The same table under an alias, for merge conditions such as {@code col("t.id")}. */
  public MockDeltaTable as(String newAlias) {
    return new MockDeltaTable(session, path, Objects.requireNonNull(newAlias, "alias"));
  }

  /** The current rows, aliased when an alias was set. */
  public Dataset<Row> toDF() {
    Dataset<Row> df = dml().toDF();
    return alias == null ? df : df.as(alias);
  }

  /** Deletes every row. */
  public void delete() {
    dml().delete(alias, null);
  }

  /** Deletes the rows matching {@code condition}. */
  public void delete(Column condition) {
    dml().delete(alias, Objects.requireNonNull(condition, "condition"));
  }

  /** Sets columns of every row. */
  public void update(Map<String, Column> set) {
    dml().update(alias, null, set);
  }

  /** Sets columns of the rows matching {@code condition}. */
  public void update(Column condition, Map<String, Column> set) {
    dml().update(alias, Objects.requireNonNull(condition, "condition"), set);
  }

  /** The table's history, newest first (Delta's DESCRIBE HISTORY columns the log carries). */
  public Dataset<Row> history() {
    return session.wrapRows(DeltaHistory.of(FileSources.localPath(path), -1));
  }

  /** Starts a merge of {@code source} on {@code condition}. */
  public MergeBuilder merge(Dataset<Row> source, Column condition) {
    return new MergeBuilder(this, source, condition);
  }

  /** Reads the table at a version. */
  Dataset<Row> versionAsOf(long version) {
    return session.read().format("delta").option("versionAsOf", version).load(path);
  }

  /**
   * The clauses of one merge, applied in the order given; {@link #execute()} commits.
   *
   * @since 0.1.0
   */
  public static final class MergeBuilder {
    private final MockDeltaTable table;
    private final Dataset<Row> source;
    private final Column condition;
    private final List<MergeClause> clauses = new java.util.ArrayList<>();

    MergeBuilder(MockDeltaTable table, Dataset<Row> source, Column condition) {
      this.table = table;
      this.source = Objects.requireNonNull(source, "source");
      this.condition = Objects.requireNonNull(condition, "condition");
    }

    private MergeBuilder add(
        MergeClause.Kind kind, Column cond, Map<String, Column> set, boolean all, boolean delete) {
      clauses.add(new MergeClause(kind, cond, set, all, delete));
      return this;
    }

    /** Matched rows take every column from the source row. */
    public MergeBuilder whenMatchedUpdateAll() {
      return add(MergeClause.Kind.MATCHED, null, Map.of(), true, false);
    }

    /** Matched rows meeting {@code cond} take every column from the source row. */
    public MergeBuilder whenMatchedUpdateAll(Column cond) {
      return add(MergeClause.Kind.MATCHED, cond, Map.of(), true, false);
    }

    /** Matched rows (meeting {@code cond} unless null) get {@code set}. */
    public MergeBuilder whenMatchedUpdate(Column cond, Map<String, Column> set) {
      return add(MergeClause.Kind.MATCHED, cond, set, false, false);
    }

    /** Matched rows (meeting {@code cond} unless null) are deleted. */
    public MergeBuilder whenMatchedDelete(Column cond) {
      return add(MergeClause.Kind.MATCHED, cond, Map.of(), false, true);
    }

    /** Unmatched source rows are inserted as they are. */
    public MergeBuilder whenNotMatchedInsertAll() {
      return add(MergeClause.Kind.NOT_MATCHED, null, Map.of(), true, false);
    }

    /**
     * Unmatched source rows (meeting {@code cond} unless null) are inserted with {@code values}.
     */
    public MergeBuilder whenNotMatchedInsert(Column cond, Map<String, Column> values) {
      return add(MergeClause.Kind.NOT_MATCHED, cond, values, false, false);
    }

    /** Target rows no source row matched (meeting {@code cond} unless null) are deleted. */
    public MergeBuilder whenNotMatchedBySourceDelete(Column cond) {
      return add(MergeClause.Kind.NOT_MATCHED_BY_SOURCE, cond, Map.of(), false, true);
    }

    /** Target rows no source row matched (meeting {@code cond} unless null) get {@code set}. */
    public MergeBuilder whenNotMatchedBySourceUpdate(Column cond, Map<String, Column> set) {
      return add(MergeClause.Kind.NOT_MATCHED_BY_SOURCE, cond, set, false, false);
    }

    /** Commits the merge as one Delta commit. */
    public void execute() {
      String sourceAlias = null;
      table.dml().merge(table.alias, source, sourceAlias, condition, List.copyOf(clauses));
    }
  }
}
