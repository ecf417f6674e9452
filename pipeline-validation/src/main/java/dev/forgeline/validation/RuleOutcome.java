package dev.forgeline.validation;

import java.util.Locale;

/**
 * How one rule fared: its passing and failing rows (a row whose condition is NULL fails, so they
 * add up to all rows) and whether it was breached.
 *
 * @param name the rule's name
 * @param kind the rule's kind
 * @param action the rule's action
 * @param threshold the rule's minimum pass rate; null when it has none
 * @param passed rows that satisfy the rule
 * @param failed rows that break it
 * @since 0.1.0
 */
public record RuleOutcome(
    String name, Rule.Kind kind, Action action, Double threshold, long passed, long failed) {

  /** All rows checked. */
  public long rows() {
    return passed + failed;
  }

  /** The share of rows that pass, in [0, 1]; 1 when there are no rows. */
  public double passRate() {
    return rows() == 0 ? 1.0 : (double) passed / rows();
  }

  /** The share of rows that fail, in [0, 1]. */
  public double failRate() {
    return 1.0 - passRate();
  }

  /** Whether the pass rate is under the threshold, or any row failed when there is none. */
  public boolean breached() {
    return passRate() < (threshold == null ? 1.0 : threshold);
  }

  /** Whether the breach fails the validation: a breached FAIL rule, or DROP rule with threshold. */
  public boolean failsValidation() {
    return breached() && (action == Action.FAIL || (action == Action.DROP && threshold != null));
  }

  static String rate(double r) {
    return String.format(Locale.ROOT, "%.4f", r);
  }
}
