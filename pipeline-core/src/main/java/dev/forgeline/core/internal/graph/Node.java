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
 */
public record Node(
    int index,
    String id,
    String stage,
    FactorySpec spec,
    TypeLiteral<?> output,
    List<DeliveryPoint> points,
    Injector injector) {

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
