package dev.forgeline.mock;

import dev.forgeline.mock.delta.Frames;
import dev.forgeline.mock.engine.NotSupported;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SessionConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The mock session seen from the delta package: wraps and unwraps its DataFrames. */
final class SessionFrames implements Frames {
  private final MockSparkSession session;

  SessionFrames(MockSparkSession session) {
    this.session = session;
  }

  @Override
  public Dataset<Row> wrap(Relation relation) {
    return session.wrapRows(relation);
  }

  @Override
  public Relation unwrap(Dataset<?> frame) {
    if (frame instanceof MockDataset<?> m) {
      return m.relation();
    }
    throw NotSupported.method(
        "a DataFrame of another backend ("
            + frame.getClass().getName()
            + ") in a mock Delta operation");
  }

  @Override
  public SessionConf conf() {
    return session.sessionConf();
  }
}
