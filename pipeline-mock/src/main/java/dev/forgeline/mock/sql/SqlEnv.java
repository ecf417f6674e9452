package dev.forgeline.mock.sql;

import dev.forgeline.mock.catalog.SessionCatalog;
import dev.forgeline.mock.catalog.Tables;
import org.apache.spark.sql.SparkSession;

/**
 * What a statement runs against: the session (for its Dataset API and conf), its catalog and its
 * table access.
 *
 * @param spark the session
 * @param catalog the session's catalog
 * @param tables table reads and writes of the session
 * @param frames the session seen from the Delta layer, for MERGE, UPDATE and DELETE
 */
public record SqlEnv(
    SparkSession spark,
    SessionCatalog catalog,
    Tables tables,
    dev.forgeline.mock.delta.Frames frames) {}
