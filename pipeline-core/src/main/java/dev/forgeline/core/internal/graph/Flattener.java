package dev.forgeline.core.internal.graph;

import com.google.inject.Module;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.forgeline.core.Condition;
import dev.forgeline.core.FactorySpec;
import dev.forgeline.core.PipelineSpec;
import dev.forgeline.core.StageSpec;
import dev.forgeline.core.SubPipeline;
import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a pipeline's specification tree depth first and lays it out flat: every factory with its
 * namespace, stage path, inherited modules and guards; every mapped input and output as an alias;
 * every stage for rendering. Conditions from HOCON ({@value #STAGES_KEY}{@code ."path".when}) join
 * the code's. Problems go to the shared list.
 */
final class Flattener {
  /** Where HOCON conditions live: {@code forgeline.stages."<stage path>".when = "env != dev"}. */
  static final String STAGES_KEY = "forgeline.stages";

  /** A factory to become a node. */
  record Flat(
      FactorySpec spec,
      String scope,
      String stage,
      List<Module> modules,
      List<Guard> guards,
      int position) {}

  /**
   * A name in {@code scope} that stands for producer {@code target} of {@code targetScope}: a
   * mapped input (into the sub-pipeline) or a mapped output (out of it).
   */
  record Alias(
      String scope, String id, String targetScope, String target, String place, boolean output) {}

  private final Config config;
  private final List<Problem> problems;
  final List<Flat> factories = new ArrayList<>();
  final List<Alias> aliases = new ArrayList<>();
  final List<StagePlan> stages = new ArrayList<>();

  /** Local names per namespace: factory ids, include namespaces and aliases, with their places. */
  final Map<String, Map<String, List<String>>> names = new HashMap<>();

  private final IdentityHashMap<Condition, Map<String, Integer>> slots = new IdentityHashMap<>();
  private int slotCount;
  private final Map<String, Condition> hocon = new LinkedHashMap<>();
  private final Set<String> paths = new LinkedHashSet<>();

  Flattener(Config config, List<Problem> problems) {
    this.config = config;
    this.problems = problems;
    readHocon();
  }

  int slots() {
    return slotCount;
  }

  void flatten(PipelineSpec root) {
    walk(root, "", List.of(), List.of());
    hocon.keySet().stream()
        .filter(p -> !paths.contains(p))
        .forEach(
            p ->
                problems.add(
                    SpecErrors.unknownStage(STAGES_KEY + ".\"" + p + "\".when", p, paths)));
  }

  private void walk(PipelineSpec spec, String scope, List<Module> modules, List<Guard> inherited) {
    Map<String, Condition> conditions = new HashMap<>();
    for (StageSpec stage : spec.stages()) {
      Condition c = effective(stage, path(scope, stage.name()));
      if (c != null) {
        conditions.put(stage.name(), c);
      }
    }
    for (StageSpec stage : spec.stages()) {
      String path = path(scope, stage.name());
      paths.add(path);
      List<Guard> guards = new ArrayList<>(inherited);
      Condition own = conditions.get(stage.name());
      if (stage.otherwise() != null) {
        Condition target = conditions.get(stage.otherwise());
        String ifPath = path(scope, stage.otherwise());
        if (target == null) {
          problems.add(
              SpecErrors.badOtherwise(
                  "stage [" + path + "]",
                  stage.otherwise(),
                  spec.stages().stream().anyMatch(s -> s.name().equals(stage.otherwise())),
                  conditions.keySet()));
        } else {
          guards.add(new Guard(target, true, ifPath, slot(target, scope), Map.of()));
        }
        Condition extra = hocon.get(path);
        if (extra != null) {
          guards.add(new Guard(extra, false, path, slot(extra, scope), Map.of()));
        }
      } else if (own != null) {
        guards.add(new Guard(own, false, path, slot(own, scope), Map.of()));
      }
      String guardText =
          guards.size() == inherited.size()
              ? null
              : String.join(
                  "; ",
                  guards.subList(inherited.size(), guards.size()).stream()
                      .map(Guard::describe)
                      .toList());
      if (stage.isInclude()) {
        SubPipeline sub = stage.subPipeline();
        stages.add(new StagePlan(path, scope, stage.name(), guardText, sub.pipeline().name()));
        name(scope, stage.name(), "sub-pipeline [" + path + "]");
        List<Module> inner = new ArrayList<>(modules);
        inner.addAll(sub.modules());
        sub.inputs()
            .forEach(
                (innerId, outerId) -> {
                  String place = "sub-pipeline [" + path + "], input [" + innerId + "]";
                  aliases.add(new Alias(path, innerId, scope, outerId, place, false));
                  name(path, innerId, "mapped input of " + place);
                });
        sub.outputs()
            .forEach(
                (outerId, innerId) -> {
                  String place = "sub-pipeline [" + path + "], output [" + outerId + "]";
                  aliases.add(new Alias(scope, outerId, path, innerId, place, true));
                  name(scope, outerId, "mapped output of " + place);
                });
        walk(sub.pipeline(), path, List.copyOf(inner), List.copyOf(guards));
        continue;
      }
      stages.add(new StagePlan(path, scope, stage.name(), guardText, null));
      int position = 0;
      for (FactorySpec f : stage.factories()) {
        position++;
        List<Guard> g = guards;
        if (f != null && f.condition().isPresent()) {
          g = new ArrayList<>(guards);
          Condition fc = f.condition().get();
          g.add(new Guard(fc, false, path, slot(fc, scope), Map.of()));
        }
        factories.add(new Flat(f, scope, path, modules, List.copyOf(g), position));
      }
    }
  }

  /** Records a local name of {@code scope}; collisions are reported by the planner. */
  void name(String scope, String id, String place) {
    names
        .computeIfAbsent(scope, k -> new LinkedHashMap<>())
        .computeIfAbsent(id, k -> new ArrayList<>())
        .add(place);
  }

  private Condition effective(StageSpec stage, String path) {
    Condition code = stage.condition();
    Condition fromConfig = stage.otherwise() == null ? hocon.get(path) : null;
    if (code == null) {
      return fromConfig;
    }
    return fromConfig == null ? code : code.and(fromConfig);
  }

  private int slot(Condition c, String scope) {
    return slots.computeIfAbsent(c, k -> new HashMap<>()).computeIfAbsent(scope, k -> slotCount++);
  }

  static String path(String scope, String name) {
    return scope.isEmpty() ? name : scope + "/" + name;
  }

  private void readHocon() {
    if (!config.hasPath(STAGES_KEY)) {
      return;
    }
    ConfigValue root = config.getValue(STAGES_KEY);
    if (root.valueType() != ConfigValueType.OBJECT) {
      problems.add(
          SpecErrors.conditionSyntax(
              STAGES_KEY,
              root.origin().description(),
              "expected an object of stages but found " + root.valueType(),
              null,
              -1));
      return;
    }
    new java.util.TreeMap<>((ConfigObject) root)
        .forEach(
            (stage, value) -> {
              String key = STAGES_KEY + ".\"" + stage + "\".when";
              if (value.valueType() != ConfigValueType.OBJECT
                  || !((ConfigObject) value).containsKey("when")) {
                problems.add(
                    SpecErrors.conditionSyntax(
                        key,
                        value.origin().description(),
                        "expected { when = \"...\" } but found " + value.render(),
                        null,
                        -1));
                return;
              }
              ConfigValue when = ((ConfigObject) value).get("when");
              if (when.valueType() != ConfigValueType.STRING) {
                problems.add(
                    SpecErrors.conditionSyntax(
                        key,
                        when.origin().description(),
                        "expected a string but found " + when.valueType(),
                        null,
                        -1));
                return;
              }
              String text = (String) when.unwrapped();
              try {
                hocon.put(stage, ConditionParser.parse(text));
              } catch (ConditionParser.SyntaxError e) {
                problems.add(
                    SpecErrors.conditionSyntax(
                        key, when.origin().description(), e.getMessage(), text, e.position));
              }
            });
  }
}
