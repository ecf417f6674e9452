package dev.forgeline.core;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.util.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;

/** Finds extensions bound with a Guice multibinder or listed for {@link ServiceLoader}. */
final class Extensions {
  private Extensions() {}

  /** The members of a {@code Multibinder<type>} set, if the injector has one. */
  @SuppressWarnings("unchecked")
  static <T> List<T> bound(Injector injector, Class<T> type) {
    Key<?> key = Key.get(Types.setOf(type));
    Binding<?> binding = injector.getExistingBinding(key);
    if (binding == null) {
      return List.of();
    }
    return new ArrayList<>((Collection<T>) binding.getProvider().get());
  }

  /** The implementations listed in {@code META-INF/services/<type>}. */
  static <T> List<T> registered(Class<T> type) {
    List<T> out = new ArrayList<>();
    ServiceLoader.load(type, Extensions.class.getClassLoader()).forEach(out::add);
    return out;
  }
}
