/**
 * {@code spark.sql(...)} on the mock: Spark's own grammar parses the statement and these classes
 * translate the tree into the mock's Dataset operations (queries) or catalog changes (commands).
 * The entry point is {@link dev.forgeline.mock.sql.SqlStatements#run}. MERGE INTO, UPDATE and
 * DELETE on Delta tables go through {@code RowLevelDml} to the Delta layer's {@code DeltaDml}.
 * Internal to the mock: not an API.
 */
package dev.forgeline.mock.sql;
