package dev.forgeline.writer;

import dev.forgeline.core.error.Problem;
import java.util.List;

/**
 * Thrown when the run log cannot be configured, written or read: carries the {@link WriterError}
 * id, the place (the table or path), what was found and a hint.
 *
 * @since 0.1.0
 */
public final class LogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  LogException(
      WriterError id,
      String message,
      String place,
      List<String> found,
      String hint,
      Throwable cause) {
    this(new Problem(id, message, place, found, hint), cause);
  }

  private LogException(Problem problem, Throwable cause) {
    super(render(problem), cause);
    this.problem = problem;
  }

  /** The error's id. */
  public WriterError id() {
    return (WriterError) problem.id();
  }

  /** The problem: id, message, place, what was found and the hint. */
  public Problem problem() {
    return problem;
  }

  private static String render(Problem p) {
    StringBuilder b = new StringBuilder().append(p.id().tag()).append(' ').append(p.message());
    b.append('\n');
    if (!p.place().isEmpty()) {
      b.append("  at: ").append(p.place()).append('\n');
    }
    for (String line : p.found()) {
      b.append("  ").append(line).append('\n');
    }
    if (!p.hint().isEmpty()) {
      b.append("  hint: ").append(p.hint()).append('\n');
    }
    return b.toString();
  }
}
