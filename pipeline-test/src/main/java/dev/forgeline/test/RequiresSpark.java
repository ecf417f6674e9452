package dev.forgeline.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a test (or every test of a class) needs real Spark: on the mock it is skipped, and
 * the skip reason shows {@link #value()} and how to run it. Use it for what the mock does not
 * support, such as reading Delta tables.
 *
 * <pre>{@code
 * @Test
 * @RequiresSpark("writes a Delta table")
 * void mergesIntoGold(SparkSession spark) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresSpark {
  /** Why the mock cannot run it; shown in the skip reason. */
  String value() default "";
}
