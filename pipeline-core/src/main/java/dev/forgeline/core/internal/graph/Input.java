package dev.forgeline.core.internal.graph;

import com.google.inject.TypeLiteral;

/**
 * A value handed to the pipeline from outside, available to deliveries like a factory's output.
 *
 * @param id its id; when none was given, {@code input:<type>}
 * @param type its declared type
 * @param value the value; may be null only when no consumer requires it
 */
public record Input(String id, TypeLiteral<?> type, Object value) {}
