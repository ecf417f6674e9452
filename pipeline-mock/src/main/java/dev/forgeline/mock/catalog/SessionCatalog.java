package dev.forgeline.mock.catalog;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Names;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One session's view of the catalog: the {@link SharedCatalog} plus this session's temporary views
 * and current database. Names resolve as in Spark: a one-part name is a temporary view, else a
 * table of the current database; {@code global_temp.v} is a global temporary view; {@code db.t} and
 * {@code spark_catalog.db.t} name a table.
 */
public final class SessionCatalog {
  private final SharedCatalog shared;
  private final Map<String, CatalogTable> tempViews = new ConcurrentHashMap<>();
  private volatile String currentDatabase = "default";

  /**
   * A session view over a shared catalog.
   *
   * @param shared the catalog shared with related sessions, not null
   */
  public SessionCatalog(SharedCatalog shared) {
    this.shared = shared;
  }

  /** The shared part. */
  public SharedCatalog shared() {
    return shared;
  }

  /** The current database. */
  public String currentDatabase() {
    return currentDatabase;
  }

  /** Makes a database current; SCHEMA_NOT_FOUND if it does not exist. */
  public void setCurrentDatabase(String db) {
    if (!shared.databaseExists(db)) {
      throw SharedCatalog.schemaNotFound(db);
    }
    currentDatabase = SharedCatalog.key(db);
  }

  /** This session's temporary views. */
  public Map<String, CatalogTable> tempViews() {
    return tempViews;
  }

  /** A database and table name. */
  public record Ident(String database, String name) {}

  /** Splits a written name into its parts. */
  public static List<String> parts(String name) {
    return Names.parse(name);
  }

  /**
   * The database and name a multi-part name means for a table.
   *
   * @param parts the parts, not empty
   * @return the qualified name
   */
  public Ident qualify(List<String> parts) {
    switch (parts.size()) {
      case 1:
        return new Ident(currentDatabase, parts.get(0));
      case 2:
        return new Ident(SharedCatalog.key(parts.get(0)), parts.get(1));
      case 3:
        if (parts.get(0).equalsIgnoreCase(SharedCatalog.CATALOG)) {
          return new Ident(SharedCatalog.key(parts.get(1)), parts.get(2));
        }
        throw Errors.analysis(
            "REQUIRES_SINGLE_PART_NAMESPACE",
            "sessionCatalog",
            SharedCatalog.CATALOG,
            "namespace",
            Names.quoteParts(parts.subList(0, parts.size() - 1)));
      default:
        throw Errors.tableNotFound(String.join(".", parts));
    }
  }

  /** The fully qualified parts of a table name: catalog, database, name. */
  public List<String> qualifiedParts(List<String> parts) {
    Ident id = qualify(parts);
    return List.of(SharedCatalog.CATALOG, id.database(), id.name());
  }

  /** The temporary view, global temporary view, table or view a name means, or null. */
  public CatalogTable find(List<String> parts) {
    if (parts.size() == 1) {
      CatalogTable v = tempViews.get(SharedCatalog.key(parts.get(0)));
      if (v != null) {
        return v;
      }
    }
    if (parts.size() == 2 && parts.get(0).equalsIgnoreCase(SharedCatalog.GLOBAL_TEMP)) {
      return shared.globalTemp().get(SharedCatalog.key(parts.get(1)));
    }
    if (parts.size() > 3) {
      return null;
    }
    Ident id = qualify(parts);
    return shared.get(id.database(), id.name());
  }

  /** The entry a name means; TABLE_OR_VIEW_NOT_FOUND naming it as written if there is none. */
  public CatalogTable require(List<String> parts) {
    CatalogTable t = find(parts);
    if (t == null) {
      throw Errors.analysis("TABLE_OR_VIEW_NOT_FOUND", "relationName", Names.quoteParts(parts));
    }
    return t;
  }

  /** Creates or replaces a temporary view (global when {@code global}). */
  public void createTempView(String name, CatalogTable view, boolean replace, boolean global) {
    Map<String, CatalogTable> views = global ? shared.globalTemp() : tempViews;
    views.compute(
        SharedCatalog.key(name),
        (k, old) -> {
          if (old != null && !replace) {
            throw Errors.analysis(
                "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS",
                "relationName",
                global ? "`" + SharedCatalog.GLOBAL_TEMP + "`.`" + name + "`" : "`" + name + "`");
          }
          return view;
        });
  }

  /** Drops a temporary view of this session; whether one existed. */
  public boolean dropTempView(String name) {
    return tempViews.remove(SharedCatalog.key(name)) != null;
  }

  /** Drops a global temporary view; whether one existed. */
  public boolean dropGlobalTempView(String name) {
    return shared.globalTemp().remove(SharedCatalog.key(name)) != null;
  }
}
