package dev.forgeline.validation.pipeline;

import dev.forgeline.validation.RuleSet;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validates a factory's output at its boundary, after {@code get()} and before any consumer sees it
 * (needs {@link ValidationModule} in the pipeline). A breached FAIL rule fails the step; when DROP
 * or FAIL rules quarantine rows, consumers get the valid rows only and the quarantine can be
 * written to a connector. The figures land in the step's report.
 *
 * <pre>{@code
 * @Validate(config = "validation.silver-orders", quarantine = "orders_quarantine")
 * public final class CleanOrders implements Factory<Dataset<Row>> { ... }
 * }</pre>
 *
 * <p>A section {@code forgeline.validation.steps."<factory id>"} in the configuration, of the same
 * form as {@code config} plus {@code quarantine}, replaces the annotation for that factory, so an
 * environment can carry its own rules.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Validate {
  /** The configuration path of a validator section ({@code RuleConfig.validator} form). */
  String config() default "";

  /** Classes giving rules in Java; each needs a public no-argument constructor. */
  Class<? extends RuleSet>[] rules() default {};

  /** The connector the quarantined rows are written to; none by default. */
  String quarantine() default "";

  /** Reports every breached rule together rather than the first (Java rules only). */
  boolean lazy() default true;
}
