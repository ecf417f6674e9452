package dev.forgeline.core.internal.graph;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.typesafe.config.Config;
import dev.forgeline.core.FactorySpec;
import dev.forgeline.core.StageSpec;
import dev.forgeline.core.error.PipelineDefinitionException;
import dev.forgeline.core.error.Problem;
import dev.forgeline.core.spi.CheckContext;
import dev.forgeline.core.spi.FactoryCheckContext;
import dev.forgeline.core.spi.PipelineCheck;
import dev.forgeline.core.spi.StepInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns stages of factory specs into a checked {@link Graph}, or throws one {@link
 * PipelineDefinitionException} listing every problem found.
 *
 * <p>Planning is linear in factories plus delivery points: producers are indexed by their exact
 * output type, so matching a delivery looks up one bucket.
 */
public final class GraphPlanner {
  private static final DeliveryScanner SCANNER = new DeliveryScanner();

  /** A producer seen by matching: a node or an external input. */
  private record Candidate(String id, TypeLiteral<?> type, Class<?> type0, int node, Input input) {
    String describe() {
      return node >= 0
          ? "[" + id + "] (" + type0.getName() + ") producing " + Types.render(type)
          : "[" + id + "] (external input) of " + Types.render(type);
    }
  }

  private final String pipeline;
  private final List<PipelineCheck> checks;
  private final List<Problem> problems = new ArrayList<>();

  private GraphPlanner(String pipeline, List<PipelineCheck> checks) {
    this.pipeline = pipeline;
    this.checks = List.copyOf(checks);
  }

  /**
   * Plans the graph.
   *
   * @param stageBarriers whether every node also waits for every node of the previous stage
   * @param checks extra checks whose problems join the list
   * @param config the configuration checks see
   * @throws PipelineDefinitionException listing every problem
   */
  public static Graph plan(
      String pipeline,
      List<StageSpec> stages,
      List<Input> inputs,
      Injector injector,
      boolean stageBarriers,
      List<PipelineCheck> checks,
      Config config) {
    return new GraphPlanner(pipeline, checks)
        .doPlan(stages, inputs, injector, stageBarriers, config);
  }

