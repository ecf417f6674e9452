package dev.forgeline.mock;

import dev.forgeline.mock.delta.DeltaSource;
import dev.forgeline.mock.engine.Ddl;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.Scala;
import dev.forgeline.mock.files.FileSinks;
import dev.forgeline.mock.files.FileSources;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.immutable.Seq;

/**
 * spark.read(): tables and temporary views of the session, and files (csv, json, text, parquet) and
 * Delta tables on the real file system, read by the files and delta packages.
 */
@SuppressWarnings("deprecation")
final class MockDataFrameReader extends DataFrameReader {
  private final MockSparkSession session;

  MockDataFrameReader(MockSparkSession session) {
    this.session = session;
  }

  /**
   * As Spark's, with its CHAR/VARCHAR rule read from this session's settings (see {@link
   * ReaderSchemas}) instead of from {@code SQLConf}, which the mock never loads.
   */
  @Override
  public DataFrameReader schema(StructType schema) {
    if (schema != null) {
      userSpecifiedSchema_$eq(Option.apply(ReaderSchemas.userSchema(schema, session.conf())));
      validateSingleVariantColumn();
    }
    return this;
  }

  /** As Spark's: the DDL parsed with Spark's grammar (by {@link Ddl}), then {@code schema}. */
  @Override
  public DataFrameReader schema(String schemaString) {
    return schema(Ddl.tableSchema(schemaString));
  }

  @Override
  public Dataset<Row> load() {
    String path = extraOptions().get("path").isDefined() ? extraOptions().get("path").get() : null;
    if (path == null) {
      throw MockSparkSession.unsupported(
          "DataFrameReader.load() without a path (format " + source() + ")");
    }
    return load(path);
  }

  @Override
  public Dataset<Row> load(String path) {
    return load(List.of(path));
  }

  @Override
  public Dataset<Row> load(Seq<String> paths) {
    List<String> all = Scala.list(paths);
    return all.isEmpty() ? load() : load(all);
  }

  /** Files and Delta tables on the real file system: see the files and delta packages. */
  private Dataset<Row> load(List<String> paths) {
    String format = FileSinks.formatName(source());
    Map<String, String> options = Scala.javaMap(extraOptions().originalMap());
    StructType schema = Scala.orNull(userSpecifiedSchema());
    if (schema != null && ReaderSchemas.hasCharVarchar(schema)) {
      throw MockSparkSession.unsupported(
          "reading "
              + format
              + " with CHAR/VARCHAR kept in the schema ("
              + ReaderSchemas.PRESERVE_KEY
              + "=true): the mock does not check or pad their lengths as Spark does");
    }
    Relation r =
        format.equals("delta")
            ? DeltaSource.read(options, schema, paths, session.sessionConf())
            : FileSources.read(format, options, schema, paths, session.sessionConf());
    return session.wrapRows(r);
  }

  @Override
  @Unsupported
  public Dataset<Row> jdbc(String url, String table, String[] predicates, Properties properties) {
    throw MockSparkSession.unsupported("DataFrameReader.jdbc(...)");
  }

  @Override
  @Unsupported
  public Dataset<Row> json(Dataset<String> jsonDataset) {
    throw MockSparkSession.unsupported("DataFrameReader.json(Dataset)");
  }

  @Override
  @Unsupported
  public Dataset<Row> json(JavaRDD<String> jsonRdd) {
    throw MockSparkSession.unsupported("DataFrameReader.json(JavaRDD)");
  }

  @Override
  @Unsupported
  public Dataset<Row> json(RDD<String> jsonRdd) {
    throw MockSparkSession.unsupported("DataFrameReader.json(RDD)");
  }

  @Override
  @Unsupported
  public Dataset<Row> csv(Dataset<String> csvDataset) {
    throw MockSparkSession.unsupported("DataFrameReader.csv(Dataset)");
  }

  @Override
  @Unsupported
  public Dataset<Row> xml(Dataset<String> xmlDataset) {
    throw MockSparkSession.unsupported("DataFrameReader.xml(Dataset)");
  }

  @Override
  public Dataset<Row> table(String tableName) {
    return session.tables().read(dev.forgeline.mock.catalog.SessionCatalog.parts(tableName));
  }
}
