/**
 * Errors as part of the API: stable {@link dev.forgeline.core.error.ErrorId}s, the collected {@link
 * dev.forgeline.core.error.Problem}s of a {@link
 * dev.forgeline.core.error.PipelineDefinitionException}, and the {@link
 * dev.forgeline.core.error.PipelineExecutionException} of a failed run.
 */
package dev.forgeline.core.error;
