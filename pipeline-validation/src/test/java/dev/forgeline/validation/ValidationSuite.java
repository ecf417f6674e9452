package dev.forgeline.validation;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of rules, actions, thresholds, the quarantine split and the lazy report, run on
 * both backends by its subclasses so the mock and Spark are held to the same figures.
 */
abstract class ValidationSuite {

  abstract SparkSession spark();

  Dataset<Row> orders() {
    return Data.orders(spark());
  }

  private Map<String, Long> failures(Rule... rules) {
    List<Rule> warned = new ArrayList<>();
    for (Rule r : rules) {
      warned.add(r.warn());
    }
    ValidationOutcome o = Validator.of(warned).validate(orders());
    assertEquals(6, o.rows());
    for (RuleOutcome r : o.rules()) {
      assertEquals(6, r.passed() + r.failed(), "passed + failed = rows for " + r.name());
    }
    return o.failuresByRule();
  }

  @Test
  void everyRuleKindCountsItsFailuresAndNullFails() {
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("id not null", 1L);
    expected.put("amount in [0, 1000]", 2L);
    expected.put("amount in (10, 999.5]", 3L);
    expected.put("amount > 0", 2L);
    expected.put("status in {paid, open}", 2L);
    expected.put("status not in {lost}", 2L);
    expected.put("email matches /^[^@]+@[^@]+$/", 2L);
    expected.put("length of status in [4, 4]", 1L);
    expected.put("unique (id)", 3L);
    expected.put("unique (id, status)", 1L);
    expected.put("(customer) references (cid)", 2L);
    expected.put("amount below id times 200", 2L);
    expected.put("positive", 2L);
    expected.put("ship.mode in {road, sea}", 1L);
    Map<String, Long> actual =
        failures(
            Rule.notNull("id"),
            Rule.between("amount", 0, 1000),
            Rule.range("amount", 10, false, 999.5, true),
            Rule.greaterThan("amount", 0),
            Rule.in("status", "paid", "open"),
            Rule.notIn("status", "lost"),
            Rule.matches("email", "^[^@]+@[^@]+$"),
            Rule.length("status", 4, 4),
            Rule.unique("id"),
            Rule.unique("id", "status"),
            Rule.references("customer", Data.customers(spark()), "cid"),
            Rule.expression("amount below id times 200", "amount < id * 200"),
            Rule.of("positive", col("amount").gt(0), "amount"),
            Rule.in("ship.mode", "road", "sea"));
    assertEquals(expected, actual);
  }

  @Test
  void allowNullLetsRowsWithNullRuleColumnsPass() {
    Map<String, Long> actual =
        failures(
            Rule.between("amount", 0, 1000).allowNull(),
            Rule.unique("id").allowNull(),
            Rule.references("customer", Data.customers(spark()), "cid").allowNull(),
            Rule.matches("email", "@").allowNull());
    assertEquals(List.of(1L, 2L, 1L, 1L), List.copyOf(actual.values()));
  }

  @Test
  void actionsSplitRowsIntoValidAndQuarantinedWithTheRulesEachBroke() {
    ValidationOutcome o =
        Validator.of(
                Rule.notNull("id").threshold(0.5),
                Rule.between("amount", 0, 1000).drop(),
                Rule.in("status", "paid", "open").warn())
            .validate(orders());
    assertEquals(3, o.validRows());
    assertEquals(3, o.invalidRows());
    assertEquals(0.5, o.passRate(), 1e-9);
    assertTrue(o.passed(), "a FAIL rule within its threshold and a DROP rule without one pass");
    assertEquals(
        List.of("id not null", "amount in [0, 1000]", "status in {paid, open}"), o.failedRules());

    List<Row> valid = o.valid().orderBy(col("amount")).collectAsList();
    assertEquals(List.of(10.0, 20.0, 999.5), valid.stream().map(r -> r.getDouble(1)).toList());
    assertEquals(Data.ORDERS, o.valid().schema(), "valid rows keep the data's columns");

    Map<String, List<String>> broken = new HashMap<>();
    for (Row r : o.quarantined().collectAsList()) {
      broken.put(r.getString(r.fieldIndex("email")), r.getList(r.fieldIndex("_failed_rules")));
    }
    assertEquals(
        Map.of(
            "not-an-email", List.of("amount in [0, 1000]"),
            "d@x.org", List.of("id not null", "status in {paid, open}"),
            "e@x.org", List.of("amount in [0, 1000]")),
        broken);
  }

  @Test
  void thresholdsDecideWhetherARuleIsBreachedAndWhetherThatFails() {
    ValidationOutcome o =
        Validator.of(
                Rule.notNull("id").named("fail-0.9").threshold(0.9),
                Rule.notNull("id").named("fail-0.8").threshold(0.8),
                Rule.between("amount", 0, 1000).named("drop-0.9").drop().threshold(0.9),
                Rule.between("amount", 0, 1000).named("drop").drop(),
                Rule.in("status", "paid").named("warn").warn())
            .validate(orders());
    Map<String, Boolean> breached = new LinkedHashMap<>();
    Map<String, Boolean> fails = new LinkedHashMap<>();
    for (RuleOutcome r : o.rules()) {
      breached.put(r.name(), r.breached());
      fails.put(r.name(), r.failsValidation());
    }
    assertEquals(
        Map.of("fail-0.9", true, "fail-0.8", false, "drop-0.9", true, "drop", true, "warn", true),
        breached);
    assertEquals(
        Map.of("fail-0.9", true, "fail-0.8", false, "drop-0.9", true, "drop", false, "warn", false),
        fails);
    assertEquals(5.0 / 6, o.rule("fail-0.9").passRate(), 1e-9);
  }

