package dev.forgeline.core.internal.exec;

import dev.forgeline.core.report.StepResult;

/**
 * What a worker reports to the scheduler when a step ends.
 *
 * @param node the node's index
 * @param result the step's result
 * @param output the output, when the step succeeded
 */
record StepOutcome(int node, StepResult result, Object output) implements StepEvent {}
