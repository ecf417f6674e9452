package dev.forgeline.mock;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SetOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.SaveMode;

/**
 * df.write(): saves into the mock's in-memory storage (paths and tables), honouring the save mode
 * (error if exists, append, overwrite, ignore). The format is recorded but not interpreted.
 */
final class MockDataFrameWriter<T> extends DataFrameWriter<T> {
  private final MockSparkSession session;
  private final Relation relation;

  MockDataFrameWriter(MockSparkSession session, Relation relation) {
    this.session = session;
    this.relation = relation;
  }

  static String normalize(String path) {
    String p = path.startsWith("file:") ? path.substring("file:".length()) : path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private Relation snapshot() {
    List<Field> fields = new ArrayList<>();
    for (Field f : relation.fields()) {
      fields.add(Field.of(f.name(), f.type(), f.nullable()));
    }
    return Relation.of(fields, relation.rows());
  }

  private void write(Map<String, Relation> store, String key, boolean table, String display) {
    SaveMode mode = curmode();
    synchronized (store) {
      Relation existing = store.get(key);
      if (existing != null) {
        switch (mode) {
          case ErrorIfExists:
            throw table
                ? Errors.analysis(
                    "TABLE_OR_VIEW_ALREADY_EXISTS",
                    "relationName",
                    "`spark_catalog`.`default`.`" + display + "`")
                : Errors.analysis("PATH_ALREADY_EXISTS", "outputPath", "file:" + display);
          case Ignore:
            return;
          case Append:
            Relation appended =
                SetOperations.unionByName(existing, snapshot(), false, session.sessionConf());
            store.put(key, Relation.of(existing.fields(), appended.rows()));
            return;
          default:
            break;
        }
      }
      store.put(key, snapshot());
    }
  }

  @Override
  public void save(String path) {
    write(session.storage().paths, normalize(path), false, path);
  }

  @Override
  public void save() {
    var path = extraOptions().get("path");
    if (path.isEmpty()) {
      throw MockSparkSession.unsupported(
          "DataFrameWriter.save() without a path (format " + source() + ")");
    }
    save(path.get());
  }

  @Override
  public void insertInto(String tableName) {
    session
        .tables()
        .insert(
            dev.forgeline.mock.catalog.SessionCatalog.parts(tableName),
            session.wrapRows(relation),
            curmode() == SaveMode.Overwrite,
            false);
  }

  @Override
  public void saveAsTable(String tableName) {
    session.tables().saveAsTable(tableName, session.wrapRows(relation), curmode(), source());
  }
}
