package dev.forgeline.validation;

import static dev.forgeline.validation.internal.Names.col;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import dev.forgeline.core.error.Problem;
import dev.forgeline.validation.internal.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;

/**
 * Plans and runs one validation. The plan adds, per uniqueness rule, a window count over its key
 * (one grouped pass) and, per reference rule, a left join with the referenced keys made distinct
 * (one semi-join), then expresses every rule's failure as a boolean column of that plan (a flag,
 * NULL counted as failed); a single aggregation of {@code count_if} over the flags counts them all,
 * and the valid and quarantined rows are filtered on the same flags. Helper columns carry a prefix
 * absent from the data and never leave the plan.
 */
final class Evaluation {
  private final Validator validator;
  private final Dataset<Row> data;
  private final List<String> fields;
  private final boolean caseSensitive;
  private final String prefix;

  private Evaluation(Validator validator, Dataset<Row> data) {
    this.validator = validator;
    this.data = data;
    this.fields = List.of(data.columns());
    this.caseSensitive =
        Boolean.parseBoolean(data.sparkSession().conf().get("spark.sql.caseSensitive", "false"));
    String p = "__fl_v";
    while (startsAny(p)) {
      p = "_" + p;
    }
    this.prefix = p;
  }

  static ValidationOutcome run(Validator validator, Dataset<Row> data) {
    Plan plan = new Evaluation(validator, data).plan();
    return plan.outcome(plan.marked.agg(plan.counts[0], plan.restOfCounts()).first());
  }

  /** The plan of one validation, checked against the data; no job has run. */
  static Plan plan(Validator validator, Dataset<Row> data) {
    return new Evaluation(validator, data).plan();
  }

  /**
   * One validation's plan: the data with one boolean column per rule (true where the row breaks
   * it), the aggregates that count them, and the valid and quarantined rows selected by the flags,
   * so each rule is evaluated once per row whichever of them runs.
   */
  static final class Plan {
    private final Validator validator;
    private final Dataset<Row> flagged;
    private final List<Column> failed;
    private final Column[] original;
    private final Column moving;
    private final Column[] withList;
    final Dataset<Row> marked;
    final Column[] counts;

    private Plan(
        Validator validator,
        Dataset<Row> flagged,
        List<Column> failed,
        Column[] original,
        String prefix) {
      this.validator = validator;
      this.flagged = flagged;
      this.failed = List.copyOf(failed);
      this.original = original;
      List<Rule> rules = validator.rules();
      Column[] withFlags = Arrays.copyOf(original, original.length + rules.size());
      // Aggregates: count(1), one count per rule, then the moving rows and the rows breaking any.
      counts = new Column[rules.size() + 3];
      counts[0] = count(lit(1));
      Column moving = lit(false);
      Column any = lit(false);
      Column[] listed = new Column[rules.size()];
      for (int i = 0; i < rules.size(); i++) {
        String name = prefix + "b" + i;
        withFlags[original.length + i] = failed.get(i).as(name);
        Column flag = col(name);
        counts[i + 1] = count_if(flag);
        any = any.or(flag);
        if (rules.get(i).action() != Action.WARN) {
          moving = moving.or(flag);
        }
        listed[i] = when(flag, lit(rules.get(i).name()));
      }
      counts[rules.size() + 1] = count_if(moving);
      counts[rules.size() + 2] = count_if(any);
      this.marked = flagged.select(withFlags);
      Column[] withList = Arrays.copyOf(original, original.length + 1);
      withList[original.length] = array_compact(array(listed)).as(validator.quarantineColumn());
      this.moving = moving;
      this.withList = withList;
    }

    /**
     * The valid rows of {@link #marked}, built on demand: constructing a Dataset analyses its plan,
     * which a count alone does not need.
     */
    Dataset<Row> valid() {
      return valid(marked);
    }

    /** The quarantined rows of {@link #marked}, built on demand. */
    Dataset<Row> quarantined() {
      return quarantined(marked);
    }

    /** The valid rows of {@code rows}, which is {@link #marked} or a Dataset over it. */
    Dataset<Row> valid(Dataset<Row> rows) {
      return rows.filter(not(moving)).select(original);
    }

    /** The quarantined rows of {@code rows}, which is {@link #marked} or a Dataset over it. */
    Dataset<Row> quarantined(Dataset<Row> rows) {
      return rows.filter(moving).select(withList);
    }

    Column[] restOfCounts() {
      return Arrays.copyOfRange(counts, 1, counts.length);
    }

    /** The outcome from the row of {@link #counts}, with the split's Datasets. */
    ValidationOutcome outcome(Row row) {
      return outcome(row, this::valid, this::quarantined);
    }

