package dev.forgeline.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A stage as declared: its name and its factories in order. Immutable; the list may hold a null
 * entry, which {@code build()} reports with its position rather than failing here.
 *
 * @param name the stage's name, unique in its pipeline
 * @param factories the stage's factories in declaration order
 * @since 0.1.0
 */
public record StageSpec(String name, List<FactorySpec> factories) {
  /** Checks the name and copies the list (keeping null entries for build() to report). */
  public StageSpec {
    Objects.requireNonNull(name, "name");
    factories = Collections.unmodifiableList(new ArrayList<>(factories));
  }
}
