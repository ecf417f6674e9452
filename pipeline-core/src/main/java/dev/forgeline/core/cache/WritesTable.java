package dev.forgeline.core.cache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the connector a factory's output is written to, so a partial run ({@code --select},
 * {@code --from}) that does not run the factory can read its output from there when the cache has
 * none.
 *
 * <pre>{@code
 * @WritesTable("silver-orders")
 * public final class EnrichOrders implements Factory<Dataset<Row>> { ... }
 * }</pre>
 *
 * <p>HOCON may say the same per factory id: {@code forgeline.cache.factories.<id>.table}.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WritesTable {
  /** The connector's name under {@code forgeline.connectors}. */
  String value();
}
