package dev.forgeline.core.internal.exec;

import dev.forgeline.core.report.StepResult;

/**
 * What a worker reports to the scheduler when a step ends.
 *
 * @param node the node's index
 * @param result the step's result
 * @param output the output, when the step succeeded
 * @param fatal whether the step failed with a JVM error (such as OutOfMemoryError) that stops the
 *     run whatever the failure policy
 */
record StepOutcome(int node, StepResult result, Object output, boolean fatal)
    implements StepEvent {}
