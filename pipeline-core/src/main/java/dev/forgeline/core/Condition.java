package dev.forgeline.core;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * When a stage, a sub-pipeline or a single factory runs. A condition is evaluated once per run, on
 * the coordinating thread, when the first step it guards becomes ready (never at build time); when
 * it does not hold, the steps it guards are SKIPPED with its {@link #description()} as the reason.
 * A condition that throws fails the steps it guards, naming it.
 *
 * <pre>{@code
 * Pipeline.builder("sales")
 *     .stage("bronze", s -> s.add(ReadOrders.class))
 *     .stage("full-refresh", s -> s
 *         .when(Condition.runDate("first day of the month", d -> d.getDayOfMonth() == 1))
 *         .add(RebuildAll.class))
 *     .stage("incremental", s -> s.otherwise("full-refresh").add(MergeNew.class))
 *     .stage("audit", s -> s.when(Condition.environmentIsNot("dev")).add(Audit.class));
 * }</pre>
 *
 * <p>Immutable; {@link #and}, {@link #or} and {@link #negate} return new conditions. A condition on
 * a delivered value ({@link #delivered}) makes the guarded steps wait for that producer; a
 * condition on outcomes ({@link #failed}, {@link #succeeded}, {@link #always}) makes them wait for
 * the named steps whatever their outcome.
 *
 * @since 0.2.0
 */
public final class Condition {
  private final String description;
  private final Predicate<ConditionContext> test;
  private final Set<String> reads;
  private final Set<String> awaits;
  private final boolean awaitsAll;

  private Condition(
      String description,
      Predicate<ConditionContext> test,
      Set<String> reads,
      Set<String> awaits,
      boolean awaitsAll) {
    this.description = description;
    this.test = test;
    this.reads = Set.copyOf(reads);
    this.awaits = Set.copyOf(awaits);
    this.awaitsAll = awaitsAll;
  }

  /**
   * Any Java predicate over the run's context.
   *
   * @param description what the condition means, shown in reports, {@code describe()} and skips
   */
  public static Condition of(String description, Predicate<ConditionContext> test) {
    return new Condition(
        description(description), Objects.requireNonNull(test), Set.of(), Set.of(), false);
  }

  /** Holds when the configuration value at {@code key} (rendered as text) equals {@code value}. */
  public static Condition config(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    return of("config " + key + " == " + value, c -> value.equals(c.configValue(key)));
  }

  /** Holds when the boolean configuration value at {@code key} is true. */
  public static Condition configFlag(String key) {
    Objects.requireNonNull(key, "key");
    return of("config " + key, c -> c.config().getBoolean(key));
  }

  /**
   * Holds when the run's environment ({@code forgeline.environment}, set by {@code --env}) is one
   * of {@code environments}.
   */
  public static Condition environmentIs(String... environments) {
    List<String> envs = List.of(environments);
    return of("env in " + envs, c -> c.environment().map(envs::contains).orElse(false));
  }

  /**
   * Holds unless the run's environment is one of {@code environments} (or no environment is set).
   */
  public static Condition environmentIsNot(String... environments) {
    List<String> envs = List.of(environments);
    return of("env not in " + envs, c -> c.environment().map(e -> !envs.contains(e)).orElse(true));
  }

  /** Holds when {@code test} accepts the run's date (see {@link ConditionContext#runDate()}). */
  public static Condition runDate(String description, Predicate<LocalDate> test) {
    Objects.requireNonNull(test, "test");
    return of("run date: " + description(description), c -> test.test(c.runDate()));
  }

  /**
   * Holds when {@code test} accepts the output of step {@code producerId}; the guarded steps wait
   * for that producer, and are skipped when it does not succeed.
   *
   * @param producerId the producer's id, relative to the guarded stage's namespace
   */
  public static <T> Condition delivered(
      String producerId, Class<T> type, String description, Predicate<? super T> test) {
    Objects.requireNonNull(producerId, "producerId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(test, "test");
    return new Condition(
        "[" + producerId + "] " + description(description),
        c -> test.test(c.output(producerId, type)),
        Set.of(producerId),
        Set.of(),
        false);
  }

  /** Holds when every named step FAILED (or was cancelled); waits for them whatever they do. */
  public static Condition failed(String... stepIds) {
    return outcome("failed", stepIds, true);
  }

  /** Holds when every named step succeeded (or came from the cache); waits for them. */
  public static Condition succeeded(String... stepIds) {
    return outcome("succeeded", stepIds, false);
  }

  private static Condition outcome(String word, String[] stepIds, boolean failed) {
    if (stepIds.length == 0) {
      throw new IllegalArgumentException(word + "(...) needs at least one step id");
    }
    List<String> ids = List.of(stepIds);
    return new Condition(
        "when " + ids + " " + word,
        c -> ids.stream().allMatch(id -> failed ? c.failed(id) : c.succeeded(id)),
        Set.of(),
        Set.copyOf(ids),
        false);
  }

  /**
   * Always holds, after every other step that the guarded steps do not feed has ended, whatever its
   * outcome: a {@code finally}. Under {@link FailurePolicy#FAIL_FAST} a failure stops the run
   * first, so use {@link FailurePolicy#CONTINUE} for clean-up steps.
   */
  public static Condition always() {
    return new Condition("always (after every other step)", c -> true, Set.of(), Set.of(), true);
  }

  /** Holds when both hold; {@code other} is evaluated only when this one holds. */
  public Condition and(Condition other) {
    Objects.requireNonNull(other, "other");
    return combine("(" + description + ") and (" + other.description + ")", other, true);
  }

  /** Holds when either holds; {@code other} is evaluated only when this one does not. */
  public Condition or(Condition other) {
    Objects.requireNonNull(other, "other");
    return combine("(" + description + ") or (" + other.description + ")", other, false);
  }

  private Condition combine(String text, Condition other, boolean and) {
    Set<String> r = new LinkedHashSet<>(reads);
    r.addAll(other.reads);
    Set<String> a = new LinkedHashSet<>(awaits);
    a.addAll(other.awaits);
    Predicate<ConditionContext> t = and ? test.and(other.test) : test.or(other.test);
    return new Condition(text, t, r, a, awaitsAll || other.awaitsAll);
  }

  /** Holds when this one does not. */
  public Condition negate() {
    return new Condition("not (" + description + ")", test.negate(), reads, awaits, awaitsAll);
  }

  /** Evaluates the condition; may throw whatever its predicate throws. */
  public boolean test(ConditionContext context) {
    return test.test(context);
  }

  /** What the condition means, as reports and {@code describe()} show it. */
  public String description() {
    return description;
  }

  /** The ids of the steps whose outputs the condition reads (relative to its namespace). */
  public Set<String> reads() {
    return reads;
  }

  /** The ids of the steps the condition waits for whatever their outcome. */
  public Set<String> awaits() {
    return awaits;
  }

  /** Whether the condition waits for every step its guarded steps do not feed ({@link #always}). */
  public boolean awaitsAll() {
    return awaitsAll;
  }

  @Override
  public String toString() {
    return "Condition[" + description + "]";
  }

  private static String description(String d) {
    Objects.requireNonNull(d, "description");
    if (d.isBlank()) {
      throw new IllegalArgumentException("description was [" + d + "] but must not be blank");
    }
    return d;
  }
}
