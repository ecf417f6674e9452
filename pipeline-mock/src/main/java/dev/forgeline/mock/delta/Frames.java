package dev.forgeline.mock.delta;

import dev.forgeline.mock.engine.Relation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The bridge from Delta's operations to the mock session that runs them: predicates and merge
 * conditions are evaluated by the mock's own Dataset engine, over relations read from the table.
 */
public interface Frames {
  /** A DataFrame of the session over {@code relation}. */
  Dataset<Row> wrap(Relation relation);

  /** The relation behind a DataFrame of the mock session. */
  Relation unwrap(Dataset<?> frame);

  /** The session settings a query reads now. */
  dev.forgeline.mock.engine.SessionConf conf();
}
