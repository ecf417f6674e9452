package dev.forgeline.core.internal.graph;

import java.util.List;

/** Renders a checked graph as indented text and as a Mermaid flowchart; runs nothing. */
public final class GraphRenderer {
  private GraphRenderer() {}

  /**
   * The plan as text: stages, factories with their output types, and where each input comes from.
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
    for (String stage : g.stages()) {
      b.append("stage [").append(stage).append("]\n");
      for (Node n : g.nodes()) {
        if (!n.stage().equals(stage)) {
          continue;
        }
        b.append("  ")
            .append(n.id())
            .append(" (")
            .append(n.type().getSimpleName())
            .append(") -> ")
            .append(Types.render(n.output()))
            .append('\n');
        for (Wire w : g.wires().get(n.index())) {
          b.append("    <- ")
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

  /** The plan as a Mermaid flowchart: one subgraph per stage, one arrow per delivery. */
  public static String mermaid(Graph g) {
    StringBuilder b = new StringBuilder("flowchart LR\n");
    for (int s = 0; s < g.stages().size(); s++) {
      String stage = g.stages().get(s);
      b.append("  subgraph s").append(s).append(" [\"").append(escape(stage)).append("\"]\n");
      for (Node n : g.nodes()) {
        if (n.stage().equals(stage)) {
          b.append("    n")
              .append(n.index())
              .append("[\"")
              .append(escape(n.id()))
              .append("<br/>")
              .append(escape(Types.render(n.output())))
              .append("\"]\n");
        }
      }
      b.append("  end\n");
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
        b.append("  ")
            .append(from)
            .append(" -->|")
            .append(escape(w.point().name()))
            .append("| n")
            .append(n.index())
            .append('\n');
      }
    }
    return b.toString();
  }

  private static String source(Graph g, Wire w) {
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
