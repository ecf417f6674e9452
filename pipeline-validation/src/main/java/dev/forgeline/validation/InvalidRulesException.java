package dev.forgeline.validation;

import dev.forgeline.core.error.Problem;
import dev.forgeline.validation.internal.Messages;
import java.util.List;

/**
 * Thrown when rules or a schema contract cannot be used as given: a bad regex, a threshold outside
 * [0, 1], duplicate names, a column the data lacks, a malformed HOCON rule or contract file. Every
 * problem found is listed, numbered; no data has been validated when it is thrown.
 *
 * @since 0.1.0
 */
public final class InvalidRulesException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** Creates the exception with at least one problem. */
  public InvalidRulesException(List<Problem> problems) {
    super(Messages.render("Validation rules are not valid", problems));
    this.problems = List.copyOf(problems);
  }

  /** Creates the exception for one problem. */
  public InvalidRulesException(Problem problem) {
    this(List.of(problem));
  }

  /** Every problem, in the order printed. */
  public List<Problem> problems() {
    return problems;
  }
}
