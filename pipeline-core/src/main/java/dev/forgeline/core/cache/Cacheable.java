package dev.forgeline.core.cache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a factory class whose output the result cache may reuse while nothing it depends on has
 * changed: its class and id, {@link #version()}, the {@link #config()} values it names, its
 * injected parameters, its deliveries and the data of the connectors it {@link #reads()}.
 *
 * <pre>{@code
 * @Cacheable(version = "2", ttl = "7d", reads = "orders-csv", tags = "bronze")
 * public final class IngestOrders implements Factory<Dataset<Row>> { ... }
 * }</pre>
 *
 * <p>A {@link CachePolicy} given with {@code FactorySpec.withCache}, on a stage, or in HOCON
 * ({@code forgeline.cache.factories.<id>}) replaces the annotation's values.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Cacheable {
  /**
   * The factory's logic version: change it when the code changes, and old entries stop matching.
   */
  String version() default "1";

  /**
   * How long an entry stays valid, as HOCON writes durations ({@code 12h}, {@code 7d}); empty for
   * ever.
   */
  String ttl() default "";

  /** Names to invalidate entries by ({@code ResultCache.invalidateTag}). */
  String[] tags() default {};

  /**
   * Connectors (by name, under {@code forgeline.connectors}) whose data the factory reads itself:
   * their files' sizes and modification times, or their Delta version, join the key.
   */
  String[] reads() default {};

  /** Configuration paths whose values join the key (the factory's own settings). */
  String[] config() default {};
}
