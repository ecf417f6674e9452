package dev.forgeline.mock;

import dev.forgeline.mock.catalog.CatalogTable;
import dev.forgeline.mock.catalog.SessionCatalog;
import dev.forgeline.mock.delta.DeltaDml;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * df.writeTo(table): create, replace, createOrReplace, append (by column name), overwrite by a
 * condition and overwritePartitions on the mock's in-memory catalog; like Spark, the writes into an
 * existing table need a Delta (V2) table, the file tables being V1.
 */
final class MockDataFrameWriterV2<T> extends DataFrameWriterV2<T> {
  private final MockSparkSession session;
  private final MockDataset<T> data;
  private final List<String> name;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private String provider;

  MockDataFrameWriterV2(MockSparkSession session, MockDataset<T> data, String table) {
    this.session = session;
    this.data = data;
    this.name = SessionCatalog.parts(Objects.requireNonNull(table, "table"));
  }

  private Dataset<Row> rows() {
    return data.toDF();
  }

  @Override
  public DataFrameWriterV2<T> using(String source) {
    this.provider = Objects.requireNonNull(source, "source");
    return this;
  }

  @Override
  public DataFrameWriterV2<T> option(String key, String value) {
    return this;
  }

  @Override
  public DataFrameWriterV2<T> options(scala.collection.Map<String, String> options) {
    return this;
  }

  @Override
  public DataFrameWriterV2<T> options(java.util.Map<String, String> options) {
    return this;
  }

  @Override
  public DataFrameWriterV2<T> tableProperty(String property, String value) {
    properties.put(property, value);
    return this;
  }

  @Override
  @Unsupported
  public DataFrameWriterV2<T> partitionedBy(
      Column column, scala.collection.immutable.Seq<Column> columns) {
    throw MockSparkSession.unsupported("DataFrameWriterV2.partitionedBy(Column...)");
  }

  @Override
  @Unsupported
  public DataFrameWriterV2<T> clusterBy(
      String column, scala.collection.immutable.Seq<String> columns) {
    throw MockSparkSession.unsupported("DataFrameWriterV2.clusterBy(String...)");
  }

  private CatalogTable existing() {
    return session.sessionCatalog().find(name);
  }

  /** Whether the provider is Delta, whose tables support the V2 writes; Spark's own do not. */
  private boolean delta() {
    return "delta".equalsIgnoreCase(provider);
  }

  private String qualified() {
    return Names.quoteParts(session.sessionCatalog().qualifiedParts(name));
  }

  private void store(boolean replace) {
    SessionCatalog.Ident id = session.sessionCatalog().qualify(name);
    session.tables().create(id, rows(), provider, replace);
    if (!properties.isEmpty()) {
      session
          .sessionCatalog()
          .shared()
          .update(id.database(), id.name(), t -> t.withProperties(properties));
    }
  }

  @Override
  public void create() {
    store(false);
  }

  @Override
  public void replace() {
    CatalogTable t = existing();
    if (t == null) {
      throw Errors.analysis("TABLE_OR_VIEW_NOT_FOUND", "relationName", Names.quoteParts(name));
    }
    requireV2(t, "REPLACE TABLE AS SELECT");
    store(true);
  }

  @Override
  public void createOrReplace() {
    CatalogTable t = existing();
    if (t != null) {
      requireV2(t, "REPLACE TABLE AS SELECT");
    }
    store(true);
  }

  @Override
  public void append() {
    requireDelta();
    session.tables().insert(name, rows(), false, true);
  }

  /** Spark's built-in file tables are V1 tables: REPLACE needs a V2 table such as Delta. */
  private void requireV2(CatalogTable t, String operation) {
    if (!"delta".equalsIgnoreCase(t.provider()) || !delta()) {
      throw Errors.analysis(
          "UNSUPPORTED_FEATURE.TABLE_OPERATION", "tableName", qualified(), "operation", operation);
    }
  }

  @Override
  public void overwrite(Column condition) {
    Objects.requireNonNull(condition, "condition");
    requireDelta();
    session
        .tables()
        .overwriteWhere(
            name, rows(), condition, () -> DeltaDml.replaceWhereMismatch(condition.toString()));
  }

  /**
   * Replaces the partitions the data has rows for; the mock's catalog tables are not partitioned,
   * so, as Delta does for an unpartitioned table, the whole table.
   */
  @Override
  public void overwritePartitions() {
    requireDelta();
    session.tables().insert(name, rows(), true, true);
  }

  /** An existing Delta table: the V2 writes that change rows in place need one. */
  private void requireDelta() {
    CatalogTable t = existing();
    if (t == null) {
      throw Errors.analysis("TABLE_OR_VIEW_NOT_FOUND", "relationName", Names.quoteParts(name));
    }
    if (!"delta".equalsIgnoreCase(t.provider())) {
      throw Errors.analysis("_LEGACY_ERROR_TEMP_1012", "identifier", qualified());
    }
  }
}
