package dev.forgeline.core.connector;

import com.google.inject.Binding;
import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Named;
import com.google.inject.spi.Dependency;
import com.google.inject.spi.InjectionPoint;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.Problem;
import dev.forgeline.core.spi.FactoryCheckContext;
import dev.forgeline.core.spi.PipelineCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The build-time check that finds {@code @Named("x") Connector} injections naming no declared
 * connector, so the error names the connector and lists the declared ones instead of Guice's
 * generic missing binding. Registered through {@code META-INF/services}; users never call it.
 *
 * @since 0.1.0
 */
public final class ConnectorCheck implements PipelineCheck {
  /** Called by {@link java.util.ServiceLoader}. */
  public ConnectorCheck() {}

  @Override
  public List<Problem> checkFactory(FactoryCheckContext factory) {
    Injector injector = factory.injector();
    String place = factory.place();
    List<Dependency<?>> deps = new ArrayList<>();
    try {
      if (factory.instance().isEmpty()) {
        deps.addAll(InjectionPoint.forConstructorOf(factory.factoryClass()).getDependencies());
      }
      for (InjectionPoint p : InjectionPoint.forInstanceMethodsAndFields(factory.factoryClass())) {
        deps.addAll(p.getDependencies());
      }
    } catch (ConfigurationException e) {
      return List.of(); // Guice reports a class it cannot inject itself
    }
    List<Problem> problems = new ArrayList<>();
    for (Dependency<?> d : deps) {
      Key<?> key = d.getKey();
      if (key.getTypeLiteral().getRawType() == Connector.class
          && key.getAnnotation() instanceof Named named
          && injector.getExistingBinding(key) == null) {
        TreeSet<String> declared = declared(injector);
        problems.add(
            new Problem(
                ErrorId.UNKNOWN_CONNECTOR,
                "No connector [" + named.value() + "] is declared.",
                place + ", " + d.getInjectionPoint().getMember().getName(),
                List.of("declared connectors: " + declared),
                "declare it under forgeline.connectors."
                    + named.value()
                    + " in the configuration, or fix the name."));
      }
    }
    return problems;
  }

  private static TreeSet<String> declared(Injector injector) {
    TreeSet<String> names = new TreeSet<>();
    for (Injector i = injector; i != null; i = i.getParent()) {
      for (Binding<Connector> b : i.findBindingsByType(TypeLiteral.get(Connector.class))) {
        if (b.getKey().getAnnotation() instanceof Named n) {
          names.add(n.value());
        }
      }
    }
    return names;
  }
}
