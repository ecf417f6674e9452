package dev.forgeline.core.internal.graph;

/**
 * A delivery point matched to its source: a node's output or an external input. An optional point
 * with no producer has neither.
 *
 * @param point the delivery point of the consumer
 * @param fromNode the producing node's index, or -1
 * @param fromInput the external input, or null
 */
public record Wire(DeliveryPoint point, int fromNode, Input fromInput) {

  /** Whether nothing feeds this (optional) point. */
  public boolean unmatched() {
    return fromNode < 0 && fromInput == null;
  }
}
