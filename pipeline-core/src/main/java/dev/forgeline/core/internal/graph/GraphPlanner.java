package dev.forgeline.core.internal.graph;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.typesafe.config.Config;
import dev.forgeline.core.FactorySpec;
import dev.forgeline.core.PipelineSpec;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns stages of factory specs into a checked {@link Graph}, or throws one {@link
 * PipelineDefinitionException} listing every problem found.
 *
 * <p>Planning is linear in factories plus delivery points: producers are indexed by their exact
 * output type, so matching a delivery looks up one bucket.
 */
public final class GraphPlanner {
  private static final DeliveryScanner SCANNER = new DeliveryScanner();

  private final String pipeline;
  private final List<PipelineCheck> checks;
  private final List<Problem> problems = new ArrayList<>();

  private GraphPlanner(String pipeline, List<PipelineCheck> checks) {
    this.pipeline = pipeline;
    this.checks = List.copyOf(checks);
  }

  /**
   * Flattens the specification tree and plans the graph.
   *
   * @param stageBarriers whether every stage also waits for every stage it depends on, whole
   * @param checks extra checks whose problems join the list
   * @param config the configuration checks and conditions see
   * @throws PipelineDefinitionException listing every problem
   */
  public static Graph plan(
      PipelineSpec spec,
      List<Input> inputs,
      Injector injector,
      boolean stageBarriers,
      List<PipelineCheck> checks,
      Config config) {
    return new GraphPlanner(spec.name(), checks)
        .doPlan(spec, inputs, injector, stageBarriers, config);
  }

