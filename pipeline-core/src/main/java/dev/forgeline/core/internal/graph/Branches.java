package dev.forgeline.core.internal.graph;

import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The if/otherwise pairs of a graph: for each condition slot that has both branches, the stages on
 * each. Two producers on opposite branches of one pair feed one delivery together; a delivery only
 * one branch produces is a problem unless optional.
 */
final class Branches {
  private final List<Node> nodes;
  private final Map<Integer, Set<String>> ifStages = new HashMap<>();
  private final Map<Integer, Set<String>> elseStages = new HashMap<>();

  Branches(List<Node> nodes) {
    this.nodes = nodes;
    for (Node n : nodes) {
      for (Guard g : n.guards()) {
        (g.otherwise() ? elseStages : ifStages)
            .computeIfAbsent(g.slot(), k -> new LinkedHashSet<>())
            .add(n.stage());
      }
    }
  }

  private boolean paired(int slot) {
    return ifStages.containsKey(slot) && elseStages.containsKey(slot);
  }

  /**
   * {@code [ifNode, elseNode]} when {@code a} and {@code b} are on opposite branches; else null.
   */
  int[] pair(int a, int b) {
    if (a < 0 || b < 0) {
      return null;
    }
    for (Guard ga : nodes.get(a).guards()) {
      for (Guard gb : nodes.get(b).guards()) {
        if (ga.slot() == gb.slot() && ga.otherwise() != gb.otherwise()) {
          return ga.otherwise() ? new int[] {b, a} : new int[] {a, b};
        }
      }
    }
    return null;
  }

  /** The problem when {@code producer} is on one branch of a pair that {@code consumer} is not. */
  Problem onlyOneBranch(Node consumer, DeliveryPoint p, int producer, String producerId) {
    for (Guard g : nodes.get(producer).guards()) {
      if (!paired(g.slot()) || on(consumer, g)) {
        continue;
      }
      Set<String> own = (g.otherwise() ? elseStages : ifStages).get(g.slot());
      Set<String> other = (g.otherwise() ? ifStages : elseStages).get(g.slot());
      return SpecErrors.branchDelivery(
          consumer,
          p,
          producerId,
          (g.otherwise() ? "the otherwise branch " : "the if branch ") + new ArrayList<>(own),
          (g.otherwise() ? "the if branch " : "the otherwise branch ") + new ArrayList<>(other));
    }
    return null;
  }

  private static boolean on(Node consumer, Guard g) {
    for (Guard c : consumer.guards()) {
      if (c.slot() == g.slot() && c.otherwise() == g.otherwise()) {
        return true;
      }
    }
    return false;
  }
}
