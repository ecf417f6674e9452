/**
 * The run log: {@link dev.forgeline.writer.RunLog} flattens a {@code PipelineReport} into rows of
 * one documented schema, {@link dev.forgeline.writer.RunLog#SCHEMA}, one row per step. Appending
 * those rows to a Delta table (the LogWriter) builds on this.
 */
package dev.forgeline.writer;