  private Graph doPlan(
      PipelineSpec spec, List<Input> inputs, Injector injector, boolean barriers, Config config) {
    Flattener flat = new Flattener(config, problems);
    flat.flatten(spec);
    List<Node> nodes = createNodes(flat, injector);
    if (nodes.isEmpty() && problems.isEmpty()) {
      problems.add(Errors.emptyPipeline());
    }
    checkIds(nodes, inputs);
    checkNames(flat, nodes);
    Scopes scopes = new Scopes(nodes, inputs, flat.aliases, problems);
    Branches branches = new Branches(nodes);
    nodes = resolveGuards(nodes, scopes);

    List<List<Wire>> wires = new ArrayList<>(nodes.size());
    List<Map<Integer, Byte>> ups = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      List<Wire> ws = new ArrayList<>();
      Map<Integer, Byte> up = new LinkedHashMap<>();
      for (DeliveryPoint p : n.points()) {
        Wire w = match(n, p, scopes.get(n.scope()), branches);
        if (w != null) {
          ws.add(w);
          byte kind = p.optional() || w.elseNode() >= 0 ? Graph.SOFT : Graph.REQUIRED;
          if (w.fromNode() >= 0) {
            edge(up, w.fromNode(), kind);
          }
          if (w.elseNode() >= 0) {
            edge(up, w.elseNode(), kind);
          }
        }
      }
      for (Guard g : n.guards()) {
        for (String id : g.condition().reads()) {
          Integer from = g.ids().get(id);
          if (from != null && from != n.index()) {
            edge(up, from, Graph.REQUIRED);
          }
        }
        for (String id : g.condition().awaits()) {
          Integer from = g.ids().get(id);
          if (from != null && from != n.index()) {
            edge(up, from, Graph.AFTER);
          }
        }
      }
      wires.add(List.copyOf(ws));
      ups.add(up);
    }
    Edges.awaitAll(nodes, ups);
    if (barriers) {
      Edges.addBarriers(nodes, ups);
    }
    List<int[]> upstream = new ArrayList<>(nodes.size());
    List<List<Integer>> down = new ArrayList<>(nodes.size());
    List<List<Byte>> kinds = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      down.add(new ArrayList<>());
      kinds.add(new ArrayList<>());
    }
    for (int i = 0; i < nodes.size(); i++) {
      Map<Integer, Byte> up = ups.get(i);
      int[] u = new int[up.size()];
      int k = 0;
      for (Map.Entry<Integer, Byte> e : up.entrySet()) {
        u[k++] = e.getKey();
        down.get(e.getKey()).add(i);
        kinds.get(e.getKey()).add(e.getValue());
      }
      upstream.add(u);
    }
    List<int[]> downstream = new ArrayList<>(nodes.size());
    List<byte[]> downKinds = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      downstream.add(down.get(i).stream().mapToInt(Integer::intValue).toArray());
      List<Byte> ks = kinds.get(i);
      byte[] b = new byte[ks.size()];
      for (int j = 0; j < b.length; j++) {
        b[j] = ks.get(j);
      }
      downKinds.add(b);
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
        flat.stages.stream().filter(p -> p.included() == null).map(StagePlan::path).toList(),
        List.copyOf(nodes),
        List.copyOf(wires),
        List.copyOf(upstream),
        List.copyOf(downstream),
        List.copyOf(inputs),
        List.copyOf(downKinds),
        List.copyOf(flat.stages),
        spec,
        config,
        flat.slots());
  }

  /** Adds an edge, keeping the strongest kind when two relations join the same pair. */
  private static void edge(Map<Integer, Byte> up, int from, byte kind) {
    up.merge(from, kind, (a, b) -> a >= b ? a : b);
  }

  private List<Node> createNodes(Flattener flat, Injector injector) {
    List<Node> nodes = new ArrayList<>();
    IdentityHashMap<Object, String> instances = new IdentityHashMap<>();
    for (Flattener.Flat f : flat.factories) {
      FactorySpec spec = f.spec();
      int position = f.position();
      String stage = f.stage();
      if (spec == null || spec.type() == null) {
        problems.add(Errors.nullFactory(stage, position));
        continue;
      }
      Class<?> type = spec.type();
      String localId = spec.id().orElseGet(() -> defaultId(type));
      String id = Flattener.path(f.scope(), localId);
      String place = "factory [" + id + "] (" + type.getName() + "), stage [" + stage + "]";
      flat.name(f.scope(), localId, place);
      if (spec.instance().isPresent()) {
        String first = instances.putIfAbsent(spec.instance().get(), place);
        if (first != null) {
          problems.add(Errors.duplicateFactory(stage, position, spec.instance().get(), first));
          continue;
        }
      }
      TypeLiteral<?> output = Types.outputType(type);
      if (output == null) {
        problems.add(Errors.unresolvedOutputType(stage, id, type));
      }
      Injector scoped = scopedInjector(injector, f.modules(), place);
      Injector own = injectorFor(spec, id, stage, scoped, place);
      DeliveryScanner.Scan scan = SCANNER.scan(type);
      Node node =
          new Node(
              nodes.size(),
              id,
              stage,
              spec,
              output,
              wired(spec, scan.points(), place),
              own,
              f.scope(),
              f.guards());
      for (DeliveryScanner.Defect d : scan.defects()) {
        problems.add(
            d.raw() ? Errors.rawDeliveryType(node, d) : Errors.invalidDeliveryMember(node, d));
      }
      nodes.add(node);
    }
    return nodes;
  }

  /** The injector of a sub-pipeline's factories: its modules over the pipeline's. */
  private final Map<List<Module>, Injector> scopedInjectors = new HashMap<>();

  private Injector scopedInjector(Injector parent, List<Module> modules, String place) {
    if (modules.isEmpty()) {
      return parent;
    }
    Injector known = scopedInjectors.get(modules);
    if (known != null) {
      return known;
    }
    try {
      Injector child = parent.createChildInjector(modules);
      scopedInjectors.put(modules, child);
      return child;
    } catch (CreationException e) {
      problems.add(Errors.injectionFailed(place, guiceMessages(e.getErrorMessages())));
      scopedInjectors.put(modules, parent);
      return parent;
    }
  }

  /** A namespace, a mapped id and a factory id of one namespace may not share a name. */
  private void checkNames(Flattener flat, List<Node> nodes) {
    flat.names.forEach(
        (scope, byName) ->
            byName.forEach(
                (name, places) -> {
                  boolean onlyFactories = places.stream().allMatch(p -> p.startsWith("factory ["));
                  if (places.size() > 1 && !onlyFactories) {
                    problems.add(SpecErrors.namespaceCollision(scope, name, places));
                  }
                }));
  }

  /** Resolves the step ids each condition names, once per evaluation slot. */
  private List<Node> resolveGuards(List<Node> nodes, Scopes scopes) {
    Map<Integer, Map<String, Integer>> bySlot = new HashMap<>();
    List<Node> out = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      if (n.guards().isEmpty()) {
        out.add(n);
        continue;
      }
      List<Guard> resolved = new ArrayList<>(n.guards().size());
      for (Guard g : n.guards()) {
        Map<String, Integer> ids = bySlot.computeIfAbsent(g.slot(), k -> resolveIds(g, n, scopes));
        resolved.add(new Guard(g.condition(), g.otherwise(), g.stage(), g.slot(), ids));
      }
      out.add(
          new Node(
              n.index(),
              n.id(),
              n.stage(),
              n.spec(),
              n.output(),
              n.points(),
              n.injector(),
              n.scope(),
              resolved));
    }
    return out;
  }

  private Map<String, Integer> resolveIds(Guard g, Node n, Scopes scopes) {
    Map<String, Integer> ids = new HashMap<>();
    Scopes.Scope scope = scopes.get(scopeOf(g.stage()));
    List<String> named = new ArrayList<>(g.condition().reads());
    named.addAll(g.condition().awaits());
    for (String id : named) {
      Candidate c = scope.first(id);
      if (c == null || c.node() < 0) {
        problems.add(
            SpecErrors.unknownConditionStep(
                "stage [" + g.stage() + "]", g.condition().description(), id, scope.byId.keySet()));
      } else {
        ids.put(id, c.node());
      }
    }
    return ids;
  }

  private static String scopeOf(String stagePath) {
    int slash = stagePath.lastIndexOf('/');
    return slash < 0 ? "" : stagePath.substring(0, slash);
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

  private Wire match(Node consumer, DeliveryPoint p, Scopes.Scope scope, Branches branches) {
    Map<TypeLiteral<?>, List<Candidate>> byType = scope.byType;
    Map<String, List<Candidate>> byId = scope.byId;
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
    if (candidates.size() == 2) {
      int[] pair = branches.pair(candidates.get(0).node(), candidates.get(1).node());
      if (pair != null) {
        return new Wire(p, pair[0], null, pair[1]);
      }
    }
    if (candidates.size() == 1) {
      Candidate c = candidates.get(0);
      if (c.node() >= 0 && !p.optional()) {
        Problem onlyOne = branches.onlyOneBranch(consumer, p, c.node(), c.id());
        if (onlyOne != null) {
          problems.add(onlyOne);
          return null;
        }
      }
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

  private static String defaultId(Class<?> type) {
    String simple = type.getSimpleName();
    return simple.isEmpty()
        ? type.getName().substring(type.getName().lastIndexOf('.') + 1)
        : simple;
  }
}
