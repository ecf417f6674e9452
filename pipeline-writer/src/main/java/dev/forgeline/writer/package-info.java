/**
 * The run log: run reports in a Delta table. The entry point is {@link
 * dev.forgeline.writer.LogWriter} ({@code LogWriter.builder(spark).path(...).build()}), which
 * flattens each {@code PipelineReport} into rows of {@link dev.forgeline.writer.RunLog#SCHEMA} and
 * appends them as one idempotent Delta commit, by hand or as a pipeline listener. {@link
 * dev.forgeline.writer.LogReader} queries the log (history, trends, failure rates, anomalies),
 * {@link dev.forgeline.writer.LogMaintenance} compacts and vacuums it, and {@link
 * dev.forgeline.writer.LogSettings} reads {@code forgeline.log} from HOCON.
 */
package dev.forgeline.writer;
