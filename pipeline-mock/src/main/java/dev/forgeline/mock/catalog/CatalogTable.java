package dev.forgeline.mock.catalog;

import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Relation;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One catalog entry, immutable: a managed table holding its rows, or a view holding either the SQL
 * text it re-runs on each read or (for a view made from a Dataset) the relation it captured.
 *
 * @param database the database, lower case; {@code null} for a temporary view
 * @param name the name as created
 * @param kind what it is
 * @param fields the columns
 * @param data the rows of a table or the captured plan of a Dataset view; null for a SQL view
 * @param viewText the query of a SQL view, else null
 * @param provider the data source named by {@code USING} or {@code format}, or null
 * @param comment the comment, or null
 * @param properties the table properties
 */
public record CatalogTable(
    String database,
    String name,
    Kind kind,
    List<Field> fields,
    Relation data,
    String viewText,
    String provider,
    String comment,
    Map<String, String> properties) {

  /** What a catalog entry is. */
  public enum Kind {
    /** A managed table holding rows. */
    MANAGED,
    /** A persistent view. */
    VIEW,
    /** A temporary view of one session, or a global temporary view. */
    TEMPORARY
  }

  /** Copies the collections. */
  public CatalogTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    fields = List.copyOf(fields);
    properties = Map.copyOf(properties);
  }

  /** A managed table over rows. */
  public static CatalogTable table(String database, String name, Relation data, String provider) {
    return new CatalogTable(
        database, name, Kind.MANAGED, data.fields(), data, null, provider, null, Map.of());
  }

  /** The same table holding other rows (the same columns). */
  public CatalogTable withData(Relation rows) {
    return new CatalogTable(
        database, name, kind, fields, rows, viewText, provider, comment, properties);
  }

  /** The same entry with other columns and rows. */
  public CatalogTable withSchema(List<Field> newFields, Relation rows) {
    return new CatalogTable(
        database, name, kind, newFields, rows, viewText, provider, comment, properties);
  }

  /** The same entry under another database and name. */
  public CatalogTable renamed(String newDatabase, String newName) {
    return new CatalogTable(
        newDatabase, newName, kind, fields, data, viewText, provider, comment, properties);
  }

  /** The same entry with more properties. */
  public CatalogTable withProperties(Map<String, String> more) {
    Map<String, String> all = new java.util.TreeMap<>(properties);
    all.putAll(more);
    return new CatalogTable(database, name, kind, fields, data, viewText, provider, comment, all);
  }

  /** The columns as a Spark schema. */
  public org.apache.spark.sql.types.StructType schema() {
    org.apache.spark.sql.types.StructField[] out =
        new org.apache.spark.sql.types.StructField[fields.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fields.get(i).toStructField();
    }
    return new org.apache.spark.sql.types.StructType(out);
  }

  /** Whether this is a view of any kind. */
  public boolean isView() {
    return kind != Kind.MANAGED;
  }
}
