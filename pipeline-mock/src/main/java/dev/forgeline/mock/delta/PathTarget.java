package dev.forgeline.mock.delta;

import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.files.FileSinks;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Delta table on disk as the target of a row-level change: reads the current snapshot once and
 * commits the new rows as one commit that removes every file of that snapshot and adds the
 * rewritten ones (copy-on-write of the whole table). A commit that lost a race to another writer
 * fails as in Delta.
 */
final class PathTarget implements DmlTarget {
  private final Path table;
  private final Frames frames;
  private final Snapshot snapshot;

  PathTarget(Path table, Frames frames, boolean asSqlTable) {
    this.table = table;
    this.frames = frames;
    DeltaLog log = new DeltaLog(table);
    if (!log.exists()) {
      throw asSqlTable
          ? DeltaErrors.tableNotFound(table.toString())
          : DeltaErrors.notADeltaTable(table.toString());
    }
    this.snapshot = log.snapshot(null);
  }

  @Override
  public Relation rows() {
    return DeltaSource.relation(table, snapshot, frames.conf());
  }

  @Override
  public void replace(
      Relation rows, String operation, Map<String, String> params, Map<String, String> metrics) {
    Relation data = DeltaSchemas.align(rows, snapshot.schema(), frames.conf());
    DeltaCommit commit = new DeltaCommit(new DeltaLog(table), snapshot.version(), false);
    long now = frames.conf().now().toEpochMilli();
    Map<String, String> opts = new LinkedHashMap<>();
    for (FileSinks.Written w :
        DeltaFiles.write(table, data, snapshot.partitionColumns(), opts, frames.conf())) {
      commit.add("add", DeltaFiles.addAction(w, now));
    }
    for (Snapshot.AddFile f : snapshot.files()) {
      commit.add("remove", DeltaFiles.removeAction(f, now));
    }
    commit.commit(operation, params, metrics, now);
  }
}
