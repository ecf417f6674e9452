package dev.forgeline.core.internal.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Edges the planner adds beyond deliveries: waits of {@code always()} and stage barriers. */
final class Edges {
  private Edges() {}

  /**
   * A node guarded by {@code Condition.always()} waits, whatever their outcome, for every node it
   * does not feed (directly or not) and that is not itself such a node.
   */
  static void awaitAll(List<Node> nodes, List<Map<Integer, Byte>> ups) {
    BitSet finals = new BitSet(nodes.size());
    for (Node n : nodes) {
      for (Guard g : n.guards()) {
        if (g.condition().awaitsAll() && !g.otherwise()) {
          finals.set(n.index());
        }
      }
    }
    if (finals.isEmpty()) {
      return;
    }
    List<List<Integer>> down = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      down.add(new ArrayList<>());
    }
    for (int i = 0; i < nodes.size(); i++) {
      for (int u : ups.get(i).keySet()) {
        down.get(u).add(i);
      }
    }
    BitSet fed = new BitSet(nodes.size());
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    finals.stream().forEach(todo::add);
    while (!todo.isEmpty()) {
      for (int d : down.get(todo.poll())) {
        if (!fed.get(d)) {
          fed.set(d);
          todo.add(d);
        }
      }
    }
    for (int f = finals.nextSetBit(0); f >= 0; f = finals.nextSetBit(f + 1)) {
      Map<Integer, Byte> up = ups.get(f);
      for (int m = 0; m < nodes.size(); m++) {
        if (!finals.get(m) && !fed.get(m)) {
          up.putIfAbsent(m, Graph.AFTER);
        }
      }
    }
  }

  /**
   * Stage barriers in dependency order: when a node of stage T depends on a node of stage S, every
   * node of T waits for every node of S (with the strongest kind seen between the two stages).
   */
  static void addBarriers(List<Node> nodes, List<Map<Integer, Byte>> ups) {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (Node n : nodes) {
      members.computeIfAbsent(n.stage(), k -> new ArrayList<>()).add(n.index());
    }
    Map<String, Map<String, Byte>> deps = new HashMap<>();
    for (Node n : nodes) {
      for (Map.Entry<Integer, Byte> e : ups.get(n.index()).entrySet()) {
        String from = nodes.get(e.getKey()).stage();
        if (!from.equals(n.stage())) {
          deps.computeIfAbsent(n.stage(), k -> new HashMap<>())
              .merge(from, e.getValue(), (a, b) -> a >= b ? a : b);
        }
      }
    }
    for (Node n : nodes) {
      Map<Integer, Byte> up = ups.get(n.index());
      deps.getOrDefault(n.stage(), Map.of())
          .forEach(
              (stage, kind) -> {
                for (int m : members.get(stage)) {
                  up.merge(m, kind, (a, b) -> a >= b ? a : b);
                }
              });
    }
  }
}
