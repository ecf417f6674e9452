package dev.forgeline.validation;

import java.util.List;

/**
 * Rules written in Java for a factory's boundary ({@code @Validate(rules = OrderRules.class)}).
 * Implementations need a public no-argument constructor.
 *
 * @since 0.1.0
 */
public interface RuleSet {
  /** The rules, in order. */
  List<Rule> rules();
}
