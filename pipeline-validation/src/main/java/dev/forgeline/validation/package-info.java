/**
 * Data-quality rules: {@link dev.forgeline.validation.Rule} declares what a valid row satisfies and
 * what to do with the rows that do not ({@link dev.forgeline.validation.Action}); {@link
 * dev.forgeline.validation.Validator} counts every rule's failures in one pass and splits the data
 * into valid and quarantined rows ({@link dev.forgeline.validation.ValidationOutcome}), or counts
 * while it writes them ({@link dev.forgeline.validation.QuarantineSplit}); {@link
 * dev.forgeline.validation.RuleConfig} reads rules from HOCON. The entry point is {@code
 * Validator.builder()}.
 */
package dev.forgeline.validation;
