/**
 * Data-quality rules: {@link dev.forgeline.validation.Rule} declares what a valid row satisfies and
 * {@link dev.forgeline.validation.Validator#check} counts the failures of every rule in one pass
 * over the data (one Spark aggregation). The entry point is {@code Validator.check(dataset,
 * rules)}.
 */
package dev.forgeline.validation;
