package dev.forgeline.core.error;

import java.util.List;

/**
 * Thrown when the configuration is not valid, listing every problem found, numbered, each with its
 * id, the key and the file and line it came from, what was found and what was expected. Nothing has
 * run when it is thrown.
 *
 * @since 0.1.0
 */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** Creates the exception with at least one problem; the list is copied. */
  public ConfigurationException(List<Problem> problems) {
    super(render(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a configuration exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order printed. */
  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    StringBuilder b = new StringBuilder("The configuration is not valid: ");
    b.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append('\n');
    int n = 1;
    for (Problem p : problems) {
      String number = n++ + ") ";
      b.append('\n').append(number).append(p.render(" ".repeat(number.length())));
    }
    return b.toString();
  }
}
