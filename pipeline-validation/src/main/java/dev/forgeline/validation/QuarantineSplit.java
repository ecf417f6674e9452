package dev.forgeline.validation;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import scala.Option;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import scala.util.Try;

/**
 * The valid and quarantined rows of one validation, whose counts are collected while they are
 * written: no separate count pass. Made by {@link Validator#split}.
 *
 * <p>{@link #valid()} carries the validation's aggregates as a {@code Dataset.observe} {@link
 * Observation} placed before its filter, so the first action that finishes on it (its write,
 * typically) also yields every rule's counts over all rows; the quarantine, written second, carries
 * none (counting twice would only cost). {@link #write} runs both writes and returns the figures
 * without a job of its own:
 *
 * <pre>{@code
 * ValidationOutcome outcome =
 *     validator
 *         .split(orders)
 *         .write(
 *             valid -> valid.write().parquet("out/orders"),
 *             quarantined -> quarantined.write().parquet("out/orders_quarantine"));
 * outcome.throwIfFailed(); // the rows are already written: validate() first when a FAIL must stop
 * }</pre>
 *
 * <p>Spark hands observed figures to the driver through its listener bus, shortly after the action
 * returns. {@link #write} waits for them (at most {@link #OBSERVATION_WAIT_SECONDS} seconds);
 * {@link #outcome()} takes them when they have arrived. When they have not (no action on {@link
 * #valid()} finished, or the engine has no {@code Dataset.observe}, as on the mock backend), {@link
 * #outcome()} runs the one count pass of {@link Validator#validate} instead; {@link #observed()}
 * tells which. The figures are the same either way. Instances are thread-safe; the Datasets are
 * lazy as in {@link ValidationOutcome}.
 *
 * @since 0.1.0
 */
public final class QuarantineSplit {
  /** How long {@link #write} waits for the figures observed during the writes. */
  public static final long OBSERVATION_WAIT_SECONDS = 30;

  private final Evaluation.Plan plan;
  private Observed validSide; // built on first use, so an unused side registers no observation
  private Dataset<Row> quarantined;
  private volatile ValidationOutcome outcome;
  private volatile boolean observed;

  /** One side of the split, and the observation that counts every rule when it is acted on. */
  private record Observed(Observation observation, Dataset<Row> rows) {}

  private QuarantineSplit(Evaluation.Plan plan) {
    this.plan = plan;
  }

  /**
   * {@code side} of the flagged rows with every rule's counts observed before it, or without an
   * observation on an engine that has no {@code Dataset.observe} (the mock: a count pass gives the
   * figures then).
   */
  private Observed observing(Function<Dataset<Row>, Dataset<Row>> side) {
    Observation o = new Observation();
    try {
      return new Observed(
          o, side.apply(plan.marked.observe(o, plan.counts[0], plan.restOfCounts())));
    } catch (UnsupportedOperationException e) {
      return new Observed(null, side.apply(plan.marked));
    }
  }

  private synchronized Observation validObservation() {
    return validSide == null ? null : validSide.observation();
  }

  static QuarantineSplit of(Validator validator, Dataset<Row> data) {
    return new QuarantineSplit(Evaluation.plan(validator, Objects.requireNonNull(data, "data")));
  }

  /**
   * The rows that broke no DROP or FAIL rule, with the data's columns; counts all when acted on.
   */
  public synchronized Dataset<Row> valid() {
    if (validSide == null) {
      validSide = observing(plan::valid);
    }
    return validSide.rows();
  }

  /**
   * The rows that broke a DROP or FAIL rule, with the data's columns and {@link
   * Validator#quarantineColumn()} listing the rules each broke.
   */
  public synchronized Dataset<Row> quarantined() {
    if (quarantined == null) {
      quarantined = plan.quarantined();
    }
    return quarantined;
  }

  /**
   * Hands {@link #valid()} to {@code validSink} and then {@link #quarantined()} to {@code
   * quarantineSink} (each should run one action, a write), then returns the counts collected during
   * the first of them, the {@link #outcome()}. The quarantine is handed over even when it is empty,
   * so its table or file always exists after a run.
   */
  public ValidationOutcome write(
      Consumer<Dataset<Row>> validSink, Consumer<Dataset<Row>> quarantineSink) {
    Objects.requireNonNull(validSink, "validSink");
    Objects.requireNonNull(quarantineSink, "quarantineSink");
    validSink.accept(valid());
    quarantineSink.accept(quarantined());
    return settle(awaited(validObservation()), this::valid, this::quarantined);
  }

  /**
   * Hands the quarantined rows to {@code quarantineSink} (which should run one action, a write),
   * with every rule's counts over all rows collected during that action, and returns them: the
   * quarantine written and the figures known in one pass over the data, leaving the valid rows for
   * later. The outcome's {@link ValidationOutcome#valid()} carries no observation, so reading the
   * valid rows afterwards, as often as needed, counts nothing again. The quarantine is handed over
   * even when it is empty, so its table or file always reflects this run. Call either this or
   * {@link #write} once per split.
   */
  public ValidationOutcome writeQuarantine(Consumer<Dataset<Row>> quarantineSink) {
    Objects.requireNonNull(quarantineSink, "quarantineSink");
    Observed side = observing(plan::quarantined);
    quarantineSink.accept(side.rows());
    return settle(awaited(side.observation()), plan::valid, side::rows);
  }

  /**
   * Every rule's counts: those collected by the first finished action on {@link #valid()}, or, when
   * none has finished, those of a count pass run now (once). A breached rule does not throw here;
   * see {@link ValidationOutcome#throwIfFailed()}.
   */
  public ValidationOutcome outcome() {
    return settle(observedCounts(validObservation()), this::valid, this::quarantined);
  }

  /** The outcome, made once: from {@code counts} when observed, else from a count pass. */
  private ValidationOutcome settle(
      Row counts, Supplier<Dataset<Row>> validRows, Supplier<Dataset<Row>> quarantinedRows) {
    ValidationOutcome o = outcome;
    if (o == null) {
      synchronized (this) {
        o = outcome;
        if (o == null) {
          observed = counts != null;
          Row row =
              counts != null
                  ? counts
                  : plan.marked.agg(plan.counts[0], plan.restOfCounts()).first();
          o = plan.outcome(row, validRows, quarantinedRows);
          outcome = o;
        }
      }
    }
    return o;
  }

  /**
   * The figures {@code observation} collected, waiting for Spark's listener bus to deliver them (at
   * most {@link #OBSERVATION_WAIT_SECONDS}); null when it has none.
   */
  private static Row awaited(Observation observation) {
    if (observation != null) {
      try {
        Await.ready(
            observation.future(), Duration.create(OBSERVATION_WAIT_SECONDS, TimeUnit.SECONDS));
      } catch (java.util.concurrent.TimeoutException e) {
        // the sink ran no action on the observed Dataset: a count pass gives the figures
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return observedCounts(observation);
  }

  /**
   * Whether {@link #outcome()} took its counts from an action on the split's Datasets rather than a
   * count pass of its own; false until {@link #outcome()} has been called.
   */
  public boolean observed() {
    return observed;
  }

  private static Row observedCounts(Observation observation) {
    if (observation == null) {
      return null;
    }
    Option<Try<Row>> done = observation.future().value();
    return done.isDefined() && done.get().isSuccess() ? done.get().get() : null;
  }
}
