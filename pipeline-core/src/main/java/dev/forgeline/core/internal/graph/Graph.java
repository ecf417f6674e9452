package dev.forgeline.core.internal.graph;

import com.typesafe.config.Config;
import dev.forgeline.core.PipelineSpec;
import java.util.List;

/**
 * A checked pipeline graph: nodes in declaration order, each with its wires, upstream and
 * downstream node indices. Acyclic by construction ({@link GraphPlanner} rejects cycles).
 *
 * <p>Each downstream edge has a kind ({@link #REQUIRED}, {@link #SOFT}, {@link #AFTER}) saying what
 * the consumer does when the producer does not succeed.
 *
 * @param pipeline the pipeline's name
 * @param stages paths of the stages of factories, in order
 * @param nodes the factories
 * @param wires per node, its matched delivery points
 * @param upstream per node, the distinct nodes it waits for (deliveries, and barriers if on)
 * @param downstream per node, the distinct nodes that wait for it
 * @param inputs external inputs
 * @param downKinds per node, the kind of each edge in {@code downstream}, in the same order
 * @param plans every stage and sub-pipeline of the specification tree, depth first
 * @param spec the specification tree the graph was planned from
 * @param config the configuration conditions read
 * @param slots how many condition evaluations a run may make (one per condition and namespace)
 */
public record Graph(
    String pipeline,
    List<String> stages,
    List<Node> nodes,
    List<List<Wire>> wires,
    List<int[]> upstream,
    List<int[]> downstream,
    List<Input> inputs,
    List<byte[]> downKinds,
    List<StagePlan> plans,
    PipelineSpec spec,
    Config config,
    int slots) {

  /** A failed or skipped producer skips the consumer (a required delivery, a barrier). */
  public static final byte REQUIRED = 2;

  /**
   * A failed producer skips the consumer; a skipped one does not (an optional delivery, one branch
   * of an if/otherwise pair): the consumer runs without it, or with the other branch's output.
   */
  public static final byte SOFT = 1;

  /** The consumer only waits for the producer, whatever it does (a condition on outcomes). */
  public static final byte AFTER = 0;

  /** The number of factories. */
  public int size() {
    return nodes.size();
  }

  /** Whether some node requires (non-optionally) the output of {@code node}. */
  public boolean outputRequired(int node) {
    for (int consumer : downstream.get(node)) {
      for (Wire w : wires.get(consumer)) {
        if (w.from(node) && !w.point().optional()) {
          return true;
        }
      }
    }
    return false;
  }
}
