package dev.forgeline.core;

import java.time.Duration;

/**
 * Waits between retry attempts. Injected so tests can record waits instead of sleeping.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Sleeper {

  /** The real one: {@link Thread#sleep(Duration)}. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  /** Waits for {@code duration}; responds to interruption. */
  void sleep(Duration duration) throws InterruptedException;
}
