package dev.forgeline.validation;

import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Validates Datasets against a fixed list of {@link Rule}s, the entry point of pipeline-validation.
 *
 * <p>Every row rule is evaluated in one pass: a single aggregation counts the failures of all of
 * them (one Spark job whatever their number). A uniqueness rule adds one grouped pass over its key
 * and a reference rule one join with the referenced keys made distinct (a semi-join); both feed the
 * same aggregation. The valid and quarantined rows are Datasets built on the same plan.
 *
 * <pre>{@code
 * Validator validator = Validator.builder()
 *     .rule(Rule.notNull("id"))
 *     .rule(Rule.between("amount", 0, 10_000).drop())
 *     .rule(Rule.in("status", "paid", "open").warn())
 *     .lazy()
 *     .build();
 * ValidationOutcome outcome = validator.validate(orders);
 * outcome.throwIfFailed();        // every breached FAIL rule in one exception (lazy mode)
 * Dataset<Row> clean = outcome.valid();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Validator {
  /** The default name of the quarantine's extra column. */
  public static final String QUARANTINE_COLUMN = "_failed_rules";

  private final List<Rule> rules;
  private final boolean lazy;
  private final int sampleSize;
  private final String quarantineColumn;

  private Validator(Builder b) {
    this.rules = List.copyOf(b.rules);
    this.lazy = Boolean.TRUE.equals(b.lazy);
    this.sampleSize = b.sampleSize == null ? 5 : b.sampleSize;
    this.quarantineColumn = b.quarantineColumn == null ? QUARANTINE_COLUMN : b.quarantineColumn;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A validator of {@code rules} with the default options. */
  public static Validator of(List<Rule> rules) {
    return builder().rules(rules).build();
  }

  /** A validator of {@code rules} with the default options. */
  public static Validator of(Rule... rules) {
    return of(List.of(rules));
  }

  /**
   * Counts every rule's failures on {@code data} and builds its valid and quarantined rows. A
   * breached rule does not throw here; see {@link ValidationOutcome#throwIfFailed()}.
   *
   * @throws InvalidRulesException when a rule names a column the data lacks (with a "did you
   *     mean"), or an expression cannot be evaluated; every such problem is listed
   */
  public ValidationOutcome validate(Dataset<Row> data) {
    return Evaluation.run(this, Objects.requireNonNull(data, "data"));
  }

  /**
   * The valid and quarantined rows of {@code data} with no count pass: the counts are collected
   * ({@code Dataset.observe}) while either is written, then read with {@link
   * QuarantineSplit#outcome()}.
   *
   * @throws InvalidRulesException as {@link #validate} does
   */
  public QuarantineSplit split(Dataset<Row> data) {
    return QuarantineSplit.of(this, data);
  }

  /**
   * {@link #validate} then {@link ValidationOutcome#throwIfFailed()}.
   *
   * @throws ValidationFailedException when a FAIL rule, or a DROP rule with a threshold, is
   *     breached
   */
  public ValidationOutcome enforce(Dataset<Row> data) {
    return validate(data).throwIfFailed();
  }

  /** The rules, in the order given. */
  public List<Rule> rules() {
    return rules;
  }

  /** Whether every breached rule is reported together (lazy) rather than the first one. */
  public boolean isLazy() {
    return lazy;
  }

  /** The most failing rows kept per rule by {@link ValidationOutcome#failingSample}. */
  public int sampleSize() {
    return sampleSize;
  }

  /** The name of the quarantine's column listing the rules each row broke. */
  public String quarantineColumn() {
    return quarantineColumn;
  }

  /** Builds a {@link Validator}; each option may be set once. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private Boolean lazy;
    private Integer sampleSize;
    private String quarantineColumn;

    private Builder() {}

    /** Adds a rule. */
    public Builder rule(Rule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Adds rules in order. */
    public Builder rules(List<Rule> more) {
      more.forEach(this::rule);
      return this;
    }

    /** Reports every breached rule together instead of the first one. */
    public Builder lazy() {
      return lazy(true);
    }

    /** Whether to report every breached rule together; false by default. */
    public Builder lazy(boolean value) {
      once("lazy", lazy);
      lazy = value;
      return this;
    }

    /** The most failing rows kept per rule in samples; 5 by default. */
    public Builder sampleSize(int value) {
      once("sampleSize", sampleSize);
      if (value < 0) {
        throw new IllegalArgumentException("sampleSize was [" + value + "] but must be >= 0");
      }
      sampleSize = value;
      return this;
    }

    /** The quarantine's extra column; {@value Validator#QUARANTINE_COLUMN} by default. */
    public Builder quarantineColumn(String name) {
      once("quarantineColumn", quarantineColumn);
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("quarantineColumn was [" + name + "] but is blank");
      }
      quarantineColumn = name;
      return this;
    }

    /**
     * The validator.
     *
     * @throws InvalidRulesException when there is no rule or two rules share a name (all listed)
     */
    public Validator build() {
      List<Problem> problems = new ArrayList<>();
      if (rules.isEmpty()) {
        problems.add(
            new Problem(
                ValidationError.INVALID_RULE,
                "a validator needs at least one rule",
                "Validator.builder()",
                List.of(),
                "Add rules with rule(...) or load them with RuleConfig."));
      }
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < rules.size(); i++) {
        Integer first = seen.putIfAbsent(rules.get(i).name(), i + 1);
        if (first != null) {
          problems.add(Problems.duplicateName(rules.get(i).name(), first, i + 1));
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidRulesException(problems);
      }
      return new Validator(this);
    }

    private static void once(String option, Object old) {
      if (old != null) {
        throw new IllegalStateException(option + " was already set to [" + old + "]");
      }
    }
  }
}
