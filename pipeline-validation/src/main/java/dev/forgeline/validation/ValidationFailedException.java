package dev.forgeline.validation;

import dev.forgeline.core.error.Problem;
import dev.forgeline.validation.internal.Messages;
import java.util.List;

/**
 * Thrown when validated data breaches a FAIL rule (or a DROP rule with a threshold): each problem
 * names the rule, its pass rate and its threshold. In lazy mode every breached rule is listed; in
 * eager mode the first one. The full outcome, with counts for every rule, stays available.
 *
 * @since 0.1.0
 */
public final class ValidationFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;
  private final transient ValidationOutcome outcome;

  /** Creates the exception with at least one problem. */
  public ValidationFailedException(List<Problem> problems, ValidationOutcome outcome) {
    super(
        Messages.render(
            "Validation failed on "
                + outcome.rows()
                + " rows (pass rate "
                + RuleOutcome.rate(outcome.passRate())
                + ")",
            problems));
    this.problems = List.copyOf(problems);
    this.outcome = outcome;
  }

  /** Every breached rule's problem, in rule order. */
  public List<Problem> problems() {
    return problems;
  }

  /** The outcome that failed: counts for every rule and the valid and quarantined rows. */
  public ValidationOutcome outcome() {
    return outcome;
  }
}
