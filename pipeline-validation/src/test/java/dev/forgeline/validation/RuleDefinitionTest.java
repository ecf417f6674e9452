package dev.forgeline.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.core.error.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad rules are rejected where they are written, each error naming the rule. */
class RuleDefinitionTest {

  @Test
  void invalidRegexNamesTheRuleAndWhere() {
    InvalidRulesException e =
        assertThrows(InvalidRulesException.class, () -> Rule.matches("email", "([a-z]+"));
    Problem p = e.problems().get(0);
    assertEquals(ValidationError.INVALID_REGEX, p.id());
    assertEquals("rule [email matches /([a-z]+/]", p.place());
    assertTrue(p.found().get(0).startsWith("found: Unclosed group"), p.found().toString());
  }

  @Test
  void thresholdOutsideZeroToOneIsRejected() {
    for (double t : new double[] {-0.1, 1.5, Double.NaN}) {
      InvalidRulesException e =
          assertThrows(InvalidRulesException.class, () -> Rule.notNull("id").threshold(t));
      assertEquals(ValidationError.THRESHOLD_OUT_OF_RANGE, e.problems().get(0).id());
      assertEquals(
          "the threshold of rule [id not null] was [" + t + "] but must lie in [0, 1]",
          e.problems().get(0).message());
    }
    assertEquals(0.0, Rule.notNull("id").threshold(0).threshold().getAsDouble());
  }

  @Test
  void duplicateNamesAreAllListed() {
    InvalidRulesException e =
        assertThrows(
            InvalidRulesException.class,
            () ->
                Validator.of(
                    Rule.notNull("id"),
                    Rule.notNull("a").named("x"),
                    Rule.notNull("id"),
                    Rule.notNull("b").named("x")));
    assertEquals(
        List.of("rules #1 and #3", "rules #2 and #4"),
        e.problems().stream().map(Problem::place).toList());
  }

  @Test
  void malformedRulesAreRejected() {
    assertThrows(InvalidRulesException.class, () -> Rule.in("status"));
    assertThrows(InvalidRulesException.class, () -> Rule.between("amount", 10, 1));
    assertThrows(InvalidRulesException.class, () -> Rule.range("amount", null, true, null, true));
    assertThrows(InvalidRulesException.class, () -> Rule.length("s", 5, 2));
    assertThrows(InvalidRulesException.class, () -> Rule.unique());
    assertThrows(InvalidRulesException.class, () -> Rule.expression(" ", "a > 1"));
    assertThrows(InvalidRulesException.class, () -> Rule.notNull("id").allowNull());
    assertThrows(InvalidRulesException.class, () -> Validator.of(List.of()));
    IllegalStateException twice =
        assertThrows(IllegalStateException.class, () -> Validator.builder().lazy().lazy(false));
    assertEquals("lazy was already set to [true]", twice.getMessage());
  }

  @Test
  void rulesAreImmutable() {
    Rule base = Rule.notNull("id");
    Rule dropped = base.drop().threshold(0.9).named("ids");
    assertEquals(Action.FAIL, base.action());
    assertTrue(base.threshold().isEmpty());
    assertEquals("id not null", base.name());
    assertEquals("Rule[ids, NOT_NULL, DROP, threshold 0.9]", dropped.toString());
  }
}
