package dev.forgeline.core.report;

/**
 * The phases of a step, in the order they run.
 *
 * @since 0.1.0
 */
public enum Phase {
  /** Creating the factory (Guice) and handing it its deliveries. */
  CREATE,
  /** {@code Factory.read()}. */
  READ,
  /** {@code Factory.process()}. */
  PROCESS,
  /** {@code Factory.write()}. */
  WRITE,
  /** {@code Factory.get()}. */
  GET
}
