package dev.forgeline.core.internal.exec;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import dev.forgeline.core.ConditionContext;
import dev.forgeline.core.internal.graph.Graph;
import dev.forgeline.core.internal.graph.Guard;
import dev.forgeline.core.internal.graph.Node;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, on the coordinating thread, whether a ready step runs: evaluates the conditions that
 * guard it, each once per run and namespace (its slot), and remembers the answers so both branches
 * of an if/otherwise pair and every step of a stage see the same one.
 */
final class Gates {
  /** Why a guarded step does not run: its guard's text, or the condition that threw. */
  record Verdict(Guard guard, boolean held, RuntimeException error) {}

  private static final String ENVIRONMENT_KEY = "forgeline.environment";

  private final Graph graph;
  private final Object[] answers;
  private final LocalDate runDate;
  private final StepResult[] results;
  private final RunContext ctx;

  Gates(Graph graph, Clock clock, StepResult[] results, RunContext ctx) {
    this.graph = graph;
    this.answers = new Object[graph.slots()];
    this.runDate = LocalDate.ofInstant(clock.instant(), clock.getZone());
    this.results = results;
    this.ctx = ctx;
  }

  /** The first guard of {@code node} that stops it, or null when it runs. */
  Verdict check(Node node) {
    for (Guard g : node.guards()) {
      Object a = answers[g.slot()];
      if (a == null) {
        try {
          a = g.condition().test(new View(g.ids()));
        } catch (RuntimeException e) {
          a = e;
        }
        answers[g.slot()] = a;
      }
      if (a instanceof RuntimeException e) {
        return new Verdict(g, false, e);
      }
      boolean held = (Boolean) a;
      if (held == g.otherwise()) {
        return new Verdict(g, held, null);
      }
    }
    return null;
  }

  /** What the report records about the guards of a step that ran: each, and its answer. */
  Map<String, String> facts(Node node) {
    StringBuilder b = new StringBuilder();
    for (Guard g : node.guards()) {
      Object a = answers[g.slot()];
      b.append(b.length() == 0 ? "" : "; ")
          .append(g.describe())
          .append(" -> ")
          .append(
              g.otherwise() ? "else branch taken" : a == Boolean.TRUE ? "held" : "did not hold");
    }
    return Map.of("forgeline.condition", b.toString());
  }

  private final class View implements ConditionContext {
    private final Map<String, Integer> ids;

    View(Map<String, Integer> ids) {
      this.ids = ids;
    }

    @Override
    public String pipeline() {
      return graph.pipeline();
    }

    @Override
    public Config config() {
      return graph.config();
    }

    @Override
    public String configValue(String key) {
      ConfigValue v = graph.config().getValue(key);
      Object raw = v.unwrapped();
      return raw instanceof String str ? str : String.valueOf(raw);
    }

    @Override
    public Optional<String> environment() {
      Config c = graph.config();
      return c.hasPath(ENVIRONMENT_KEY)
          ? Optional.of(c.getString(ENVIRONMENT_KEY))
          : Optional.empty();
    }

    @Override
    public LocalDate runDate() {
      return runDate;
    }

    @Override
    public <T> T output(String stepId, Class<T> type) {
      int i = index(stepId);
      if (results[i] == null || results[i].status() != Status.SUCCESS) {
        throw new IllegalStateException("step [" + stepId + "] has no output");
      }
      return type.cast(ctx.outputs.get(i));
    }

    @Override
    public boolean failed(String stepId) {
      Status s = status(stepId);
      return s == Status.FAILED || s == Status.CANCELLED;
    }

    @Override
    public boolean succeeded(String stepId) {
      Status s = status(stepId);
      return s == Status.SUCCESS || s == Status.CACHED;
    }

    private Status status(String stepId) {
      StepResult r = results[index(stepId)];
      return r == null ? null : r.status();
    }

    private int index(String stepId) {
      Integer i = ids.get(stepId);
      if (i == null) {
        throw new IllegalStateException(
            "step [" + stepId + "] was not declared by the condition; declared: " + ids.keySet());
      }
      return i;
    }
  }
}
