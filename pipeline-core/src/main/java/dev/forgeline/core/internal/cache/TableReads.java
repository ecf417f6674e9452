package dev.forgeline.core.internal.cache;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.spark.sql.Dataset;

/**
 * Which Datasets are plain reads of a path-based Delta table, as {@code Connector.read()} returned
 * them. A factory whose output is such a read of the table it has just written is stored by the
 * disk cache as a reference to the version it committed, not as a copy of its rows. Held weakly: a
 * Dataset nobody references any more drops out. {@code Dataset} keeps identity equality, so the map
 * is an identity map.
 */
public final class TableReads {
  private static final Map<Dataset<?>, String> DELTA =
      Collections.synchronizedMap(new WeakHashMap<>());

  private TableReads() {}

  /** Records that {@code read} is a plain read of the Delta table at {@code path}. */
  public static void deltaRead(Dataset<?> read, String path) {
    DELTA.put(read, path);
  }

  /**
   * Records that {@code written} has just been written whole (mode overwrite, no options) to the
   * Delta table at {@code path}, so that table's new version holds exactly its rows.
   */
  public static void deltaOverwrite(Dataset<?> written, String path) {
    DELTA.put(written, path);
  }

  /** The Delta table path whose rows {@code value} holds exactly, or null. */
  public static String deltaPathOf(Object value) {
    return value instanceof Dataset<?> ds ? DELTA.get(ds) : null;
  }
}
