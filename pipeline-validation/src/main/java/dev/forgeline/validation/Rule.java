package dev.forgeline.validation;

import static dev.forgeline.validation.internal.Names.col;

import dev.forgeline.core.error.Problem;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * A named, declarative data-quality rule: what a valid row satisfies, what to do with the rows that
 * break it ({@link Action}) and, optionally, the minimum pass rate tolerated (its threshold).
 *
 * <p>A row whose condition evaluates to NULL breaks the rule, so for every rule the passing and
 * failing rows add up to all rows. {@link #allowNull()} lets rows whose rule columns are null pass.
 * Rules are immutable: {@link #named}, {@link #action}, {@link #threshold} and {@link #allowNull}
 * return new rules. Column names are taken literally (a dot or backtick is part of the name);
 * values become literals, never SQL text.
 *
 * <pre>{@code
 * Rule.between("amount", 0, 10_000).drop().threshold(0.98);
 * Rule.notNull("id").named("id present");           // FAIL by default
 * Rule.expression("shipped after ordered", "shipped_at >= ordered_at").warn();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Rule {

  /** The kind of a rule, which decides how it is evaluated. */
  public enum Kind {
    /** The column is not null. */
    NOT_NULL,
    /** The column lies within bounds. */
    RANGE,
    /** The column is one of a set of values. */
    IN_SET,
    /** The column is none of a set of values. */
    NOT_IN_SET,
    /** The column matches a regular expression. */
    REGEX,
    /** The string column's length lies within bounds. */
    LENGTH,
    /** No two rows share the key (one grouped pass per key set). */
    UNIQUE,
    /** The key is present in another Dataset (one semi-join). */
    REFERENCES,
    /** A SQL expression written by the user. */
    EXPRESSION,
    /** Any {@link Column}. */
    CONDITION
  }

  private final String name;
  private final Kind kind;
  private final List<String> columns;
  private final Column check;
  private final String text;
  private final Dataset<Row> reference;
  private final List<String> referenceColumns;
  private final Action action;
  private final Double threshold;
  private final boolean nullsPass;

  private Rule(
      String name,
      Kind kind,
      List<String> columns,
      Column check,
      String text,
      Dataset<Row> reference,
      List<String> referenceColumns,
      Action action,
      Double threshold,
      boolean nullsPass) {
    this.name = name;
    this.kind = kind;
    this.columns = List.copyOf(columns);
    this.check = check;
    this.text = text;
    this.reference = reference;
    this.referenceColumns = List.copyOf(referenceColumns);
    this.action = action;
    this.threshold = threshold;
    this.nullsPass = nullsPass;
  }

  private static Rule row(String name, Kind kind, List<String> columns, Column check, String text) {
    if (name == null || name.isBlank()) {
      throw invalid(String.valueOf(name), "the rule name was [" + name + "] but must not be blank");
    }
    columns.forEach(c -> Objects.requireNonNull(c, "column"));
    return new Rule(name, kind, columns, check, text, null, List.of(), Action.FAIL, null, false);
  }

  /** {@code column} is not null. */
  public static Rule notNull(String column) {
    return row(column + " not null", Kind.NOT_NULL, List.of(column), col(column).isNotNull(), null);
  }

  /** {@code column} lies in {@code [low, high]}, bounds inclusive. */
  public static Rule between(String column, Object low, Object high) {
    return range(column, low, true, high, true);
  }

  /**
   * {@code column} lies between {@code low} and {@code high}; a null bound is open, each bound
   * inclusive or exclusive as told.
   */
  public static Rule range(
      String column, Object low, boolean lowInclusive, Object high, boolean highInclusive) {
    String label =
        column + " in " + (lowInclusive ? "[" : "(") + (low == null ? "-inf" : show(low));
    label += ", " + (high == null ? "+inf" : show(high)) + (highInclusive ? "]" : ")");
    if (low == null && high == null) {
      throw invalid(label, "a range needs at least one bound");
    }
    if (inverted(low, high)) {
      throw invalid(label, "the lower bound [" + low + "] is above the upper bound [" + high + "]");
    }
    Column c = col(column);
    Column ok = functions.lit(true);
    if (low != null) {
      ok = lowInclusive ? c.geq(low) : c.gt(low);
    }
    if (high != null) {
      Column upper = highInclusive ? c.leq(high) : c.lt(high);
      ok = low == null ? upper : ok.and(upper);
    }
    return row(label, Kind.RANGE, List.of(column), ok, null);
  }

  /** {@code column} is greater than {@code low}. */
  public static Rule greaterThan(String column, Object low) {
    return range(column, low, false, null, false).named(column + " > " + show(low));
  }

  /** {@code column} is at least {@code low}. */
  public static Rule atLeast(String column, Object low) {
    return range(column, low, true, null, false).named(column + " >= " + show(low));
  }

  /** {@code column} is less than {@code high}. */
  public static Rule lessThan(String column, Object high) {
    return range(column, null, false, high, false).named(column + " < " + show(high));
  }

  /** {@code column} is at most {@code high}. */
  public static Rule atMost(String column, Object high) {
    return range(column, null, false, high, true).named(column + " <= " + show(high));
  }

  /** {@code column} is one of {@code values}. */
  public static Rule in(String column, Object... values) {
    String label = column + " in " + set(values);
    return row(
        label, Kind.IN_SET, List.of(column), col(column).isin(nonEmpty(label, values)), null);
  }

  /** {@code column} is none of {@code values}. */
  public static Rule notIn(String column, Object... values) {
    String label = column + " not in " + set(values);
    Column isIn = col(column).isin(nonEmpty(label, values));
    return row(label, Kind.NOT_IN_SET, List.of(column), functions.not(isIn), null);
  }

  /**
   * {@code column} contains a match of the Java regular expression {@code regex} (anchor it with
   * {@code ^...$} to match the whole value).
   *
   * @throws InvalidRulesException when the pattern does not compile
   */
  public static Rule matches(String column, String regex) {
    String label = column + " matches /" + regex + "/";
    try {
      Pattern.compile(Objects.requireNonNull(regex, "regex"));
    } catch (PatternSyntaxException e) {
      throw new InvalidRulesException(
          new Problem(
              ValidationError.INVALID_REGEX,
              "the pattern of rule [" + label + "] is not a valid regular expression",
              "rule [" + label + "]",
              List.of("found: " + e.getDescription() + " near index " + e.getIndex()),
              "Write a java.util.regex pattern; escape metacharacters such as ( [ { with \\."));
    }
    return row(label, Kind.REGEX, List.of(column), col(column).rlike(regex), regex);
  }

  /** The string {@code column} has between {@code min} and {@code max} characters, inclusive. */
  public static Rule length(String column, int min, int max) {
    String label = "length of " + column + " in [" + min + ", " + max + "]";
    if (min < 0 || min > max) {
      throw invalid(label, "the length bounds must satisfy 0 <= min <= max");
    }
    Column ok = functions.length(col(column)).between(min, max);
    return row(label, Kind.LENGTH, List.of(column), ok, null);
  }

  /**
   * No two rows share the value of {@code columns} (a compound key when several); null keys fail.
   */
  public static Rule unique(String... columns) {
    List<String> keys = List.of(columns);
    String label = "unique (" + String.join(", ", keys) + ")";
    if (keys.isEmpty()) {
      throw invalid(label, "a uniqueness rule needs at least one column");
    }
    return row(label, Kind.UNIQUE, keys, null, null);
  }

  /** Each {@code column} value is present in {@code reference}'s {@code referenceColumn}. */
  public static Rule references(String column, Dataset<Row> reference, String referenceColumn) {
    return references(List.of(column), reference, List.of(referenceColumn));
  }

  /** Each key of {@code columns} is present in {@code reference} as {@code referenceColumns}. */
  public static Rule references(
      List<String> columns, Dataset<Row> reference, List<String> referenceColumns) {
    Objects.requireNonNull(reference, "reference");
    String label = "(" + String.join(", ", columns) + ") references (";
    label += String.join(", ", referenceColumns) + ")";
    if (columns.isEmpty() || columns.size() != referenceColumns.size()) {
      throw invalid(
          label, "a reference needs as many referenced columns as key columns, at least 1");
    }
    Rule r = row(label, Kind.REFERENCES, columns, null, null);
    return new Rule(
        r.name, r.kind, columns, null, null, reference, referenceColumns, r.action, null, false);
  }

  /**
   * A SQL boolean expression written by the user, parsed by Spark ({@code functions.expr}); for
   * example {@code "shipped_at >= ordered_at"}.
   */
  public static Rule expression(String name, String sql) {
    Objects.requireNonNull(sql, "sql");
    if (sql.isBlank()) {
      throw invalid(String.valueOf(name), "the SQL expression must not be blank");
    }
    return row(name, Kind.EXPRESSION, List.of(), functions.expr(sql), sql);
  }

  /** Any condition, for example {@code col("end").geq(col("start"))}. */
  public static Rule of(String name, Column valid) {
    return row(name, Kind.CONDITION, List.of(), Objects.requireNonNull(valid, "valid"), null);
  }

  /**
   * Any condition over {@code columns}, which are checked against the data before it runs (a rule
   * on a missing column is then reported by name).
   */
  public static Rule of(String name, Column valid, String... columns) {
    return row(
        name, Kind.CONDITION, List.of(columns), Objects.requireNonNull(valid, "valid"), null);
  }

  /** This rule under another name. */
  public Rule named(String newName) {
    if (newName == null || newName.isBlank()) {
      throw invalid(name, "the rule name was [" + newName + "] but must not be blank");
    }
    return with(newName, action, threshold, nullsPass);
  }

  /** This rule with {@code newAction}. */
  public Rule action(Action newAction) {
    return with(name, Objects.requireNonNull(newAction, "action"), threshold, nullsPass);
  }

  /** This rule, counting failures only. */
  public Rule warn() {
    return action(Action.WARN);
  }

  /** This rule, quarantining failing rows. */
  public Rule drop() {
    return action(Action.DROP);
  }

  /** This rule, failing the validation when breached (the default). */
  public Rule fail() {
    return action(Action.FAIL);
  }

  /**
   * This rule with a minimum pass rate in [0, 1]: breached only when fewer rows pass, so {@code
   * threshold(0.98)} tolerates 2% failing rows.
   *
   * @throws InvalidRulesException when {@code minPassRate} lies outside [0, 1]
   */
  public Rule threshold(double minPassRate) {
    if (!(minPassRate >= 0 && minPassRate <= 1)) {
      throw new InvalidRulesException(Problems.thresholdOutOfRange(name, "", minPassRate));
    }
    return with(name, action, minPassRate, nullsPass);
  }

  /** This rule, letting rows whose rule columns hold a null pass. */
  public Rule allowNull() {
    if (kind == Kind.NOT_NULL || columns.isEmpty()) {
      throw invalid(name, "allowNull() needs a rule with columns other than a not-null rule");
    }
    return with(name, action, threshold, true);
  }

  private Rule with(String n, Action a, Double t, boolean nulls) {
    return new Rule(n, kind, columns, check, text, reference, referenceColumns, a, t, nulls);
  }

  /** The rule's name, unique within one validator. */
  public String name() {
    return name;
  }

  /** The kind of rule. */
  public Kind kind() {
    return kind;
  }

  /** The columns the rule reads as declared; empty for expressions and bare conditions. */
  public List<String> columns() {
    return columns;
  }

  /** What happens to failing rows. */
  public Action action() {
    return action;
  }

  /** The minimum pass rate, when one is set. */
  public OptionalDouble threshold() {
    return threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
  }

  /** Whether rows with a null in the rule's columns pass. */
  public boolean nullsPass() {
    return nullsPass;
  }

  /** The regex of a REGEX rule or the SQL text of an EXPRESSION rule; null otherwise. */
  public String text() {
    return text;
  }

  /** The referenced columns of a REFERENCES rule; empty otherwise. */
  public List<String> referenceColumns() {
    return referenceColumns;
  }

  /** The referenced Dataset of a REFERENCES rule; null otherwise. */
  Dataset<Row> reference() {
    return reference;
  }

  /** The row condition of every kind but UNIQUE and REFERENCES; null for those. */
  Column check() {
    return check;
  }

  /** A condition true where a rule column is null, for {@link #allowNull()}. */
  Column anyNull() {
    return columns.stream().map(c -> col(c).isNull()).reduce(Column::or).orElseThrow();
  }

  @Override
  public String toString() {
    String t = threshold == null ? "" : ", threshold " + threshold;
    return "Rule["
        + name
        + ", "
        + kind
        + ", "
        + action
        + t
        + (nullsPass ? ", nulls pass" : "")
        + "]";
  }

  private static boolean inverted(Object low, Object high) {
    if (low instanceof Number a && high instanceof Number b) {
      return a.doubleValue() > b.doubleValue();
    }
    if (low instanceof Comparable<?>
        && low.getClass().equals(high == null ? null : high.getClass())) {
      @SuppressWarnings("unchecked")
      Comparable<Object> a = (Comparable<Object>) low;
      return a.compareTo(high) > 0;
    }
    return false;
  }

  /** A value as rule names show it: a whole floating-point number without its ".0". */
  private static String show(Object v) {
    if ((v instanceof Double || v instanceof Float)
        && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())
        && !Double.isInfinite(((Number) v).doubleValue())) {
      return String.valueOf(((Number) v).longValue());
    }
    return String.valueOf(v);
  }

  private static Object[] nonEmpty(String label, Object[] values) {
    if (values.length == 0) {
      throw invalid(label, "a set rule needs at least one value");
    }
    return values;
  }

  private static String set(Object[] values) {
    return Arrays.stream(values).map(Rule::show).collect(Collectors.joining(", ", "{", "}"));
  }

  private static InvalidRulesException invalid(String rule, String what) {
    return new InvalidRulesException(
        new Problem(
            ValidationError.INVALID_RULE,
            "rule [" + rule + "] is malformed: " + what,
            "rule [" + rule + "]",
            List.of(),
            "Fix the rule's arguments."));
  }
}
