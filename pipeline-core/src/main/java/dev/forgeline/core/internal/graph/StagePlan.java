package dev.forgeline.core.internal.graph;

/**
 * A stage of the flattened specification tree, for rendering: a stage of factories or an included
 * sub-pipeline.
 *
 * @param path the full path ({@code outer/inner/stage})
 * @param scope the namespace it lives in ({@code ""} at the top)
 * @param name its own name
 * @param guard its condition as text; null when none
 * @param included the included pipeline's name for a sub-pipeline; null for a stage of factories
 */
public record StagePlan(String path, String scope, String name, String guard, String included) {

  /** How deep the stage is nested (0 at the top). */
  public int depth() {
    return scope.isEmpty() ? 0 : scope.split("/", -1).length;
  }
}
