package dev.forgeline.validation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Counts the failures of many rules in a single pass: one aggregation whose columns are the row
 * count and one failure count per rule, so checking ten rules costs one Spark job, not ten.
 *
 * @since 0.1.0
 */
public final class Validator {
  private Validator() {}

  /**
   * Checks {@code data} against {@code rules}.
   *
   * @throws IllegalArgumentException when no rule is given or two rules share a name
   */
  public static ValidationSummary check(Dataset<Row> data, List<Rule> rules) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("no rule to check: pass at least one Rule");
    }
    Set<String> names = new HashSet<>();
    for (Rule r : rules) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("rule name [" + r.name() + "] is used twice");
      }
    }
    List<Column> failures = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Column failed = not(coalesce(rules.get(i).valid(), lit(false)));
      failures.add(
          coalesce(sum(when(failed, lit(1L)).otherwise(lit(0L))), lit(0L)).as("failed_" + i));
    }
    Row result = data.agg(count(lit(1)).as("rows"), failures.toArray(new Column[0])).first();
    Map<String, Long> byRule = new LinkedHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      byRule.put(rules.get(i).name(), result.getLong(i + 1));
    }
    return new ValidationSummary(result.getLong(0), byRule);
  }
}
