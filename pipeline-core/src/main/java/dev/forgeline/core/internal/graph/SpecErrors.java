package dev.forgeline.core.internal.graph;

import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The definition problems of the specification tree: conditions, branches and composition. One
 * factory method per kind of problem, like {@link Errors}.
 */
final class SpecErrors {
  private SpecErrors() {}

  static Problem conditionSyntax(
      String key, String origin, String what, String text, int position) {
    List<String> found = new ArrayList<>();
    if (text != null) {
      found.add("condition: " + text);
      found.add("           " + " ".repeat(Math.max(0, position)) + "^ " + what);
    } else {
      found.add("found: " + what);
    }
    found.add("from: " + origin);
    return new Problem(
        ErrorId.CONDITION_SYNTAX,
        "The condition at [" + key + "] does not parse.",
        "config key [" + key + "]",
        found,
        "write env == dev, env != dev, env in [dev, test], config.some.key == value, a boolean"
            + " config.some.key, combined with &&, ||, ! and parentheses; see docs/conditions.md.");
  }

  static Problem unknownStage(String key, String stage, Collection<String> stages) {
    return new Problem(
        ErrorId.UNKNOWN_STAGE,
        "The condition at [" + key + "] names stage [" + stage + "], which does not exist.",
        "config key [" + key + "]",
        List.of("stages: " + closest(stage, stages)),
        "use a stage's full path (a stage in a sub-pipeline is \"namespace/stage\"), quoted in"
            + " HOCON: forgeline.stages.\"orders/clean\".when = \"env != dev\".");
  }

  static Problem badOtherwise(
      String place, String target, boolean exists, Collection<String> conditional) {
    return new Problem(
        ErrorId.UNKNOWN_STAGE,
        exists
            ? "The otherwise branch names stage [" + target + "], which has no condition."
            : "The otherwise branch names stage [" + target + "], which does not exist.",
        place,
        List.of("stages with a condition: " + List.copyOf(conditional)),
        "name a stage of the same pipeline that has when(...) (or a HOCON when), declared"
            + " anywhere in that pipeline.");
  }

  static Problem unknownConditionStep(
      String place, String condition, String id, Collection<String> ids) {
    return new Problem(
        ErrorId.UNKNOWN_CONDITION_STEP,
        "The condition [" + condition + "] names step [" + id + "], which does not exist here.",
        place,
        List.of("steps in this namespace, closest first: " + closest(id, ids)),
        "name a step of the same namespace (its id without the namespace prefix), or a mapped"
            + " input of the sub-pipeline.");
  }

  static Problem branchDelivery(
      Node consumer, DeliveryPoint p, String producer, String producingBranch, String other) {
    return new Problem(
        ErrorId.BRANCH_DELIVERY,
        "Delivery "
            + p.describe()
            + " of "
            + Types.render(p.type())
            + " is produced by only one branch of an if/otherwise pair.",
        consumer.place() + ", " + p.describe(),
        List.of(
            "produced by: [" + producer + "] in " + producingBranch, "not produced by: " + other),
        "add a producer of the same type to the other branch, or mark the delivery"
            + " @Delivery(optional = true) so the consumer runs without it.");
  }

  static Problem namespaceCollision(String scope, String name, List<String> places) {
    List<String> found = new ArrayList<>();
    for (String p : places) {
      found.add("used by: " + p);
    }
    return new Problem(
        ErrorId.NAMESPACE_COLLISION,
        "The name ["
            + name
            + "] is used "
            + places.size()
            + " times in "
            + (scope.isEmpty() ? "the top namespace" : "namespace [" + scope + "]")
            + ".",
        scope.isEmpty() ? "" : "namespace [" + scope + "]",
        found,
        "rename the sub-pipeline's namespace, the mapped id or the factory id; a namespace, a"
            + " mapped id and a factory id share one set of names.");
  }

  static Problem unknownMapping(String place, String id, String scope, Collection<String> ids) {
    return new Problem(
        ErrorId.UNKNOWN_MAPPING,
        "The mapping names producer ["
            + id
            + "], which "
            + (scope.isEmpty() ? "the top namespace" : "namespace [" + scope + "]")
            + " does not have.",
        place,
        List.of("producers there, closest first: " + closest(id, ids)),
        "map an id that exists in that namespace (a factory id, a mapped input, or a nested"
            + " sub-pipeline's mapped output).");
  }

  private static List<String> closest(String id, Collection<String> ids) {
    List<String> ranked = new ArrayList<>(ids);
    ranked.sort(
        Comparator.comparingInt((String s) -> Errors.editDistance(id, s))
            .thenComparing(Comparator.naturalOrder()));
    return ranked.size() > Errors.MAX_LISTED ? ranked.subList(0, Errors.MAX_LISTED) : ranked;
  }
}
