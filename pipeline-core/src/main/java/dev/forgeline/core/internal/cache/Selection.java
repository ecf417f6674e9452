package dev.forgeline.core.internal.cache;

import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.Problem;
import dev.forgeline.core.spi.StepInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A partial run: {@code select} names stages or factories to run, {@code from} names factories to
 * run with everything downstream. The steps they need but do not run are served (from the cache,
 * else from the table their producer declares); every other step is left out.
 */
final class Selection {
  /** What a step does in a partial run. */
  enum Mode {
    RUN,
    SERVE,
    LEAVE_OUT
  }

  private final List<String> select;
  private final List<String> from;

  Selection(List<String> select, List<String> from) {
    this.select = List.copyOf(select);
    this.from = List.copyOf(from);
  }

  boolean all() {
    return select.isEmpty() && from.isEmpty();
  }

  String describe() {
    return (select.isEmpty() ? "" : "--select " + String.join(",", select))
        + (select.isEmpty() || from.isEmpty() ? "" : " ")
        + (from.isEmpty() ? "" : "--from " + String.join(",", from));
  }

  /** The mode of every step, in the order of {@code steps}. */
  Mode[] modes(List<StepInfo> steps) {
    Mode[] modes = new Mode[steps.size()];
    if (all()) {
      java.util.Arrays.fill(modes, Mode.RUN);
      return modes;
    }
    Map<String, Integer> index = new HashMap<>();
    Map<Integer, List<Integer>> down = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      index.put(steps.get(i).factoryId(), i);
    }
    for (int i = 0; i < steps.size(); i++) {
      for (String u : steps.get(i).upstream()) {
        down.computeIfAbsent(index.get(u), k -> new ArrayList<>()).add(i);
      }
    }
    Set<Integer> run = new LinkedHashSet<>();
    for (String name : select) {
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i).factoryId().equals(name) || steps.get(i).stage().equals(name)) {
          run.add(i);
        }
      }
    }
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    for (String name : from) {
      Integer i = index.get(name);
      if (i != null) {
        todo.add(i);
      }
    }
    while (!todo.isEmpty()) {
      int i = todo.poll();
      run.add(i);
      for (int d : down.getOrDefault(i, List.of())) {
        if (!run.contains(d)) {
          todo.add(d);
        }
      }
    }
    java.util.Arrays.fill(modes, Mode.LEAVE_OUT);
    for (int i : run) {
      modes[i] = Mode.RUN;
    }
    for (int i : run) {
      todo.add(i);
    }
    while (!todo.isEmpty()) {
      for (String u : steps.get(todo.poll()).upstream()) {
        int ui = index.get(u);
        if (modes[ui] == Mode.LEAVE_OUT) {
          modes[ui] = Mode.SERVE;
          todo.add(ui);
        }
      }
    }
    return modes;
  }

  /** Unknown names, and served steps with neither a cache policy nor a table. */
  List<Problem> problems(List<StepInfo> steps, Function<String, Declaration> declarations) {
    List<Problem> out = new ArrayList<>();
    if (all()) {
      return out;
    }
    Set<String> ids = new LinkedHashSet<>();
    Set<String> stages = new LinkedHashSet<>();
    steps.forEach(
        s -> {
          ids.add(s.factoryId());
          stages.add(s.stage());
        });
    for (String name : select) {
      if (!ids.contains(name) && !stages.contains(name)) {
        out.add(unknown("--select", name, "a stage or factory id", ids, stages));
      }
    }
    for (String name : from) {
      if (!ids.contains(name)) {
        out.add(unknown("--from", name, "a factory id", ids, Set.of()));
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    Mode[] modes = modes(steps);
    for (int i = 0; i < steps.size(); i++) {
      StepInfo s = steps.get(i);
      Declaration d = declarations.apply(s.factoryId());
      if (modes[i] == Mode.SERVE && d.policy() == null && d.table() == null) {
        List<String> consumers = new ArrayList<>();
        for (int j = 0; j < steps.size(); j++) {
          if (modes[j] != Mode.LEAVE_OUT && steps.get(j).upstream().contains(s.factoryId())) {
            consumers.add(steps.get(j).factoryId());
          }
        }
        out.add(
            new Problem(
                ErrorId.UNSERVED_UPSTREAM,
                "Factory ["
                    + s.factoryId()
                    + "] is not selected, but "
                    + consumers
                    + " need its output and it is neither cacheable nor declares the table it"
                    + " writes.",
                "factory ["
                    + s.factoryId()
                    + "] ("
                    + s.factoryClass()
                    + "), stage ["
                    + s.stage()
                    + "]; selection "
                    + describe(),
                List.of("needed by: " + consumers),
                "select it too, mark it @Cacheable (and run it once), or declare its table with"
                    + " @WritesTable or forgeline.cache.factories.<id>.table."));
      }
    }
    return out;
  }

  private Problem unknown(
      String option, String name, String what, Set<String> ids, Set<String> stages) {
    List<String> found = new ArrayList<>();
    found.add("factory ids: " + ids);
    if (!stages.isEmpty()) {
      found.add("stages: " + stages);
    }
    return new Problem(
        ErrorId.UNKNOWN_SELECTION,
        option
            + " ["
            + name
            + "] matches no "
            + (stages.isEmpty() ? "factory" : "stage or factory")
            + ".",
        "selection " + describe(),
        found,
        "name " + what + " of the pipeline; ids are case-sensitive.");
  }
}
