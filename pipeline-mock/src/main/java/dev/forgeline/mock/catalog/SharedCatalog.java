package dev.forgeline.mock.catalog;

import dev.forgeline.mock.engine.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The databases, tables and global temporary views that sessions made from one another share.
 *
 * <p>Concurrency: every map is a {@link ConcurrentHashMap} and every change of an entry is one
 * atomic {@code compute}, so a table created, replaced or appended to on one thread is visible on
 * every thread at once and concurrent appends never lose rows. Dropping a database with CASCADE
 * removes its table map in one step.
 */
public final class SharedCatalog {
  /** The database Spark names the built-in session catalog. */
  public static final String CATALOG = "spark_catalog";

  /** The database of global temporary views. */
  public static final String GLOBAL_TEMP = "global_temp";

  private final Map<String, Map<String, CatalogTable>> databases = new ConcurrentHashMap<>();
  private final Map<String, String> comments = new ConcurrentHashMap<>();
  private final Map<String, CatalogTable> globalTemp = new ConcurrentHashMap<>();

  /** A catalog holding only the {@code default} database. */
  public SharedCatalog() {
    databases.put("default", new ConcurrentHashMap<>());
    comments.put("default", "default database");
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Whether a database exists. */
  public boolean databaseExists(String db) {
    return databases.containsKey(key(db));
  }

  /** The database names, sorted. */
  public List<String> databases() {
    List<String> out = new ArrayList<>(databases.keySet());
    out.sort(null);
    return out;
  }

  /** The comment of a database, or null. */
  public String comment(String db) {
    return comments.get(key(db));
  }

  /** Creates a database; fails with SCHEMA_ALREADY_EXISTS unless {@code ifNotExists}. */
  public void createDatabase(String db, String comment, boolean ifNotExists) {
    Map<String, CatalogTable> prev = databases.putIfAbsent(key(db), new ConcurrentHashMap<>());
    if (prev != null) {
      if (ifNotExists) {
        return;
      }
      throw Errors.analysis("SCHEMA_ALREADY_EXISTS", "schemaName", quoteDb(db));
    }
    if (comment != null) {
      comments.put(key(db), comment);
    }
  }

  /** Drops a database, failing as Spark does when it is missing or not empty without CASCADE. */
  public void dropDatabase(String db, boolean ifExists, boolean cascade) {
    String k = key(db);
    if (k.equals("default")) {
      throw Errors.analysis("UNSUPPORTED_FEATURE.DROP_DATABASE", "database", "`default`");
    }
    Map<String, CatalogTable> tables = databases.get(k);
    if (tables == null) {
      if (ifExists) {
        return;
      }
      throw schemaNotFound(db);
    }
    if (!cascade && !tables.isEmpty()) {
      throw Errors.analysis("SCHEMA_NOT_EMPTY", "schemaName", "`" + db + "`");
    }
    databases.remove(k);
    comments.remove(k);
  }

  /** The tables and views of a database. */
  public Map<String, CatalogTable> tables(String db) {
    Map<String, CatalogTable> t = databases.get(key(db));
    if (t == null) {
      throw schemaNotFound(db);
    }
    return t;
  }

  /** A table or view, or null. */
  public CatalogTable get(String db, String name) {
    Map<String, CatalogTable> t = databases.get(key(db));
    return t == null ? null : t.get(key(name));
  }

  /**
   * Creates a table or view; when one exists, {@code replace} replaces it, {@code ifNotExists}
   * keeps it, otherwise TABLE_OR_VIEW_ALREADY_EXISTS.
   *
   * @return whether the entry was stored
   */
  public boolean create(CatalogTable table, boolean replace, boolean ifNotExists) {
    Map<String, CatalogTable> t = tables(table.database());
    boolean[] stored = {false};
    t.compute(
        key(table.name()),
        (k, old) -> {
          if (old != null && !replace) {
            if (ifNotExists) {
              return old;
            }
            throw Errors.analysis(
                "TABLE_OR_VIEW_ALREADY_EXISTS",
                "relationName",
                quoteDb(table.database()) + ".`" + table.name() + "`");
          }
          stored[0] = true;
          return table;
        });
    return stored[0];
  }

  /** Changes an entry atomically; the function sees the current entry (never null). */
  public CatalogTable update(String db, String name, UnaryOperator<CatalogTable> change) {
    CatalogTable out =
        tables(db)
            .computeIfPresent(
                key(name),
                (k, old) -> {
                  CatalogTable next = change.apply(old);
                  return next == null ? old : next;
                });
    if (out == null) {
      throw Errors.tableNotFound(db + "." + name);
    }
    return out;
  }

  /** Removes an entry, returning it or null. */
  public CatalogTable remove(String db, String name) {
    Map<String, CatalogTable> t = databases.get(key(db));
    return t == null ? null : t.remove(key(name));
  }

  /** The global temporary views. */
  public Map<String, CatalogTable> globalTemp() {
    return globalTemp;
  }

  static String quoteDb(String db) {
    return "`" + CATALOG + "`.`" + db + "`";
  }

  static RuntimeException schemaNotFound(String db) {
    return Errors.analysis("SCHEMA_NOT_FOUND", "schemaName", quoteDb(db));
  }
}
