package dev.forgeline.core.spi;

import dev.forgeline.core.error.Problem;
import java.util.List;

/**
 * A check that {@code build()} runs with its own, reporting into the same numbered list of
 * problems: a module adds what it knows to check (a connector that is not declared, a rule on a
 * column that cannot exist) without the planner knowing about it. Override either method.
 *
 * <p>{@link #checkFactory} runs for every factory before Guice is asked to create it; when it
 * reports a problem for a factory, Guice's generic injection error for that factory is left out,
 * since the check's own message is the clearer one. {@link #check} runs once, after the graph is
 * planned. A check that throws is reported as a problem naming it, never as a crash of {@code
 * build()}.
 *
 * <p>Register with {@code Pipeline.builder(...).check(c)} or {@code
 * Multibinder.newSetBinder(binder(), PipelineCheck.class)}.
 *
 * @since 0.1.0
 */
public interface PipelineCheck {
  /** Problems of one factory; none by default. */
  default List<Problem> checkFactory(FactoryCheckContext factory) {
    return List.of();
  }

  /** Problems of the whole pipeline; none by default. */
  default List<Problem> check(CheckContext pipeline) {
    return List.of();
  }
}
