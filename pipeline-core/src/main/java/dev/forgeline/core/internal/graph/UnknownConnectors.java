package dev.forgeline.core.internal.graph;

import com.google.inject.Binding;
import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Named;
import com.google.inject.spi.Dependency;
import com.google.inject.spi.InjectionPoint;
import dev.forgeline.core.FactorySpec;
import dev.forgeline.core.connector.Connector;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds {@code @Named("x") Connector} injections that name no declared connector, so the error
 * names the connector and lists the declared ones instead of Guice's generic missing binding.
 */
final class UnknownConnectors {
  private UnknownConnectors() {}

  static List<Problem> find(Injector injector, FactorySpec spec, String place) {
    List<Dependency<?>> deps = new ArrayList<>();
    try {
      if (spec.instance().isEmpty()) {
        deps.addAll(InjectionPoint.forConstructorOf(spec.type()).getDependencies());
      }
      for (InjectionPoint p : InjectionPoint.forInstanceMethodsAndFields(spec.type())) {
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
