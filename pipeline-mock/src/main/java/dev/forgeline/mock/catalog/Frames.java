package dev.forgeline.mock.catalog;

import dev.forgeline.mock.engine.Relation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What the catalog needs from its session: frames over relations and running a view's query. */
public interface Frames {
  /** A frame of the session over a relation. */
  Dataset<Row> wrap(Relation relation);

  /** The relation behind a frame of the session. */
  Relation unwrap(Dataset<?> frame);

  /** Runs a SQL view's query. */
  Dataset<Row> runView(String sqlText);
}
