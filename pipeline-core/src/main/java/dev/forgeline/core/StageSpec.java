package dev.forgeline.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A stage as declared: a node of the pipeline's specification tree. A stage holds either factories
 * or one included sub-pipeline (then its name is the namespace of the sub-pipeline's ids), and may
 * carry a {@link Condition} or be the {@code otherwise} branch of another stage. Immutable; the
 * factory list may hold a null entry, which {@code build()} reports with its position rather than
 * failing here.
 *
 * @param name the stage's name, unique in its pipeline
 * @param factories the stage's factories in declaration order; empty for an included sub-pipeline
 * @param condition when the stage runs; null when always
 * @param otherwise the name of the stage whose condition this stage is the else branch of; null
 *     when none
 * @param subPipeline the included sub-pipeline; null for a stage of factories
 * @since 0.1.0
 */
public record StageSpec(
    String name,
    List<FactorySpec> factories,
    Condition condition,
    String otherwise,
    SubPipeline subPipeline) {
  /** Checks the name and copies the list (keeping null entries for build() to report). */
  public StageSpec {
    Objects.requireNonNull(name, "name");
    factories = Collections.unmodifiableList(new ArrayList<>(factories));
    if (condition != null && otherwise != null) {
      throw new IllegalArgumentException(
          "stage ["
              + name
              + "] has a condition and is the otherwise branch of ["
              + otherwise
              + "]; choose one");
    }
    if (subPipeline != null && !factories.isEmpty()) {
      throw new IllegalArgumentException(
          "stage [" + name + "] includes a sub-pipeline and also has factories; choose one");
    }
  }

  /** A stage of factories that always runs. */
  public StageSpec(String name, List<FactorySpec> factories) {
    this(name, factories, null, null, null);
  }

  /** Whether the stage includes a sub-pipeline. */
  public boolean isInclude() {
    return subPipeline != null;
  }
}
