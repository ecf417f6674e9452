package dev.forgeline.validation;

import dev.forgeline.core.error.ErrorCode;

/**
 * The stable identifiers of pipeline-validation's errors, printed as {@code [Forgeline/Label]}.
 * Match on them rather than on message text.
 *
 * @since 0.1.0
 */
public enum ValidationError implements ErrorCode {
  /** A rule is malformed: blank name, empty value set, inverted bounds, unparsable expression. */
  INVALID_RULE("InvalidRule", "A rule is malformed (blank name, empty set, bad bounds...)."),
  /** A regex rule's pattern does not compile. */
  INVALID_REGEX(
      "InvalidRuleRegex", "A regex rule's pattern is not a valid Java regular expression."),
  /** A threshold lies outside [0, 1]. */
  THRESHOLD_OUT_OF_RANGE(
      "RuleThresholdOutOfRange", "A rule's threshold (a minimum pass rate) lies outside [0, 1]."),
  /** Two rules of one validator share a name. */
  DUPLICATE_RULE_NAME("DuplicateRuleName", "Two rules of one validator share a name."),
  /** A rule names a column the data does not have. */
  UNKNOWN_RULE_COLUMN("UnknownRuleColumn", "A rule names a column the validated data lacks."),
  /** A rule list in HOCON is malformed: an unknown key, a missing key or a wrong type. */
  INVALID_RULE_CONFIG("InvalidRuleConfig", "A rule in HOCON has an unknown, missing or bad key."),
  /** A schema contract file is malformed. */
  INVALID_CONTRACT("InvalidContract", "A schema contract file or value is malformed."),
  /** The data does not satisfy a schema contract. */
  CONTRACT_VIOLATED("ContractViolated", "The data's schema does not satisfy its contract."),
  /** A factory declares boundary validation but the pipeline lacks {@code ValidationModule}. */
  VALIDATION_NOT_INSTALLED(
      "ValidationNotInstalled",
      "A factory declares validation but the pipeline was built without ValidationModule."),
  /** A factory whose output is not a Dataset declares boundary validation. */
  OUTPUT_NOT_VALIDATABLE(
      "OutputNotValidatable", "A factory declares validation but its output is not a Dataset."),
  /**
   * A factory quarantines to a connector that is not declared, or whose save mode would fail or be
   * ignored on a later run.
   */
  INVALID_QUARANTINE(
      "InvalidQuarantine",
      "A quarantine connector is not declared, or its save mode is not append or overwrite."),
  /** A FAIL rule (or a DROP rule with a threshold) passed fewer rows than its threshold. */
  RULE_FAILED("RuleFailed", "A FAIL rule, or a DROP rule with a threshold, was breached.");

  private final String label;
  private final String description;

  ValidationError(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The short name, for example {@code RuleFailed}. */
  @Override
  public String label() {
    return label;
  }

  /** One sentence saying what the error means. */
  @Override
  public String description() {
    return description;
  }

  /** The printed form, for example {@code [Forgeline/RuleFailed]}. */
  @Override
  public String toString() {
    return tag();
  }
}
