package dev.forgeline.mock;

import dev.forgeline.mock.catalog.CatalogTable;
import dev.forgeline.mock.catalog.SessionCatalog;
import dev.forgeline.mock.engine.Errors;
import java.util.Locale;
import java.util.Set;

/**
 * spark.catalog() over the session's in-memory catalog (dev.forgeline.mock.catalog): databases,
 * tables, views, temporary views and the cache flags, and the list methods of databases, tables and
 * columns ({@link CatalogListings}). Functions and external tables are not supported.
 */
@SuppressWarnings("deprecation")
final class MockCatalog extends org.apache.spark.sql.catalog.Catalog {
  private final MockSparkSession session;
  private final Set<String> cached;
  private final CatalogListings listings;

  MockCatalog(MockSparkSession session) {
    this.session = session;
    this.cached = session.storage().cachedTables;
    this.listings = new CatalogListings(session);
  }

  private boolean exists(String name) {
    return session.sessionCatalog().find(SessionCatalog.parts(name)) != null;
  }

  private void requireTable(String name) {
    if (!exists(name)) {
      throw Errors.tableNotFound(name);
    }
  }

  @Override
  public java.lang.String currentDatabase() {
    return session.sessionCatalog().currentDatabase();
  }

  @Override
  public void setCurrentDatabase(java.lang.String a0) {
    session.sessionCatalog().setCurrentDatabase(a0);
  }

  @Override
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.Database> listDatabases() {
    return listings.databases(null);
  }

  @Override
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.Database> listDatabases(
      java.lang.String a0) {
    return listings.databases(a0);
  }

  @Override
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.Table> listTables() {
    return listings.tables(null, null);
  }

  @Override
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.Table> listTables(
      java.lang.String a0) {
    return listings.tables(a0, null);
  }

