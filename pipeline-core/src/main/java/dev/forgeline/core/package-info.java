/**
 * Forgeline's engine API: {@link dev.forgeline.core.Factory} units of work, {@link
 * dev.forgeline.core.Delivery} inputs matched by generic type, and the {@link
 * dev.forgeline.core.Pipeline} that checks and runs them. The entry point is {@code
 * Pipeline.builder(name)}.
 */
package dev.forgeline.core;