    /**
     * The outcome from the row of {@link #counts}, handing out the Datasets {@code v} and {@code q}
     * supply (each asked once, when first wanted).
     */
    ValidationOutcome outcome(Row row, Supplier<Dataset<Row>> v, Supplier<Dataset<Row>> q) {
      List<Rule> rules = validator.rules();
      long rows = row.getLong(0);
      List<RuleOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < rules.size(); i++) {
        Rule r = rules.get(i);
        long f = row.getLong(i + 1);
        Double t = r.threshold().isPresent() ? r.threshold().getAsDouble() : null;
        outcomes.add(new RuleOutcome(r.name(), r.kind(), r.action(), t, rows - f, f));
      }
      long invalid = row.getLong(rules.size() + 1);
      long brokeAny = row.getLong(rules.size() + 2);
      return new ValidationOutcome(
          validator, rows, invalid, brokeAny, outcomes, v, q, flagged, failed, original);
    }
  }

  private Plan plan() {
    List<Rule> rules = validator.rules();
    List<Problem> problems = checkColumns(rules);
    if (!problems.isEmpty()) {
      throw new InvalidRulesException(problems);
    }
    Dataset<Row> flagged = data;
    List<Column> failed = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      switch (r.kind()) {
        case UNIQUE -> {
          String n = prefix + "u" + i;
          Column[] keys = r.columns().stream().map(Names::col).toArray(Column[]::new);
          flagged = flagged.withColumn(n, count(lit(1)).over(Window.partitionBy(keys)));
          Column dup = col(n).gt(1);
          failed.add(r.nullsPass() ? dup.and(not(r.anyNull())) : dup.or(r.anyNull()));
        }
        case REFERENCES -> {
          String marker = prefix + "m" + i;
          List<Column> aliased = new ArrayList<>();
          Column on = null;
          for (int j = 0; j < r.columns().size(); j++) {
            String alias = prefix + "r" + i + "_" + j;
            aliased.add(col(r.referenceColumns().get(j)).as(alias));
            Column eq = col(r.columns().get(j)).equalTo(col(alias));
            on = on == null ? eq : on.and(eq);
          }
          Dataset<Row> keys =
              r.reference()
                  .select(aliased.toArray(new Column[0]))
                  .distinct()
                  .withColumn(marker, lit(true));
          flagged = flagged.join(keys, on, "left");
          Column missing = col(marker).isNull();
          failed.add(r.nullsPass() ? missing.and(not(r.anyNull())) : missing);
        }
        default -> {
          Column ok = r.nullsPass() ? r.check().or(r.anyNull()) : r.check();
          failed.add(not(coalesce(ok, lit(false))));
        }
      }
    }
    checkConditions(rules, flagged);
    Column[] original = fields.stream().map(Names::col).toArray(Column[]::new);
    return new Plan(validator, flagged, failed, original, prefix);
  }

  private List<Problem> checkColumns(List<Rule> rules) {
    List<Problem> problems = new ArrayList<>();
    for (Rule r : rules) {
      for (String c : r.columns()) {
        if (Names.resolve(c, fields, caseSensitive).isEmpty()) {
          problems.add(Problems.unknownColumn(r.name(), c, "the data", fields));
        }
      }
      if (r.kind() == Rule.Kind.REFERENCES) {
        List<String> refFields = List.of(r.reference().columns());
        for (String c : r.referenceColumns()) {
          if (Names.resolve(c, refFields, caseSensitive).isEmpty()) {
            problems.add(Problems.unknownColumn(r.name(), c, "the referenced Dataset", refFields));
          }
        }
      }
    }
    if (Names.resolve(validator.quarantineColumn(), fields, caseSensitive).isPresent()) {
      problems.add(Problems.columnClash(validator.quarantineColumn()));
    }
    return problems;
  }

  /**
   * Analyses the expression and condition rules together (no job runs), and one by one only when
   * that fails, so a bad one is reported by its name at the cost of a single analysis otherwise.
   */
  private void checkConditions(List<Rule> rules, Dataset<Row> flagged) {
    List<Rule> conditions =
        rules.stream()
            .filter(r -> r.kind() == Rule.Kind.EXPRESSION || r.kind() == Rule.Kind.CONDITION)
            .toList();
    if (conditions.isEmpty()) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    DataType[] types;
    try {
      types = types(flagged, conditions);
    } catch (Exception together) {
      types = new DataType[conditions.size()];
      for (int i = 0; i < conditions.size(); i++) {
        try {
          types[i] = types(flagged, List.of(conditions.get(i)))[0];
        } catch (Exception e) {
          problems.add(Problems.badExpression(conditions.get(i).name(), e.getMessage()));
        }
      }
      if (problems.isEmpty()) {
        throw together;
      }
    }
    for (int i = 0; i < conditions.size(); i++) {
      if (types[i] != null && !(types[i] instanceof BooleanType)) {
        problems.add(
            Problems.badExpression(
                conditions.get(i).name(),
                "the condition is of type ["
                    + types[i].simpleString().toLowerCase(Locale.ROOT)
                    + "], not boolean"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRulesException(problems);
    }
  }

  private static DataType[] types(Dataset<Row> flagged, List<Rule> conditions) {
    Column[] checks = conditions.stream().map(Rule::check).toArray(Column[]::new);
    return Arrays.stream(flagged.select(checks).schema().fields())
        .map(f -> f.dataType())
        .toArray(DataType[]::new);
  }

  private boolean startsAny(String p) {
    return fields.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).startsWith(p));
  }
}
