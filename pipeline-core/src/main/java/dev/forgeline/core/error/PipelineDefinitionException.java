package dev.forgeline.core.error;

import java.util.List;

/**
 * Thrown by {@code build()} when a pipeline definition is not valid, listing every problem found,
 * numbered, each with its id, place, findings and a hint. Nothing has run when it is thrown.
 *
 * @since 0.1.0
 */
public final class PipelineDefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String pipeline;
  private final transient List<Problem> problems;

  /** Creates the exception for {@code pipeline} with at least one problem. */
  public PipelineDefinitionException(String pipeline, List<Problem> problems) {
    super(render(pipeline, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a definition exception needs at least one problem");
    }
    this.pipeline = pipeline;
    this.problems = List.copyOf(problems);
  }

  /** The pipeline's name. */
  public String pipeline() {
    return pipeline;
  }

  /** Every problem, in the order printed. */
  public List<Problem> problems() {
    return problems;
  }

  private static String render(String pipeline, List<Problem> problems) {
    StringBuilder b = new StringBuilder();
    b.append("Pipeline [").append(pipeline).append("] is not valid: ");
    b.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    b.append("\n");
    int n = 1;
    for (Problem p : problems) {
      String number = n++ + ") ";
      b.append('\n').append(number).append(p.render(" ".repeat(number.length())));
    }
    return b.toString();
  }
}
