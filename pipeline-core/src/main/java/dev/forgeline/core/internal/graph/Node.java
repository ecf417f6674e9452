package dev.forgeline.core.internal.graph;

import com.google.inject.Injector;
import com.google.inject.TypeLiteral;
import dev.forgeline.core.Factory;
import dev.forgeline.core.FactorySpec;
import java.util.List;

/**
 * A factory placed in the graph: its position, id, stage, output type, delivery points and the
 * injector that creates it.
 *
 * @param index position in declaration order (stage order, then order within the stage)
 * @param id unique id in the pipeline
 * @param stage the stage's name
 * @param spec how the factory was added
 * @param output the type the factory produces
 * @param points its delivery points
 * @param injector the injector that creates it (a child injector when the spec has modules)
 * @param scope the namespace it lives in ({@code ""} at the top); its id is {@code scope/localId}
 * @param guards the conditions it runs under, outermost first; empty for none
 */
public record Node(
    int index,
    String id,
    String stage,
    FactorySpec spec,
    TypeLiteral<?> output,
    List<DeliveryPoint> points,
    Injector injector,
    String scope,
    List<Guard> guards) {

  /** Copies the guards. */
  public Node {
    guards = List.copyOf(guards);
  }

  /** Its id inside its namespace. */
  public String localId() {
    return scope.isEmpty() ? id : id.substring(scope.length() + 1);
  }

  /** The factory class. */
  public Class<?> type() {
    return spec.type();
  }

  /** A factory for one run: the ready instance, or a new one from Guice. */
  public Factory<?> newInstance() {
    if (spec.instance().isPresent()) {
      return spec.instance().get();
    }
    return (Factory<?>) injector.getInstance(spec.type());
  }

  /** {@code factory [id] (com.acme.Class), stage [s]}. */
  public String place() {
    return "factory [" + id + "] (" + spec.type().getName() + "), stage [" + stage + "]";
  }
}
