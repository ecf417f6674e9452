package dev.forgeline.writer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.DeltaOptions;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.OptimisticTransaction$;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.commands.DMLUtils;
import org.apache.spark.sql.delta.commands.WriteIntoDelta;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One idempotent append to a Delta table on classic Spark, as Delta's own {@code WriteIntoDelta}
 * does it for the {@code txnAppId}/{@code txnVersion} writer options, but with the transaction id
 * looked up in a snapshot whose state is already computed.
 *
 * <p>Why: Delta (4.3) answers "has this application id committed?" from the snapshot's full state
 * (checkpoint plus every later commit, aggregated by a Spark job), and a plain DataFrame write
 * starts its transaction on the newest snapshot, whose state nobody has computed yet: every report
 * paid a state reconstruction that cost more than the append itself (docs/benchmarks.md).
 *
 * <p>Correctness: the transaction starts on an older snapshot (the base) whose state is cached and
 * records the id it read. When it commits, Delta checks every commit between the base and the
 * newest version; one that carries the same application id fails the commit with a {@code
 * ConcurrentTransactionException}, which the writer retries with a fresh base, where the id is
 * found and nothing is written. So a run is committed at most once whichever writer, process or
 * replay gets there first, exactly as with the writer options. The base is moved to the newest
 * snapshot when it lags by more than {@link #MAX_LAG} versions (then one state computation is paid
 * again) and on every retry. The cost of a stale base is that each commit reads the (small) commits
 * made since, which Delta's conflict check does anyway for concurrent writers.
 */
final class TxnAppend {
  /** Versions the base may lag behind the newest before it is recomputed. */
  static final int MAX_LAG = 50;

  /**
   * The base snapshot per table (its log path), shared by every writer of this JVM: writers of one
   * table pay one state computation between them, not one each.
   */
  private static final ConcurrentHashMap<String, AtomicReference<Snapshot>> BASES =
      new ConcurrentHashMap<>();

  private final SparkSession spark;
  private final org.apache.spark.sql.classic.SparkSession classic;
  private final DeltaLog log;
  private final Option<CatalogTable> catalogTable;
  private final AtomicReference<Snapshot> base;

  private TxnAppend(SparkSession spark, DeltaLog log, Option<CatalogTable> catalogTable) {
    this.spark = spark;
    this.classic = (org.apache.spark.sql.classic.SparkSession) spark;
    this.log = log;
    this.catalogTable = catalogTable;
    this.base = BASES.computeIfAbsent(log.logPath().toString(), k -> new AtomicReference<>());
  }

  /** For the table at {@code path} (made absolute). */
  static TxnAppend forPath(SparkSession spark, String path) {
    return new TxnAppend(spark, DeltaLog.forTable(spark, path), Option.empty());
  }

  /** For the catalog table {@code parts} ([[catalog.]schema.]table) of the session catalog. */
  static TxnAppend forTable(SparkSession spark, List<String> parts) {
    int n = parts.size();
    TableIdentifier id =
        new TableIdentifier(
            parts.get(n - 1),
            n >= 2 ? Option.apply(parts.get(n - 2)) : Option.empty(),
            n >= 3 ? Option.apply(parts.get(0)) : Option.empty());
    CatalogTable table;
    try {
      table =
          ((org.apache.spark.sql.classic.SparkSession) spark)
              .sessionState()
              .catalog()
              .getTableMetadata(id);
    } catch (Exception e) { // the catalog declares checked "no such table/namespace" exceptions
      throw new IllegalStateException("The log table " + parts + " is not in the catalog", e);
    }
    return new TxnAppend(spark, DeltaLog.forTable(spark, table), Option.apply(table));
  }

  /**
   * Appends {@code rows} as one commit carrying {@code appId} at version 0, unless that id already
   * committed. With {@code refresh} the base snapshot is moved to the newest version first.
   */
  void append(Dataset<Row> rows, String appId, Map<String, String> options, boolean refresh) {
    Snapshot snapshot = base(refresh);
    OptimisticTransaction txn = log.startTransaction(catalogTable, Option.apply(snapshot));
    OptimisticTransaction$.MODULE$.setActive(txn);
    try {
      if (txn.txnVersion(appId) >= 0) {
        return; // this run is already in the table
      }
      Map<String, String> all = new LinkedHashMap<>(options);
      all.put("mergeSchema", "true");
      all.put("txnAppId", appId);
      all.put("txnVersion", "0");
      DeltaOptions deltaOptions = new DeltaOptions(scalaMap(all), classic.sessionState().conf());
      WriteIntoDelta write =
          new WriteIntoDelta(
              log,
              SaveMode.Append,
              deltaOptions,
              CollectionConverters.asScala(List.<String>of()).toList(),
              scalaMap(Map.of()),
              rows,
              catalogTable,
              Option.empty(),
              false);
      DMLUtils.TaggedCommitData<Action> data =
          write.writeAndReturnCommitData(txn, classic, Option.empty(), false);
      Option<String> userMetadata = Option.apply(all.get("userMetadata"));
      txn.commitIfNeeded(
          data.actions(),
          new DeltaOperations.Write(
              SaveMode.Append,
              Option.empty(),
              Option.empty(),
              userMetadata,
              Option.empty(),
              Option.empty(),
              Option.apply(true),
              Option.empty(),
              Option.empty()),
          data.stringTags());
    } finally {
      OptimisticTransaction$.MODULE$.clearActive();
    }
  }

  /**
   * The snapshot to start from: the shared base while it is of the same table and lags by at most
   * {@link #MAX_LAG} versions, else (and after a conflict) the newest, which becomes the base.
   */
  private Snapshot base(boolean refresh) {
    Snapshot newest = log.update(false, Option.empty(), catalogTable);
    Snapshot current = base.get();
    if (!refresh
        && current != null
        && current.metadata().id().equals(newest.metadata().id())
        && current.version() <= newest.version()
        && newest.version() - current.version() <= MAX_LAG) {
      return current;
    }
    base.set(newest);
    return newest;
  }

  private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> m) {
    return scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(m));
  }
}
