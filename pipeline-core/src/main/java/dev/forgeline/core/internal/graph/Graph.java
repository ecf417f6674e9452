package dev.forgeline.core.internal.graph;

import java.util.List;

/**
 * A checked pipeline graph: nodes in declaration order, each with its wires, upstream and
 * downstream node indices. Acyclic by construction ({@link GraphPlanner} rejects cycles).
 *
 * @param pipeline the pipeline's name
 * @param stages stage names in order
 * @param nodes the factories
 * @param wires per node, its matched delivery points
 * @param upstream per node, the distinct nodes it waits for (deliveries, and barriers if on)
 * @param downstream per node, the distinct nodes that wait for it
 * @param inputs external inputs
 */
public record Graph(
    String pipeline,
    List<String> stages,
    List<Node> nodes,
    List<List<Wire>> wires,
    List<int[]> upstream,
    List<int[]> downstream,
    List<Input> inputs) {

  /** The number of factories. */
  public int size() {
    return nodes.size();
  }

  /** Whether some node requires (non-optionally) the output of {@code node}. */
  public boolean outputRequired(int node) {
    for (int consumer : downstream.get(node)) {
      for (Wire w : wires.get(consumer)) {
        if (w.fromNode() == node && !w.point().optional()) {
          return true;
        }
      }
    }
    return false;
  }
}
