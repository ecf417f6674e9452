package dev.forgeline.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an input of a {@link Factory}: a field, or a setter with one parameter, that the engine
 * fills with another factory's output (or an external input handed to the pipeline) before {@link
 * Factory#read()}.
 *
 * <p>Matching is by the full generic type of the field or parameter first; among producers of that
 * type, {@link #id()} then {@link #producer()} narrow the choice. Exactly one producer must remain,
 * unless the delivery is {@link #optional()}, in which case none may remain and the field keeps its
 * value. {@code Pipeline.Builder.build()} reports every delivery that does not match.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Delivery {

  /** The id of the producing factory or external input; empty matches any id. */
  String id() default "";

  /**
   * The class of the producing factory (or a supertype of it); the default, {@code Factory.class},
   * matches any producer.
   */
  @SuppressWarnings("rawtypes")
  Class<? extends Factory> producer() default Factory.class;

  /** Whether the pipeline may run without a producer for this delivery. */
  boolean optional() default false;
}
