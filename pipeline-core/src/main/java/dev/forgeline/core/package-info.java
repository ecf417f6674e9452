/**
 * Forgeline's engine API: {@link dev.forgeline.core.Factory} units of work, {@link
 * dev.forgeline.core.Delivery} inputs matched by generic type, and the {@link
 * dev.forgeline.core.Pipeline} that checks and runs them. The entry point is {@code
 * Pipeline.builder(name)}. A pipeline's structure is an immutable specification tree ({@link
 * dev.forgeline.core.PipelineSpec}: stages, factories, included {@link
 * dev.forgeline.core.SubPipeline}s, {@link dev.forgeline.core.Condition}s) that the planner
 * flattens into one graph of namespaced ids.
 */
package dev.forgeline.core;