  @Test
  void lazyModeReportsEveryBreachedRuleInOneException() {
    List<Rule> rules =
        List.of(
            Rule.notNull("id"),
            Rule.in("status", "paid", "open").warn(),
            Rule.between("amount", 0, 1000).threshold(0.9));
    ValidationFailedException lazy =
        assertThrows(
            ValidationFailedException.class,
            () -> Validator.builder().rules(rules).lazy().build().enforce(orders()));
    assertEquals(2, lazy.problems().size());
    assertEquals(
        "Validation failed on 6 rows (pass rate 0.5000): 2 problems\n\n"
            + "1) [Forgeline/RuleFailed] rule [id not null] (FAIL) failed on 1 of 6 rows;"
            + " it tolerates none\n"
            + "   at: rule [id not null]\n"
            + "   pass rate: 0.8333 (5 of 6 rows)\n"
            + "   threshold: 1.0000\n"
            + "   hint: Fix the data, tolerate some failing rows with threshold(...), or"
            + " quarantine them with a DROP rule.\n\n"
            + "2) [Forgeline/RuleFailed] rule [amount in [0, 1000]] (FAIL) passed 0.6667 of rows,"
            + " under its threshold 0.9000\n"
            + "   at: rule [amount in [0, 1000]]\n"
            + "   pass rate: 0.6667 (4 of 6 rows)\n"
            + "   threshold: 0.9000\n"
            + "   hint: Fix the data, tolerate some failing rows with threshold(...), or"
            + " quarantine them with a DROP rule.\n",
        lazy.getMessage());
    assertEquals(3, lazy.outcome().rules().size(), "the outcome keeps every rule's counts");

    ValidationFailedException eager =
        assertThrows(ValidationFailedException.class, () -> Validator.of(rules).enforce(orders()));
    assertEquals(1, eager.problems().size());
    assertTrue(eager.getMessage().contains("rule [id not null]"));
  }

  @Test
  void failingSamplesAreBoundedAndHoldTheRuleColumns() {
    ValidationOutcome o =
        Validator.builder()
            .rule(Rule.matches("email", "^[^@]+@[^@]+$").warn())
            .rule(Rule.notNull("email").named("email present").warn())
            .rule(Rule.between("amount", 100, 2000).warn())
            .sampleSize(1)
            .build()
            .validate(orders());
    List<Row> bad = o.failingSample("email matches /^[^@]+@[^@]+$/");
    assertEquals(1, bad.size(), "bounded by the sample size");
    assertEquals(1, bad.get(0).size(), "the rule's column only");
    assertTrue(List.of("not-an-email", "null").contains(String.valueOf(bad.get(0).get(0))));
    assertEquals(1, o.failingSample("amount in [100, 2000]").size());
    assertEquals(5, o.rule("amount in [100, 2000]").failed());
  }

  @Test
  void emptyDataPassesEveryRule() {
    ValidationOutcome o =
        Validator.of(Rule.notNull("id"), Rule.unique("id")).validate(orders().limit(0));
    assertEquals(0, o.rows());
    assertEquals(1.0, o.passRate());
    assertTrue(o.passed());
    assertEquals(List.of(), o.failedRules());
  }

  @Test
  void ruleOnAMissingColumnIsReportedWithADidYouMean() {
    InvalidRulesException e =
        assertThrows(
            InvalidRulesException.class,
            () ->
                Validator.of(Rule.notNull("amout"), Rule.unique("idd", "status"))
                    .validate(orders()));
    assertEquals(2, e.problems().size());
    Problem first = e.problems().get(0);
    assertEquals(ValidationError.UNKNOWN_RULE_COLUMN, first.id());
    assertEquals(
        "rule [amout not null] names column [amout] that the data does not have", first.message());
    assertEquals("Did you mean [amount]?", first.hint());
    assertEquals("Did you mean [id]?", e.problems().get(1).hint());
  }

