package dev.forgeline.mock.engine;

/** An aggregate bound in an output expression, computed into row slot {@code slot}. */
public record AggCall(Aggregate aggregate, int slot) {}
