/**
 * The contract kit: one suite of small DataFrame programs that runs on a local classic Spark
 * session and on the mock, comparing schema, rows and errors so the mock cannot drift from Spark.
 *
 * <p>The entry point is {@link dev.forgeline.mock.kit.ContractKit}: {@code cases()} lists every
 * {@link dev.forgeline.mock.kit.KitCase}, {@code compare(...)} runs one case on two sessions and
 * returns a {@link dev.forgeline.mock.kit.CaseResult} whose report names the case and diffs the
 * outcomes. The kit is written against Spark's abstract API only, so it ships in the mock jar.
 */
package dev.forgeline.mock.kit;
