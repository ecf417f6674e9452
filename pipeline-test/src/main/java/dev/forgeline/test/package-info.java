/**
 * Forgeline's test toolkit: JUnit 5 tests of Spark code and Forgeline pipelines on the mock by
 * default and on a real local Spark with one switch. Entry points: {@link
 * dev.forgeline.test.SparkTest} (the extension: a {@code SparkSession} parameter or field), {@link
 * dev.forgeline.test.DatasetAssertions} (Dataset and schema equality with readable diffs), {@link
 * dev.forgeline.test.RowGenerator} (seeded, realistic rows for a schema), {@link
 * dev.forgeline.test.Fixture} (rows for a schema, strictly checked on request) and {@link
 * dev.forgeline.test.PipelineRunner} (run a pipeline or a CLI definition on the test's session).
 * Helpers without a public modifier are internal.
 *
 * @since 0.1.0
 */
package dev.forgeline.test;
