package dev.forgeline.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.forgeline.mock.MockSparkSession;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Rules declared in HOCON behave as the same rules written in Java. */
class RuleConfigTest {
  private static final SparkSession SPARK = MockSparkSession.create();

  static final String ORDERS_RULES =
      """
      validation.orders {
        lazy = true
        sample-size = 2
        rules = [
          { type = not-null, column = id }
          { type = range, column = amount, min = 0, max = 1000, action = drop, threshold = 0.5 }
          { type = range, column = amount, min = 10, min-inclusive = false, action = warn }
          { type = in, column = status, values = [paid, open], action = warn }
          { type = not-in, column = status, values = [lost], action = warn }
          { type = regex, column = email, pattern = "^[^@]+@[^@]+$", allow-null = true }
          { type = length, column = status, min = 4, max = 4, action = warn }
          { type = unique, columns = [id], allow-null = true, action = warn }
          { type = references, columns = [customer], reference = customers,
            reference-columns = [cid], action = drop }
          { type = expression, name = "cheap", sql = "amount < 500", action = warn }
        ]
      }
      """;

  @Test
  void everyRuleTypeLoadsAndCountsAsItsJavaTwin() {
    Config config = ConfigFactory.parseString(ORDERS_RULES);
    Validator v =
        RuleConfig.validator(
            config, "validation.orders", Map.of("customers", Data.customers(SPARK)));
    assertTrue(v.isLazy());
    assertEquals(2, v.sampleSize());
    assertEquals(
        List.of(
            "id not null",
            "amount in [0, 1000]",
            "amount in (10, +inf]",
            "status in {paid, open}",
            "status not in {lost}",
            "email matches /^[^@]+@[^@]+$/",
            "length of status in [4, 4]",
            "unique (id)",
            "(customer) references (cid)",
            "cheap"),
        v.rules().stream().map(Rule::name).toList());
    ValidationOutcome o = v.validate(Data.orders(SPARK));
    assertEquals(
        List.of(1L, 2L, 3L, 2L, 2L, 1L, 1L, 2L, 2L, 2L), List.copyOf(o.failuresByRule().values()));
    assertEquals(Action.DROP, v.rules().get(1).action());
    assertEquals(0.5, v.rules().get(1).threshold().getAsDouble());
    assertTrue(v.rules().get(5).nullsPass());
    assertFalse(o.passed(), "the FAIL rule [id not null] is breached");
  }

  @Test
  void everyMalformedRuleIsReportedWithItsKey() {
    Config config =
        ConfigFactory.parseString(
            """
            rules = [
              { type = not-null, colum = id }
              { type = regexp, column = email }
              { type = range, column = amount, min = 0, threshold = 1.5 }
              { type = regex, column = email, pattern = "([a-z" }
              { type = in, column = status, values = [a], action = explode }
              { type = references, columns = [c], reference = nowhere, reference-columns = [id] }
              { type = expression, sql = "a > 1" }
            ]
            """);
    InvalidRulesException e =
        assertThrows(
            InvalidRulesException.class, () -> RuleConfig.rules(config, "rules", Map.of()));
    List<String> lines =
        e.problems().stream()
            .map(p -> p.id().label() + " " + p.place() + " " + p.message())
            .toList();
    assertEquals(
        List.of(
            "InvalidRuleConfig key [rules[0].colum] unknown key [colum]",
            "InvalidRuleConfig key [rules[0].column] a not-null rule needs [column]",
            "InvalidRuleConfig key [rules[1].type] unknown value [regexp]",
            "RuleThresholdOutOfRange rule [amount in [0, +inf]], key [rules[2].threshold] the"
                + " threshold of rule [amount in [0, +inf]] was [1.5] but must lie in [0, 1]",
            "InvalidRuleRegex rule [email matches /([a-z/] the pattern of rule"
                + " [email matches /([a-z/] is not a valid regular expression",
            "InvalidRuleConfig key [rules[4].action] unknown value [explode]",
            "InvalidRuleConfig key [rules[5].reference] unknown value [nowhere]",
            "InvalidRuleConfig key [rules[6].name] an expression rule needs a name"),
        lines);
    assertEquals("Did you mean [column]?", e.problems().get(0).hint());
    assertEquals("Did you mean [regex]?", e.problems().get(2).hint());
    assertTrue(e.problems().get(0).found().get(1).startsWith("in: String: 2"));
  }
}
