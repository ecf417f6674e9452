package dev.forgeline.core.internal.graph;

import com.google.inject.TypeLiteral;
import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The producers each namespace can see: its own factories, the inputs mapped into it, the outputs
 * its sub-pipelines map out, and (at the top) the external inputs. Matching looks in the consumer's
 * namespace only, so composition never leaks ids or types across a boundary.
 */
final class Scopes {
  /** The producers of one namespace, indexed by exact type and by local id. */
  static final class Scope {
    final Map<TypeLiteral<?>, List<Candidate>> byType = new HashMap<>();
    final Map<String, List<Candidate>> byId = new HashMap<>();

    void add(Candidate c) {
      byType.computeIfAbsent(c.type(), k -> new ArrayList<>()).add(c);
      byId.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c);
    }

    Candidate first(String id) {
      List<Candidate> cs = byId.get(id);
      return cs == null || cs.isEmpty() ? null : cs.get(0);
    }
  }

  private static final Scope EMPTY = new Scope();
  private final Map<String, Scope> scopes = new HashMap<>();

  Scopes(List<Node> nodes, List<Input> inputs, List<Flattener.Alias> aliases, List<Problem> out) {
    for (Node n : nodes) {
      if (n.output() != null) {
        scope(n.scope()).add(new Candidate(n.localId(), n.output(), n.type(), n.index(), null));
      }
    }
    for (Input in : inputs) {
      scope("").add(new Candidate(in.id(), in.type(), null, -1, in));
    }
    // A mapping may name another mapping (an input passed down two levels): resolve in passes.
    List<Flattener.Alias> todo = new ArrayList<>(aliases);
    boolean progress = true;
    while (!todo.isEmpty() && progress) {
      progress = false;
      for (var it = todo.iterator(); it.hasNext(); ) {
        Flattener.Alias a = it.next();
        Candidate target = scope(a.targetScope()).first(a.target());
        if (target != null) {
          scope(a.scope()).add(target.as(a.id()));
          it.remove();
          progress = true;
        }
      }
    }
    for (Flattener.Alias a : todo) {
      out.add(
          SpecErrors.unknownMapping(
              a.place(), a.target(), a.targetScope(), get(a.targetScope()).byId.keySet()));
    }
  }

  private Scope scope(String name) {
    return scopes.computeIfAbsent(name, k -> new Scope());
  }

  /** The producers namespace {@code name} sees. */
  Scope get(String name) {
    return scopes.getOrDefault(name, EMPTY);
  }
}
