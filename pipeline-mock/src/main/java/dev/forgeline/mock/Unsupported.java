package dev.forgeline.mock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of the mock's Spark API implementations that always throws {@link
 * UnsupportedOperationException} because the mock does not support it. The parity audit counts
 * these methods; the exception message names the method and says to run the test on a local
 * SparkSession.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unsupported {}
