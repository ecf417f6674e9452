package dev.forgeline.core.internal.graph;

/**
 * A delivery point matched to its source: a node's output or an external input. An optional point
 * with no producer has neither. A point fed by an if/otherwise pair has the else branch's node as
 * {@code elseNode}: whichever ran delivers.
 *
 * @param point the delivery point of the consumer
 * @param fromNode the producing node's index, or -1
 * @param fromInput the external input, or null
 * @param elseNode the producing node on the other branch of an if/otherwise pair, or -1
 */
public record Wire(DeliveryPoint point, int fromNode, Input fromInput, int elseNode) {

  /** A wire with no else branch. */
  public Wire(DeliveryPoint point, int fromNode, Input fromInput) {
    this(point, fromNode, fromInput, -1);
  }

  /** Whether nothing feeds this (optional) point. */
  public boolean unmatched() {
    return fromNode < 0 && fromInput == null;
  }

  /** Whether {@code node} feeds this point (on either branch). */
  public boolean from(int node) {
    return fromNode == node || elseNode == node;
  }
}
