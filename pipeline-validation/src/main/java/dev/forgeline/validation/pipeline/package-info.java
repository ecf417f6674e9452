/**
 * Validation at a factory's boundary in a pipeline: {@link
 * dev.forgeline.validation.pipeline.Validate} (or {@code forgeline.validation.steps} in HOCON)
 * declares the rules, {@link dev.forgeline.validation.pipeline.ValidationModule} installs the
 * interceptor that applies them after {@code get()}, and {@link
 * dev.forgeline.validation.pipeline.ValidationCheck} rejects bad declarations in {@code build()}.
 */
package dev.forgeline.validation.pipeline;
