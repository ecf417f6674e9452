package dev.forgeline.validation;

import dev.forgeline.core.error.Problem;
import dev.forgeline.validation.internal.Names;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Factories of every problem this package reports, so each wording lives in one place. */
final class Problems {
  private Problems() {}

  static Problem thresholdOutOfRange(String rule, String key, double value) {
    return new Problem(
        ValidationError.THRESHOLD_OUT_OF_RANGE,
        "the threshold of rule [" + rule + "] was [" + value + "] but must lie in [0, 1]",
        key.isEmpty() ? "rule [" + rule + "]" : "rule [" + rule + "], key [" + key + "]",
        List.of(),
        "A threshold is the minimum pass rate: 0.98 tolerates 2% failing rows.");
  }

  static Problem duplicateName(String rule, int first, int second) {
    return new Problem(
        ValidationError.DUPLICATE_RULE_NAME,
        "rule name [" + rule + "] is used twice",
        "rules #" + first + " and #" + second,
        List.of(),
        "Give each rule its own name with named(...).");
  }

  static Problem unknownColumn(String rule, String column, String where, Collection<String> known) {
    return new Problem(
        ValidationError.UNKNOWN_RULE_COLUMN,
        "rule [" + rule + "] names column [" + column + "] that " + where + " does not have",
        "rule [" + rule + "]",
        List.of("columns: " + known),
        Names.didYouMean(column, known));
  }

  static Problem badExpression(String rule, String what) {
    return new Problem(
        ValidationError.INVALID_RULE,
        "rule [" + rule + "] cannot be evaluated on this data",
        "rule [" + rule + "]",
        List.of("found: " + firstLine(what)),
        "Check the expression's column names and types against the data's schema.");
  }

  static Problem columnClash(String column) {
    return new Problem(
        ValidationError.INVALID_RULE,
        "the quarantine column [" + column + "] already exists in the data",
        "quarantine column",
        List.of(),
        "Choose another name with Validator.builder().quarantineColumn(...).");
  }

  static Problem ruleFailed(RuleOutcome r) {
    double threshold = r.threshold() == null ? 1.0 : r.threshold();
    String message =
        r.threshold() == null
            ? String.format(
                Locale.ROOT,
                "rule [%s] (%s) failed on %d of %d rows; it tolerates none",
                r.name(),
                r.action(),
                r.failed(),
                r.rows())
            : String.format(
                Locale.ROOT,
                "rule [%s] (%s) passed %s of rows, under its threshold %s",
                r.name(),
                r.action(),
                RuleOutcome.rate(r.passRate()),
                RuleOutcome.rate(threshold));
    return new Problem(
        ValidationError.RULE_FAILED,
        message,
        "rule [" + r.name() + "]",
        List.of(
            "pass rate: "
                + RuleOutcome.rate(r.passRate())
                + " ("
                + r.passed()
                + " of "
                + r.rows()
                + " rows)",
            "threshold: " + RuleOutcome.rate(threshold)),
        "Fix the data, tolerate some failing rows with threshold(...), or quarantine them with"
            + " a DROP rule.");
  }

  private static String firstLine(String s) {
    String text = s == null ? "" : s.strip();
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
