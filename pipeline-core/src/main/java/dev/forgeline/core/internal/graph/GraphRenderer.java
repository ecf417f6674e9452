package dev.forgeline.core.internal.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renders a checked graph as indented text and as a Mermaid flowchart; runs nothing. */
public final class GraphRenderer {
  private GraphRenderer() {}

  /**
   * The plan as text: stages (sub-pipelines nested, conditions shown), factories with their output
   * types, and where each input comes from.
   */
  public static String text(Graph g, String settings) {
    StringBuilder b = new StringBuilder();
    b.append("Pipeline [")
        .append(g.pipeline())
        .append("]: ")
        .append(g.size())
        .append(g.size() == 1 ? " factory" : " factories")
        .append(" in ")
        .append(g.stages().size())
        .append(g.stages().size() == 1 ? " stage" : " stages");
    if (!g.inputs().isEmpty()) {
      b.append(", ")
          .append(g.inputs().size())
          .append(" external input")
          .append(g.inputs().size() == 1 ? "" : "s");
    }
    b.append('\n');
    Map<String, List<Node>> byStage = byStage(g);
    for (StagePlan plan : g.plans()) {
      String indent = "  ".repeat(plan.depth());
      if (plan.included() != null) {
        b.append(indent)
            .append("sub-pipeline [")
            .append(plan.path())
            .append("] (pipeline [")
            .append(plan.included())
            .append("])");
      } else {
        b.append(indent).append("stage [").append(plan.path()).append(']');
      }
      if (plan.guard() != null) {
        b.append(' ').append(plan.guard());
      }
      b.append('\n');
      for (Node n : byStage.getOrDefault(plan.path(), List.of())) {
        b.append(indent)
            .append("  ")
            .append(n.id())
            .append(" (")
            .append(n.type().getSimpleName())
            .append(") -> ")
            .append(Types.render(n.output()))
            .append('\n');
        n.spec()
            .condition()
            .ifPresent(
                c -> b.append(indent).append("    when: ").append(c.description()).append('\n'));
        for (Wire w : g.wires().get(n.index())) {
          b.append(indent)
              .append("    <- ")
              .append(w.point().name())
              .append(": ")
              .append(Types.render(w.point().type()))
              .append(" from ")
              .append(source(g, w))
              .append('\n');
        }
      }
    }
    b.append(settings).append('\n');
    return b.toString();
  }

  private static Map<String, List<Node>> byStage(Graph g) {
    Map<String, List<Node>> m = new HashMap<>();
    for (Node n : g.nodes()) {
      m.computeIfAbsent(n.stage(), k -> new ArrayList<>()).add(n);
    }
    return m;
  }

  /**
   * The plan as a Mermaid flowchart: one subgraph per stage, nested in one subgraph per
   * sub-pipeline, conditions in the titles, one arrow per delivery (dotted from an otherwise
   * branch).
   */
  public static String mermaid(Graph g) {
    StringBuilder b = new StringBuilder("flowchart LR\n");
    Map<String, List<Node>> byStage = byStage(g);
    ArrayDeque<String> open = new ArrayDeque<>();
    int stageNo = 0;
    int groupNo = 0;
    for (StagePlan plan : g.plans()) {
      while (!open.isEmpty() && !within(plan.scope(), open.peek())) {
        open.pop();
        b.append("  ".repeat(open.size() + 1)).append("end\n");
      }
      String indent = "  ".repeat(open.size() + 1);
      String title =
          escape(plan.name())
              + (plan.included() != null ? "<br/>pipeline " + escape(plan.included()) : "")
              + (plan.guard() != null ? "<br/>" + escape(plan.guard()) : "");
      if (plan.included() != null) {
        b.append(indent).append("subgraph g").append(groupNo++).append(" [\"").append(title);
        b.append("\"]\n");
        open.push(plan.path());
        continue;
      }
      b.append(indent).append("subgraph s").append(stageNo++).append(" [\"").append(title);
      b.append("\"]\n");
      for (Node n : byStage.getOrDefault(plan.path(), List.of())) {
        b.append(indent)
            .append("  n")
            .append(n.index())
            .append("[\"")
            .append(escape(n.id()))
            .append("<br/>")
            .append(escape(Types.render(n.output())))
            .append("\"]\n");
      }
      b.append(indent).append("end\n");
    }
    while (!open.isEmpty()) {
      open.pop();
      b.append("  ".repeat(open.size() + 1)).append("end\n");
    }
    List<Input> inputs = g.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      b.append("  i")
          .append(i)
          .append("[/\"")
          .append(escape(inputs.get(i).id()))
          .append("<br/>")
          .append(escape(Types.render(inputs.get(i).type())))
          .append("\"/]\n");
    }
    for (Node n : g.nodes()) {
      for (Wire w : g.wires().get(n.index())) {
        if (w.unmatched()) {
          continue;
        }
        String from = w.fromNode() >= 0 ? "n" + w.fromNode() : "i" + inputs.indexOf(w.fromInput());
        arrow(b, from, " -->|", w, n);
        if (w.elseNode() >= 0) {
          arrow(b, "n" + w.elseNode(), " -.->|", w, n);
        }
      }
    }
    return b.toString();
  }

  private static void arrow(StringBuilder b, String from, String shape, Wire w, Node to) {
    b.append("  ")
        .append(from)
        .append(shape)
        .append(escape(w.point().name()))
        .append("| n")
        .append(to.index())
        .append('\n');
  }

  private static boolean within(String scope, String group) {
    return scope.equals(group) || scope.startsWith(group + "/");
  }

  private static String source(Graph g, Wire w) {
    if (w.elseNode() >= 0) {
      return "["
          + g.nodes().get(w.fromNode()).id()
          + "] or, on the otherwise branch, ["
          + g.nodes().get(w.elseNode()).id()
          + "]";
    }
    if (w.fromNode() >= 0) {
      return "[" + g.nodes().get(w.fromNode()).id() + "]";
    }
    if (w.fromInput() != null) {
      return "external input [" + w.fromInput().id() + "]";
    }
    return "nothing (optional)";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