  @Test
  void referencedColumnMissingAndUnusableExpressionsAreNamed() {
    InvalidRulesException ref =
        assertThrows(
            InvalidRulesException.class,
            () ->
                Validator.of(Rule.references("customer", Data.customers(spark()), "id"))
                    .validate(orders()));
    assertTrue(
        ref.getMessage().contains("names column [id] that the referenced Dataset does not have"),
        ref.getMessage());
    InvalidRulesException expr =
        assertThrows(
            InvalidRulesException.class,
            () ->
                Validator.of(
                        Rule.expression("bad column", "nope > 1"),
                        Rule.expression("not boolean", "amount + 1"))
                    .validate(orders()));
    assertEquals(2, expr.problems().size());
    assertEquals(
        "rule [bad column] cannot be evaluated on this data", expr.problems().get(0).message());
    assertEquals(
        List.of("found: the condition is of type [double], not boolean"),
        expr.problems().get(1).found());
    // Analysed together when every condition resolves: a wrong type is still named.
    InvalidRulesException typed =
        assertThrows(
            InvalidRulesException.class,
            () ->
                Validator.of(
                        Rule.expression("fine", "amount > 1"),
                        Rule.expression("not boolean", "amount + 1"))
                    .validate(orders()));
    assertEquals(1, typed.problems().size());
    assertEquals(
        "rule [not boolean] cannot be evaluated on this data", typed.problems().get(0).message());
  }

  @Test
  void quarantineColumnMayNotClashWithTheData() {
    InvalidRulesException e =
        assertThrows(
            InvalidRulesException.class,
            () ->
                Validator.builder()
                    .rule(Rule.notNull("id"))
                    .quarantineColumn("status")
                    .build()
                    .validate(orders()));
    assertEquals(ValidationError.INVALID_RULE, e.problems().get(0).id());
    assertFalse(e.problems().get(0).hint().isEmpty());
  }

  /** Whether this backend hands the split its counts through {@code Dataset.observe}. */
  abstract boolean observes();

  private static Validator splitRules() {
    return Validator.of(
        Rule.notNull("id").drop(),
        Rule.between("amount", 0, 1000).warn(),
        Rule.in("status", "paid", "open").drop(),
        Rule.matches("email", "^[^@]+@[^@]+$").warn());
  }

  @Test
  void theSplitCountsWhileItsOutputsAreWrittenWithTheCountPassFigures() {
    Validator v = splitRules();
    ValidationOutcome counted = v.validate(orders());
    Map<String, List<Row>> written = new HashMap<>();
    QuarantineSplit split = v.split(orders());
    ValidationOutcome o =
        split.write(
            d -> written.put("valid", d.collectAsList()),
            d -> written.put("quarantined", d.collectAsList()));
    assertEquals(observes(), split.observed());
    assertEquals(6, o.rows());
    assertEquals(counted.failuresByRule(), o.failuresByRule());
    assertEquals(Map.of("id not null", 1L, "amount in [0, 1000]", 2L), pick(o, 0, 1));
    assertEquals(counted.invalidRows(), o.invalidRows());
    assertEquals(counted.rowsBreakingAnyRule(), o.rowsBreakingAnyRule());
    assertEquals(o.validRows(), written.get("valid").size());
    assertEquals(o.invalidRows(), written.get("quarantined").size());
    assertEquals(2, o.invalidRows());
    List<Object> validIds = new ArrayList<>();
    written.get("valid").forEach(r -> validIds.add(r.get(0)));
    validIds.sort(null);
    assertEquals(List.of(1, 2, 5, 6), validIds);
    Row last = written.get("quarantined").stream().filter(r -> r.isNullAt(0)).findFirst().get();
    assertEquals(List.of("id not null", "status in {paid, open}"), last.getList(6));
    assertTrue(o == split.outcome(), "the outcome is computed once");
  }

  @Test
  void writingTheQuarantineAloneCountsEveryRuleAndLeavesTheValidRows() {
    Validator v = splitRules();
    ValidationOutcome counted = v.validate(orders());
    List<List<Row>> written = new ArrayList<>();
    QuarantineSplit split = v.split(orders());
    ValidationOutcome o = split.writeQuarantine(d -> written.add(d.collectAsList()));
    assertEquals(observes(), split.observed());
    assertEquals(counted.failuresByRule(), o.failuresByRule());
    assertEquals(counted.invalidRows(), o.invalidRows());
    assertEquals(6, o.rows());
    assertEquals(1, written.size());
    assertEquals(2, written.get(0).size());
    assertEquals(4, o.valid().count(), "the valid rows are read afterwards, as often as needed");
    assertEquals(4, o.valid().count());
    assertTrue(o == split.outcome(), "the outcome is computed once");
  }

  @Test
  void theSplitsOutcomeWithoutAnActionRunsTheCountPass() {
    QuarantineSplit split = splitRules().split(orders());
    ValidationOutcome o = split.outcome();
    assertFalse(split.observed());
    assertEquals(splitRules().validate(orders()).failuresByRule(), o.failuresByRule());
    assertEquals(2, o.invalidRows());
    assertEquals(4, split.valid().count());
  }

  @Test
  void theSplitChecksItsRulesBeforeAnyWrite() {
    InvalidRulesException e =
        assertThrows(
            InvalidRulesException.class, () -> Validator.of(Rule.notNull("amont")).split(orders()));
    assertEquals(ValidationError.UNKNOWN_RULE_COLUMN, e.problems().get(0).id());
    assertTrue(e.getMessage().contains("amount"), e.getMessage());
  }

  private static Map<String, Long> pick(ValidationOutcome o, int... rules) {
    Map<String, Long> m = new HashMap<>();
    for (int i : rules) {
      m.put(o.rules().get(i).name(), o.rules().get(i).failed());
    }
    return m;
  }
}
