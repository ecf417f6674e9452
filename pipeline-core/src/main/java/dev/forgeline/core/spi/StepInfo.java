package dev.forgeline.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * A step as extensions see it: the factory's id, class and stage, and the steps it consumes.
 *
 * @param factoryId the factory's id in the pipeline
 * @param factoryClass the factory's class name
 * @param stage the stage's name
 * @param upstream the ids of the steps whose outputs it consumes
 * @since 0.1.0
 */
public record StepInfo(String factoryId, String factoryClass, String stage, List<String> upstream) {
  /** Checks for nulls and copies the list. */
  public StepInfo {
    Objects.requireNonNull(factoryId, "factoryId");
    Objects.requireNonNull(factoryClass, "factoryClass");
    Objects.requireNonNull(stage, "stage");
    upstream = List.copyOf(upstream);
  }
}