  @Override
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.Table> listTables(
      java.lang.String a0, java.lang.String a1) {
    return listings.tables(a0, a1);
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.Function> listFunctions() {
    throw MockSparkSession.unsupported("Catalog.listFunctions()");
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.Function> listFunctions(
      java.lang.String a0) {
    throw MockSparkSession.unsupported("Catalog.listFunctions(String)");
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.Function> listFunctions(
      java.lang.String a0, java.lang.String a1) {
    throw MockSparkSession.unsupported("Catalog.listFunctions(String, String)");
  }

  @Override
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.Column> listColumns(
      java.lang.String a0) {
    return listings.columns(SessionCatalog.parts(a0));
  }

  @Override
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.Column> listColumns(
      java.lang.String a0, java.lang.String a1) {
    return listings.columns(java.util.List.of(a0, a1));
  }

  @Override
  public org.apache.spark.sql.catalog.Database getDatabase(java.lang.String a0) {
    var shared = session.sessionCatalog().shared();
    if (!shared.databaseExists(a0)) {
      throw Errors.analysis("SCHEMA_NOT_FOUND", "schemaName", "`spark_catalog`.`" + a0 + "`");
    }
    return new org.apache.spark.sql.catalog.Database(
        a0.toLowerCase(Locale.ROOT), "spark_catalog", shared.comment(a0), "memory:/" + a0);
  }

  @Override
  public org.apache.spark.sql.catalog.Table getTable(java.lang.String a0) {
    java.util.List<String> parts = SessionCatalog.parts(a0);
    CatalogTable t = session.sessionCatalog().require(parts);
    return describe(t);
  }

  private static org.apache.spark.sql.catalog.Table describe(CatalogTable t) {
    boolean temp = t.kind() == CatalogTable.Kind.TEMPORARY;
    return new org.apache.spark.sql.catalog.Table(
        t.name(),
        temp ? null : "spark_catalog",
        temp ? new String[0] : new String[] {t.database()},
        t.comment(),
        temp ? "TEMPORARY" : t.isView() ? "VIEW" : "MANAGED",
        temp);
  }

  @Override
  public org.apache.spark.sql.catalog.Table getTable(java.lang.String a0, java.lang.String a1) {
    CatalogTable t = session.sessionCatalog().shared().get(a0, a1);
    if (t == null) {
      throw Errors.tableNotFound(a0 + "." + a1);
    }
    return describe(t);
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.catalog.Function getFunction(java.lang.String a0) {
    throw MockSparkSession.unsupported("Catalog.getFunction(String)");
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.catalog.Function getFunction(
      java.lang.String a0, java.lang.String a1) {
    throw MockSparkSession.unsupported("Catalog.getFunction(String, String)");
  }

  @Override
  public boolean databaseExists(java.lang.String a0) {
    return session.sessionCatalog().shared().databaseExists(a0);
  }

  @Override
  public boolean tableExists(java.lang.String a0) {
    return exists(a0);
  }

  @Override
  public boolean tableExists(java.lang.String a0, java.lang.String a1) {
    return session.sessionCatalog().shared().get(a0, a1) != null;
  }

  @Override
  public boolean functionExists(java.lang.String a0) {
    return MockCapabilities.supportedFunctions().contains(a0.toLowerCase(Locale.ROOT))
        || session.udfRegistry().has(a0);
  }

  @Override
  public boolean functionExists(java.lang.String a0, java.lang.String a1) {
    return functionExists(a1);
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> createTable(
      java.lang.String a0, java.lang.String a1) {
    throw MockSparkSession.unsupported("Catalog.createTable(String, String)");
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> createTable(
      java.lang.String a0, java.lang.String a1, java.lang.String a2) {
    throw MockSparkSession.unsupported("Catalog.createTable(String, String, String)");
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> createTable(
      java.lang.String a0,
      java.lang.String a1,
      scala.collection.immutable.Map<java.lang.String, java.lang.String> a2) {
    throw MockSparkSession.unsupported("Catalog.createTable(String, String, String, String>)");
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> createTable(
      java.lang.String a0,
      java.lang.String a1,
      java.lang.String a2,
      scala.collection.immutable.Map<java.lang.String, java.lang.String> a3) {
    throw MockSparkSession.unsupported(
        "Catalog.createTable(String, String, String, String, String>)");
  }

  /** Creates an empty managed table with the schema (kept in memory whatever the source). */
  @Override
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> createTable(
      java.lang.String a0,
      java.lang.String a1,
      org.apache.spark.sql.types.StructType a2,
      scala.collection.immutable.Map<java.lang.String, java.lang.String> a3) {
    if (a3.contains("path")) {
      throw MockSparkSession.unsupported("Catalog.createTable(...) of an external table (a path)");
    }
    SessionCatalog.Ident id = session.sessionCatalog().qualify(SessionCatalog.parts(a0));
    session.tables().create(id, session.createDataFrame(java.util.List.of(), a2), a1, false);
    return session.table(a0);
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> createTable(
      java.lang.String a0,
      java.lang.String a1,
      org.apache.spark.sql.types.StructType a2,
      java.lang.String a3,
      scala.collection.immutable.Map<java.lang.String, java.lang.String> a4) {
    throw MockSparkSession.unsupported(
        "Catalog.createTable(String, String, StructType, String, String, String>)");
  }

  @Override
  public boolean dropTempView(java.lang.String a0) {
    return session.sessionCatalog().dropTempView(a0);
  }

  @Override
  public boolean dropGlobalTempView(java.lang.String a0) {
    return session.sessionCatalog().dropGlobalTempView(a0);
  }

  @Override
  @Unsupported
  public void recoverPartitions(java.lang.String a0) {
    throw MockSparkSession.unsupported("Catalog.recoverPartitions(String)");
  }

  @Override
  public boolean isCached(java.lang.String a0) {
    requireTable(a0);
    return cached.contains(a0.toLowerCase(Locale.ROOT));
  }

  @Override
  public void cacheTable(java.lang.String a0) {
    requireTable(a0);
    cached.add(a0.toLowerCase(Locale.ROOT));
  }

  @Override
  public void cacheTable(java.lang.String a0, org.apache.spark.storage.StorageLevel a1) {
    cacheTable(a0);
  }

  @Override
  public void uncacheTable(java.lang.String a0) {
    requireTable(a0);
    cached.remove(a0.toLowerCase(Locale.ROOT));
  }

  @Override
  public void clearCache() {
    cached.clear();
  }

  @Override
  public void refreshTable(java.lang.String a0) {
    requireTable(a0);
  }

  @Override
  public void refreshByPath(java.lang.String a0) {
    // Nothing is cached by path in memory, so there is nothing to refresh.
  }

  @Override
  public java.lang.String currentCatalog() {
    return "spark_catalog";
  }

  @Override
  public void setCurrentCatalog(java.lang.String a0) {
    if (!a0.equalsIgnoreCase("spark_catalog")) {
      throw Errors.analysis(
          "CATALOG_NOT_FOUND",
          "catalogName",
          "`" + a0 + "`",
          "config",
          "\"spark.sql.catalog." + a0 + "\"");
    }
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.CatalogMetadata> listCatalogs() {
    throw MockSparkSession.unsupported("Catalog.listCatalogs()");
  }

  @Override
  @Unsupported
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.catalog.CatalogMetadata> listCatalogs(
      java.lang.String a0) {
    throw MockSparkSession.unsupported("Catalog.listCatalogs(String)");
  }
}
