package dev.forgeline.mock.engine;

import org.apache.spark.sql.types.DataType;

/** A bound aggregate function: Spark's name and type, and a factory of per-group accumulators. */
public interface Aggregate {
  String sql();

  DataType type();

  boolean nullable();

  /** A fresh accumulator for one group (or one window frame). */
  Accumulator start();

  /** Accumulates rows of one group; evaluates its own argument expressions. */
  interface Accumulator {
    void add(Object[] row);

    Object result();
  }
}
