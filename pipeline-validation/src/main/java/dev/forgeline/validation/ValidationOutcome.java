package dev.forgeline.validation;

import static dev.forgeline.validation.internal.Names.col;

import dev.forgeline.core.error.Problem;
import dev.forgeline.core.report.ValidationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The result of one validation: per-rule counts and rates, the overall rate, the valid rows, the
 * quarantined rows (with a column listing the rules each broke) and, on demand, a bounded sample of
 * failing values per rule.
 *
 * <p>A row is <em>invalid</em>, and quarantined, when it breaks a DROP or FAIL rule; WARN rules
 * only count (their names still appear in a quarantined row's list). So {@code validRows() +
 * invalidRows() == rows()}, and {@link #valid()} and {@link #quarantined()} hold exactly those
 * rows. The two Datasets are lazy: each action re-reads the data unless it is cached.
 *
 * @since 0.1.0
 */
public final class ValidationOutcome {
  private final Validator validator;
  private final long rows;
  private final long invalid;
  private final long brokeAny;
  private final List<RuleOutcome> rules;
  private final Supplier<Dataset<Row>> valid;
  private final Supplier<Dataset<Row>> quarantined;
  private final Dataset<Row> flagged;
  private final List<Column> failed;
  private final Column[] original;
  private final Map<String, List<Row>> samples = new ConcurrentHashMap<>();

  ValidationOutcome(
      Validator validator,
      long rows,
      long invalid,
      long brokeAny,
      List<RuleOutcome> rules,
      Supplier<Dataset<Row>> valid,
      Supplier<Dataset<Row>> quarantined,
      Dataset<Row> flagged,
      List<Column> failed,
      Column[] original) {
    this.validator = validator;
    this.rows = rows;
    this.invalid = invalid;
    this.brokeAny = brokeAny;
    this.rules = List.copyOf(rules);
    this.valid = once(valid);
    this.quarantined = once(quarantined);
    this.flagged = flagged;
    this.failed = List.copyOf(failed);
    this.original = original.clone();
  }

  /** The number of rows checked. */
  public long rows() {
    return rows;
  }

  /** Rows that broke no DROP or FAIL rule: the rows of {@link #valid()}. */
  public long validRows() {
    return rows - invalid;
  }

  /** Rows that broke a DROP or FAIL rule: the rows of {@link #quarantined()}. */
  public long invalidRows() {
    return invalid;
  }

  /** Rows that broke at least one rule, WARN rules included. */
  public long rowsBreakingAnyRule() {
    return brokeAny;
  }

  /**
   * The figures as the run report keeps them: there {@code valid} counts the rows that passed every
   * rule (WARN rules included) and {@code invalid} the rest.
   */
  public ValidationResult toReport() {
    long clean = rows - brokeAny;
    return new ValidationResult(
        rows,
        clean,
        brokeAny,
        rows == 0 ? 1.0 : (double) clean / rows,
        failedRules(),
        failuresByRule());
  }

  /** {@code validRows() / rows()}; 1 when there are no rows. */
  public double passRate() {
    return rows == 0 ? 1.0 : (double) validRows() / rows;
  }

  /** Every rule's outcome, in rule order. */
  public List<RuleOutcome> rules() {
    return rules;
  }

  /**
   * The outcome of the rule called {@code name}.
   *
   * @throws IllegalArgumentException naming the known rules when there is none of that name
   */
  public RuleOutcome rule(String name) {
    return rules.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No rule ["
                        + name
                        + "]; rules: "
                        + rules.stream().map(RuleOutcome::name).toList()));
  }

  /** Rules with at least one failing row, in rule order. */
  public List<String> failedRules() {
    return rules.stream().filter(r -> r.failed() > 0).map(RuleOutcome::name).toList();
  }

  /** Rule name to failing rows, for every rule, in rule order. */
  public Map<String, Long> failuresByRule() {
    Map<String, Long> m = new LinkedHashMap<>();
    rules.forEach(r -> m.put(r.name(), r.failed()));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Rules whose breach fails the validation, in rule order. */
  public List<RuleOutcome> failures() {
    return rules.stream().filter(RuleOutcome::failsValidation).toList();
  }

  /** Whether no rule's breach fails the validation. */
  public boolean passed() {
    return failures().isEmpty();
  }

  /** The rows that broke no DROP or FAIL rule, with the data's columns. */
  public Dataset<Row> valid() {
    return valid.get();
  }

  /**
   * The rows that broke a DROP or FAIL rule, with the data's columns and {@link
   * Validator#quarantineColumn()}: an array of the names of every rule the row broke.
   */
  public Dataset<Row> quarantined() {
    return quarantined.get();
  }

  /**
   * Up to {@link Validator#sampleSize()} rows failing {@code rule}, with the rule's columns (every
   * column for expressions and bare conditions). Computed on first call (one small job) and kept.
   */
  public List<Row> failingSample(String rule) {
    RuleOutcome r = rule(rule);
    if (r.failed() == 0) {
      return List.of();
    }
    return samples.computeIfAbsent(rule, n -> sample(rules.indexOf(r)));
  }

  private List<Row> sample(int i) {
    List<String> columns = validator.rules().get(i).columns();
    Column[] select =
        columns.isEmpty() ? original : columns.stream().map(c -> col(c)).toArray(Column[]::new);
    return List.copyOf(
        flagged.filter(failed.get(i)).select(select).limit(validator.sampleSize()).collectAsList());
  }

  /**
   * The problems of every rule whose breach fails the validation (lazy validator) or of the first
   * one (eager validator); empty when the validation passed.
   */
  public List<Problem> problems() {
    List<Problem> all = new ArrayList<>();
    for (RuleOutcome r : failures()) {
      all.add(Problems.ruleFailed(r));
      if (!validator.isLazy()) {
        break;
      }
    }
    return all;
  }

  /**
   * Returns this outcome when it passed.
   *
   * @throws ValidationFailedException naming each breached rule, its pass rate and threshold
   */
  public ValidationOutcome throwIfFailed() {
    List<Problem> problems = problems();
    if (!problems.isEmpty()) {
      throw new ValidationFailedException(problems, this);
    }
    return this;
  }

  /** A readable table: one line per rule with its action, failures and pass rate. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Validation of %d rows: %d valid, %d quarantined (pass rate %s)%n",
            rows,
            validRows(),
            invalid,
            RuleOutcome.rate(passRate())));
    for (RuleOutcome r : rules) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-5s %-40s failed %d, pass rate %s%s%n",
              r.action(),
              r.name(),
              r.failed(),
              RuleOutcome.rate(r.passRate()),
              r.breached() ? " BREACHED" : ""));
    }
    return b.toString();
  }

  /** {@code source}, asked once, on the first call (building a Dataset analyses its plan). */
  private static <T> Supplier<T> once(Supplier<T> source) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = source.get();
        }
        return value;
      }
    };
  }
}
