package dev.forgeline.writer;

import dev.forgeline.mock.MockDeltaTable;
import dev.forgeline.mock.MockSparkSession;
import io.delta.tables.DeltaTable;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The two backends the writer's behaviour tests run on: local Spark with real Delta, and the mock
 * (Delta emulated through the DataFrame API). Each gives its session and the newest version of a
 * Delta table, read through the backend's own table API.
 */
enum WriterBackend {
  SPARK {
    @Override
    SparkSession session() {
      return WriterSpark.session();
    }

    @Override
    long version(String path) {
      return DeltaTable.forPath(session(), path).history(1).first().getAs("version");
    }
  },
  MOCK {
    @Override
    SparkSession session() {
      return MockHolder.SESSION;
    }

    @Override
    long version(String path) {
      return MockDeltaTable.forPath(session(), path)
          .history()
          .agg(functions.max("version"))
          .first()
          .getLong(0);
    }
  };

  abstract SparkSession session();

  /** The newest version of the Delta table at {@code path}. */
  abstract long version(String path);

  private static final class MockHolder {
    static final SparkSession SESSION =
        MockSparkSession.create(Map.of("spark.sql.session.timeZone", "UTC"));
  }
}
