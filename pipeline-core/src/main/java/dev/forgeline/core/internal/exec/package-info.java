/**
 * Internal, not API: execution. {@link dev.forgeline.core.internal.exec.Scheduler} runs a checked
 * graph on a bounded pool (its Javadoc explains the design), one {@code StepRunner} per factory,
 * with Spark job tags set for every step. Types here are public only so the API package can reach
 * them.
 */
package dev.forgeline.core.internal.exec;
