package dev.forgeline.core.internal.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds cycles without recursion (graphs may have tens of thousands of nodes): Kahn's algorithm
 * removes every node outside a cycle; from each remaining node a walk along its upstream edges must
 * come back to itself, and that loop is one cycle.
 */
final class CycleFinder {
  private CycleFinder() {}

  /** Each cycle as node indices in delivery order, starting at its lowest index. */
  static List<List<Integer>> find(List<int[]> upstream, List<int[]> downstream) {
    int n = upstream.size();
    int[] indegree = new int[n];
    for (int i = 0; i < n; i++) {
      indegree[i] = upstream.get(i).length;
    }
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    boolean[] removed = new boolean[n];
    while (!ready.isEmpty()) {
      int i = ready.poll();
      removed[i] = true;
      for (int d : downstream.get(i)) {
        if (--indegree[d] == 0) {
          ready.add(d);
        }
      }
    }
    List<List<Integer>> cycles = new ArrayList<>();
    boolean[] visited = new boolean[n];
    for (int start = 0; start < n; start++) {
      if (removed[start] || visited[start]) {
        continue;
      }
      Map<Integer, Integer> positionOnWalk = new HashMap<>();
      List<Integer> walk = new ArrayList<>();
      int current = start;
      while (!visited[current]) {
        visited[current] = true;
        positionOnWalk.put(current, walk.size());
        walk.add(current);
        current = firstRemaining(upstream.get(current), removed);
      }
      Integer from = positionOnWalk.get(current);
      if (from == null) {
        continue; // joined a walk already reported
      }
      List<Integer> loop = new ArrayList<>(walk.subList(from, walk.size()));
      Collections.reverse(loop); // walked upstream; report in delivery direction
      int lowest = loop.indexOf(Collections.min(loop));
      Collections.rotate(loop, -lowest);
      cycles.add(loop);
    }
    return cycles;
  }

  private static int firstRemaining(int[] ups, boolean[] removed) {
    for (int u : ups) {
      if (!removed[u]) {
        return u;
      }
    }
    throw new IllegalStateException("a node left by Kahn's algorithm has no remaining upstream");
  }
}
