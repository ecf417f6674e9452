package dev.forgeline.mock.kit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A small DataFrame program of the contract kit: builds its own inputs on the given session and
 * returns the frame to observe.
 *
 * <p>Programs use only Spark's abstract API ({@code SparkSession}, {@code Dataset<Row>}, {@code
 * Column}, {@code functions}), so the same program runs on any backend.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface KitProgram {

  /**
   * Builds the frame to observe.
   *
   * @param spark the session to build on, never null
   * @return the frame to observe; never null (errors are thrown, not returned)
   */
  Dataset<Row> build(SparkSession spark);
}
