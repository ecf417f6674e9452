package dev.forgeline.validation;

import static dev.forgeline.validation.internal.Names.col;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.forgeline.core.error.Problem;
import dev.forgeline.validation.internal.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;

/**
 * Plans and runs one validation. The plan adds, per uniqueness rule, a window count over its key
 * (one grouped pass) and, per reference rule, a left join with the referenced keys made distinct
 * (one semi-join), then expresses every rule's failure as a boolean column of that plan; a single
 * aggregation counts them all. Helper columns carry a prefix absent from the data and never leave
 * the plan.
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
    return new Evaluation(validator, data).run();
  }

  private ValidationOutcome run() {
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

    // The flags are projected once, then counted: the moving-row count reads them instead of
    // evaluating every condition (a regex, say) a second time.
    Column[] flags = new Column[rules.size()];
    List<Column> aggs = new ArrayList<>();
    Column moving = lit(false);
    Column any = lit(false);
    for (int i = 0; i < rules.size(); i++) {
      String flag = prefix + "b" + i;
      flags[i] = failed.get(i).as(flag);
      aggs.add(countTrue(col(flag)));
      any = any.or(col(flag));
      if (rules.get(i).action() != Action.WARN) {
        moving = moving.or(col(flag));
      }
    }
    aggs.add(countTrue(moving));
    aggs.add(countTrue(any));
    Row counts = flagged.select(flags).agg(count(lit(1)), aggs.toArray(new Column[0])).first();

    long rows = counts.getLong(0);
    List<RuleOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      long f = counts.getLong(i + 1);
      Double t = r.threshold().isPresent() ? r.threshold().getAsDouble() : null;
      outcomes.add(new RuleOutcome(r.name(), r.kind(), r.action(), t, rows - f, f));
    }
    long invalid = counts.getLong(rules.size() + 1);
    long brokeAny = counts.getLong(rules.size() + 2);

    Column rejected = lit(false);
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).action() != Action.WARN) {
        rejected = rejected.or(failed.get(i));
      }
    }
    Column[] original = fields.stream().map(Names::col).toArray(Column[]::new);
    Column[] listed = new Column[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      listed[i] = when(failed.get(i), lit(rules.get(i).name()));
    }
    Column[] withList = Arrays.copyOf(original, original.length + 1);
    withList[original.length] = array_compact(array(listed)).as(validator.quarantineColumn());
    Dataset<Row> valid = flagged.filter(not(rejected)).select(original);
    Dataset<Row> quarantined = flagged.filter(rejected).select(withList);
    return new ValidationOutcome(
        validator,
        rows,
        invalid,
        brokeAny,
        outcomes,
        valid,
        quarantined,
        flagged,
        failed,
        original);
  }

  private static Column countTrue(Column flag) {
    return coalesce(sum(flag.cast("long")), lit(0L));
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
   * Analyses each expression and condition rule (no job runs) so a bad one is reported by its name.
   */
  private void checkConditions(List<Rule> rules, Dataset<Row> flagged) {
    List<Problem> problems = new ArrayList<>();
    for (Rule r : rules) {
      if (r.kind() != Rule.Kind.EXPRESSION && r.kind() != Rule.Kind.CONDITION) {
        continue;
      }
      try {
        DataType type = flagged.select(r.check()).schema().fields()[0].dataType();
        if (!(type instanceof BooleanType)) {
          problems.add(
              Problems.badExpression(
                  r.name(),
                  "the condition is of type ["
                      + type.simpleString().toLowerCase(Locale.ROOT)
                      + "], not boolean"));
        }
      } catch (Exception e) {
        problems.add(Problems.badExpression(r.name(), e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRulesException(problems);
    }
  }

  private boolean startsAny(String p) {
    return fields.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).startsWith(p));
  }
}
