/**
 * The immutable record of a run: {@link dev.forgeline.core.report.PipelineReport} with one {@link
 * dev.forgeline.core.report.StepResult} per factory, JSON out and back in.
 */
package dev.forgeline.core.report;
