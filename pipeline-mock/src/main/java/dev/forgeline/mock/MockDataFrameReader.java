package dev.forgeline.mock;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.Scala;
import dev.forgeline.mock.engine.SetOperations;
import java.util.List;
import java.util.Properties;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.collection.immutable.Seq;

/**
 * spark.read(): tables and temporary views of the session, and paths written by the mock's own
 * writer (an in-memory file system shared by a session and its newSession()s). Real files are not
 * read.
 */
@SuppressWarnings("deprecation")
final class MockDataFrameReader extends DataFrameReader {
  private final MockSparkSession session;

  MockDataFrameReader(MockSparkSession session) {
    this.session = session;
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
    Relation r = session.storage().paths.get(MockDataFrameWriter.normalize(path));
    if (r == null) {
      if (java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
        throw MockSparkSession.unsupported("DataFrameReader.load(\"" + path + "\") of a real file");
      }
      throw Errors.analysis(
          "PATH_NOT_FOUND", "path", "file:" + java.nio.file.Path.of(path).toAbsolutePath());
    }
    return session.wrapRows(r.withQualifier(null));
  }

  @Override
  public Dataset<Row> load(Seq<String> paths) {
    List<String> all = Scala.list(paths);
    if (all.isEmpty()) {
      return load();
    }
    Relation r = ((MockDataset<Row>) load(all.get(0))).relation();
    for (int i = 1; i < all.size(); i++) {
      r =
          SetOperations.union(
              r, ((MockDataset<Row>) load(all.get(i))).relation(), session.sessionConf());
    }
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
