package dev.forgeline.core.internal.graph;

import com.google.inject.TypeLiteral;

/**
 * A producer seen by matching in one namespace: a node, an external input, or a mapped id standing
 * for one of them.
 *
 * @param id the id it is known by in the namespace
 * @param type its output type
 * @param type0 the producing factory class; null for an external input
 * @param node the producing node's index, or -1 for an external input
 * @param input the external input, or null
 */
record Candidate(String id, TypeLiteral<?> type, Class<?> type0, int node, Input input) {
  String describe() {
    return node >= 0
        ? "[" + id + "] (" + type0.getName() + ") producing " + Types.render(type)
        : "[" + id + "] (external input) of " + Types.render(type);
  }

  Candidate as(String alias) {
    return new Candidate(alias, type, type0, node, input);
  }
}
