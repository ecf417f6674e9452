package dev.forgeline.core;

import java.util.OptionalLong;

/**
 * A unit of work in a pipeline: it reads its inputs, processes them, writes what it must and hands
 * its output to the factories that declare it as a {@link Delivery}.
 *
 * <p>The engine calls {@link #read()}, {@link #process()}, {@link #write()} and then {@link
 * #get()}, once per run, on one thread. Inputs arrive in {@code @Delivery} fields or setters before
 * {@code read()}; services (a {@code SparkSession}, a {@code Config}, a {@code MeterRegistry}, your
 * own) arrive by Guice {@code @Inject}. The output type {@code T} is what deliveries match on, with
 * its full generic type: a {@code Factory<Dataset<Order>>} feeds a {@code Dataset<Order>} field,
 * not a {@code Dataset<Row>} one.
 *
 * <pre>{@code
 * public final class ActiveCustomers implements Factory<Dataset<Row>> {
 *   @Delivery private Dataset<Row> customers;
 *   private Dataset<Row> active;
 *
 *   @Override public void process() { active = customers.filter(col("active")); }
 *   @Override public Dataset<Row> get() { return active; }
 * }
 * }</pre>
 *
 * @param <T> what the factory produces; a {@code Dataset<Row>}, a typed {@code Dataset}, or any
 *     Java value
 * @since 0.1.0
 */
public interface Factory<T> {

  /** Reads the inputs this factory needs; the default does nothing. */
  default void read() throws Exception {}

  /** Transforms what was read; the default does nothing. */
  default void process() throws Exception {}

  /** Writes results to storage; the default does nothing. */
  default void write() throws Exception {}

  /**
   * Returns the output handed to consumers. May return {@code null} only when no consumer requires
   * it; a required consumer of a {@code null} output fails the step with a clear error.
   */
  T get();

  /**
   * The number of rows produced, when the factory knows it without running another Spark action;
   * reported in {@link dev.forgeline.core.report.StepResult#rows()}. The default is unknown.
   */
  default OptionalLong rows() {
    return OptionalLong.empty();
  }
}