  private Graph doPlan(
      List<StageSpec> stages,
      List<Input> inputs,
      Injector injector,
      boolean barriers,
      Config config) {
    List<Node> nodes = createNodes(stages, injector);
    if (nodes.isEmpty() && problems.isEmpty()) {
      problems.add(Errors.emptyPipeline());
    }
    checkIds(nodes, inputs);

    Map<TypeLiteral<?>, List<Candidate>> byType = new HashMap<>();
    Map<String, List<Candidate>> byId = new HashMap<>();
    for (Node n : nodes) {
      if (n.output() != null) {
        Candidate c = new Candidate(n.id(), n.output(), n.type(), n.index(), null);
        byType.computeIfAbsent(n.output(), k -> new ArrayList<>()).add(c);
        byId.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(c);
      }
    }
    for (Input in : inputs) {
      Candidate c = new Candidate(in.id(), in.type(), null, -1, in);
      byType.computeIfAbsent(in.type(), k -> new ArrayList<>()).add(c);
      byId.computeIfAbsent(in.id(), k -> new ArrayList<>()).add(c);
    }

    List<List<Wire>> wires = new ArrayList<>(nodes.size());
    List<Set<Integer>> ups = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      List<Wire> ws = new ArrayList<>();
      Set<Integer> up = new LinkedHashSet<>();
      for (DeliveryPoint p : n.points()) {
        Wire w = match(n, p, byType, byId);
        if (w != null) {
          ws.add(w);
          if (w.fromNode() >= 0) {
            up.add(w.fromNode());
          }
        }
      }
      wires.add(List.copyOf(ws));
      ups.add(up);
    }
    if (barriers) {
      addBarriers(nodes, ups);
    }
    List<int[]> upstream = new ArrayList<>(nodes.size());
    List<List<Integer>> down = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      down.add(new ArrayList<>());
    }
    for (int i = 0; i < nodes.size(); i++) {
      int[] u = ups.get(i).stream().mapToInt(Integer::intValue).toArray();
      upstream.add(u);
      for (int from : u) {
        down.get(from).add(i);
      }
    }
    List<int[]> downstream = new ArrayList<>(nodes.size());
    for (List<Integer> d : down) {
      downstream.add(d.stream().mapToInt(Integer::intValue).toArray());
    }
    for (List<Integer> cycle : CycleFinder.find(upstream, downstream)) {
      problems.add(Errors.cycle(cycle.stream().map(nodes::get).toList()));
    }
    runPipelineChecks(nodes, upstream, injector, config);
    if (!problems.isEmpty()) {
      throw new PipelineDefinitionException(pipeline, problems);
    }
    return new Graph(
        pipeline,
        stages.stream().map(StageSpec::name).toList(),
        List.copyOf(nodes),
        List.copyOf(wires),
        List.copyOf(upstream),
        List.copyOf(downstream),
        List.copyOf(inputs));
  }

  private List<Node> createNodes(List<StageSpec> stages, Injector injector) {
    List<Node> nodes = new ArrayList<>();
    IdentityHashMap<Object, String> instances = new IdentityHashMap<>();
    for (StageSpec stage : stages) {
      int position = 0;
      for (FactorySpec spec : stage.factories()) {
        position++;
        if (spec == null || spec.type() == null) {
          problems.add(Errors.nullFactory(stage.name(), position));
          continue;
        }
        Class<?> type = spec.type();
        String id = spec.id().orElseGet(() -> defaultId(type));
        String place =
            "factory [" + id + "] (" + type.getName() + "), stage [" + stage.name() + "]";
        if (spec.instance().isPresent()) {
          String first = instances.putIfAbsent(spec.instance().get(), place);
          if (first != null) {
            problems.add(
                Errors.duplicateFactory(stage.name(), position, spec.instance().get(), first));
            continue;
          }
        }
        TypeLiteral<?> output = Types.outputType(type);
        if (output == null) {
          problems.add(Errors.unresolvedOutputType(stage.name(), id, type));
        }
        Injector own = injectorFor(spec, id, stage.name(), injector, place);
        DeliveryScanner.Scan scan = SCANNER.scan(type);
        Node node =
            new Node(
                nodes.size(),
                id,
                stage.name(),
                spec,
                output,
                wired(spec, scan.points(), place),
                own);
        for (DeliveryScanner.Defect d : scan.defects()) {
          problems.add(
              d.raw() ? Errors.rawDeliveryType(node, d) : Errors.invalidDeliveryMember(node, d));
        }
        nodes.add(node);
      }
    }
    return nodes;
  }

  /** Applies {@link FactorySpec#withDelivery} overrides; an unknown member is a problem. */
  private List<DeliveryPoint> wired(FactorySpec spec, List<DeliveryPoint> points, String place) {
    if (spec.wiring().isEmpty()) {
      return points;
    }
    List<DeliveryPoint> out = new ArrayList<>(points.size());
    for (DeliveryPoint p : points) {
      String producerId = spec.wiring().get(p.name());
      out.add(
          producerId == null
              ? p
              : new DeliveryPoint(
                  p.field(), p.setter(), p.type(), producerId, p.producer(), p.optional()));
    }
    for (String member : spec.wiring().keySet()) {
      if (points.stream().noneMatch(p -> p.name().equals(member))) {
        problems.add(
            Errors.unknownDeliveryMember(
                place, member, points.stream().map(DeliveryPoint::name).toList()));
      }
    }
    return List.copyOf(out);
  }

  private Injector injectorFor(
      FactorySpec spec, String id, String stage, Injector parent, String place) {
    Injector own = parent;
    try {
      if (!spec.modules().isEmpty()) {
        own = parent.createChildInjector(spec.modules());
      }
      FactoryCheckContext fc =
          new FactoryCheckContext(
              id, spec.type(), stage, spec.instance().map(i -> (Object) i), own, place);
      int before = problems.size();
      for (PipelineCheck c : checks) {
        try {
          problems.addAll(c.checkFactory(fc));
        } catch (RuntimeException e) {
          problems.add(Errors.checkFailed(c, place, e));
        }
      }
      if (problems.size() > before) {
        return own; // a check's message is clearer than Guice's generic one for this factory
      }
      if (spec.instance().isPresent()) {
        own.injectMembers(spec.instance().get());
      } else {
        own.getBinding(spec.type());
      }
    } catch (CreationException e) {
      problems.add(Errors.injectionFailed(place, guiceMessages(e.getErrorMessages())));
    } catch (ConfigurationException e) {
      problems.add(Errors.injectionFailed(place, guiceMessages(e.getErrorMessages())));
    } catch (ProvisionException e) {
      problems.add(Errors.injectionFailed(place, guiceMessages(e.getErrorMessages())));
    }
    return own;
  }

  private void runPipelineChecks(
      List<Node> nodes, List<int[]> upstream, Injector injector, Config config) {
    if (checks.isEmpty()) {
      return;
    }
    List<StepInfo> infos = new ArrayList<>(nodes.size());
    Map<String, Class<?>> classes = new HashMap<>();
    for (Node n : nodes) {
      List<String> up = new ArrayList<>();
      for (int u : upstream.get(n.index())) {
        up.add(nodes.get(u).id());
      }
      infos.add(new StepInfo(n.id(), n.type().getName(), n.stage(), up));
      classes.putIfAbsent(n.id(), n.type());
    }
    List<StepInfo> frozen = List.copyOf(infos);
    CheckContext context =
        new CheckContext() {
          @Override
          public String pipeline() {
            return pipeline;
          }

          @Override
          public List<StepInfo> factories() {
            return frozen;
          }

          @Override
          public Optional<Class<?>> factoryClass(String factoryId) {
            return Optional.ofNullable(classes.get(factoryId));
          }

          @Override
          public Injector injector() {
            return injector;
          }

          @Override
          public Config config() {
            return config;
          }
        };
    for (PipelineCheck c : checks) {
      try {
        problems.addAll(c.check(context));
      } catch (RuntimeException e) {
        problems.add(Errors.checkFailed(c, "pipeline [" + pipeline + "]", e));
      }
    }
  }

  private static String guiceMessages(java.util.Collection<com.google.inject.spi.Message> ms) {
    StringBuilder b = new StringBuilder();
    for (com.google.inject.spi.Message m : ms) {
      b.append(m.getMessage()).append('\n');
    }
    return b.toString();
  }

  private void checkIds(List<Node> nodes, List<Input> inputs) {
    Map<String, List<String>> places = new LinkedHashMap<>();
    for (Node n : nodes) {
      places.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(n.place());
    }
    for (Input in : inputs) {
      places
          .computeIfAbsent(in.id(), k -> new ArrayList<>())
          .add("external input of " + Types.render(in.type()));
    }
    places.forEach(
        (id, ps) -> {
          if (ps.size() > 1) {
            problems.add(Errors.duplicateId(id, ps));
          }
        });
  }

  private Wire match(
      Node consumer,
      DeliveryPoint p,
      Map<TypeLiteral<?>, List<Candidate>> byType,
      Map<String, List<Candidate>> byId) {
    // Start from the smaller index: an id names few producers, a type may have thousands.
    List<Candidate> named = p.id().isEmpty() ? List.of() : byId.getOrDefault(p.id(), List.of());
    List<Candidate> candidates = new ArrayList<>();
    for (Candidate c : p.id().isEmpty() ? byType.getOrDefault(p.type(), List.of()) : named) {
      if (c.node() != consumer.index() && c.type().equals(p.type())) {
        candidates.add(c);
      }
    }
    if (p.producer() != null) {
      if (named.isEmpty()) {
        named = new ArrayList<>();
        for (List<Candidate> cs : byId.values()) {
          for (Candidate c : cs) {
            if (c.node() >= 0 && p.producer().isAssignableFrom(c.type0())) {
              named.add(c);
            }
          }
        }
      }
      List<Candidate> inputs = candidates.stream().filter(c -> c.node() < 0).toList();
      candidates.removeIf(c -> c.node() < 0 || !p.producer().isAssignableFrom(c.type0()));
      if (candidates.isEmpty()) {
        // No such producer in the pipeline (a factory tested alone): an input of the type stands
        // in.
        candidates.addAll(inputs);
      }
    }
    if (candidates.size() == 1) {
      Candidate c = candidates.get(0);
      return new Wire(p, c.node(), c.input());
    }
    if (candidates.size() > 1) {
      if (candidates.stream().map(Candidate::id).distinct().count() == 1) {
        return null; // one id used twice: reported once as DuplicateId, not again per consumer
      }
      problems.add(
          Errors.ambiguousDelivery(
              consumer, p, candidates.stream().map(Candidate::describe).toList()));
      return null;
    }
    List<Candidate> mismatched =
        named.stream()
            .filter(c -> !c.type().equals(p.type()) && c.node() != consumer.index())
            .toList();
    if (!mismatched.isEmpty()) {
      problems.add(
          Errors.typeMismatch(consumer, p, mismatched.stream().map(Candidate::describe).toList()));
      return null;
    }
    if (p.optional()) {
      return new Wire(p, -1, null);
    }
    if (!p.id().isEmpty()) {
      List<String> ids = new ArrayList<>();
      byType.forEach(
          (t, cs) -> {
            if (p.type().getRawType().isAssignableFrom(t.getRawType())) {
              cs.stream().filter(c -> c.node() != consumer.index()).forEach(c -> ids.add(c.id()));
            }
          });
      if (!ids.isEmpty()) {
        problems.add(Errors.unknownProducerId(consumer, p, ids));
        return null;
      }
    }
    problems.add(
        Errors.missingDelivery(consumer, p, available(byType, consumer), didYouMean(p, byType)));
    return null;
  }

  private static List<String> available(Map<TypeLiteral<?>, List<Candidate>> byType, Node self) {
    List<String> out = new ArrayList<>();
    byType.entrySet().stream()
        .sorted(java.util.Comparator.comparing(e -> Types.render(e.getKey())))
        .forEach(
            e -> {
              List<String> ids =
                  e.getValue().stream()
                      .filter(c -> c.node() != self.index())
                      .map(Candidate::id)
                      .toList();
              if (!ids.isEmpty()) {
                out.add(Types.render(e.getKey()) + " from " + ids);
              }
            });
    return out;
  }

  private static List<String> didYouMean(
      DeliveryPoint p, Map<TypeLiteral<?>, List<Candidate>> byType) {
    List<String> out = new ArrayList<>();
    Class<?> raw = p.type().getRawType();
    byType.entrySet().stream()
        .sorted(java.util.Comparator.comparing(e -> Types.render(e.getKey())))
        .forEach(
            e -> {
              Class<?> other = e.getKey().getRawType();
              boolean close = other == raw || raw.isAssignableFrom(other);
              if (close) {
                for (Candidate c : e.getValue()) {
                  out.add(Types.render(e.getKey()) + " from [" + c.id() + "]");
                }
              }
            });
    return out.size() > Errors.MAX_LISTED ? out.subList(0, Errors.MAX_LISTED) : out;
  }

  private static void addBarriers(List<Node> nodes, List<Set<Integer>> ups) {
    List<Integer> previous = List.of();
    List<Integer> current = new ArrayList<>();
    String stage = null;
    for (Node n : nodes) {
      if (!n.stage().equals(stage)) {
        if (stage != null) {
          previous = current;
          current = new ArrayList<>();
        }
        stage = n.stage();
      }
      ups.get(n.index()).addAll(previous);
      current.add(n.index());
    }
  }

  private static String defaultId(Class<?> type) {
    String simple = type.getSimpleName();
    return simple.isEmpty()
        ? type.getName().substring(type.getName().lastIndexOf('.') + 1)
        : simple;
  }
}
