package dev.forgeline.core.internal.graph;

import dev.forgeline.core.Condition;
import java.util.Map;

/**
 * A condition guarding a node: the node runs only when it holds ({@code otherwise}: only when it
 * does not).
 *
 * @param condition the condition
 * @param otherwise whether the node is on the else branch
 * @param stage the stage path whose condition it is (the if branch's, for an else branch)
 * @param slot the evaluation slot: one per condition and namespace, so a run evaluates it once
 * @param ids the step ids the condition names, resolved to node indices in its namespace
 */
public record Guard(
    Condition condition, boolean otherwise, String stage, int slot, Map<String, Integer> ids) {

  /** Copies the map. */
  public Guard {
    ids = Map.copyOf(ids);
  }

  /** How a report or plan names this guard: the condition, or its else branch. */
  public String describe() {
    return otherwise
        ? "otherwise of [" + stage + "] (when not: " + condition.description() + ")"
        : "when: " + condition.description();
  }
}
