package dev.forgeline.core.error;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The error ids one module owns, found with {@link ServiceLoader}: a module lists its catalog in
 * {@code META-INF/services/dev.forgeline.core.error.ErrorCatalog}. Tools and tests use {@link
 * #all()} to see every id on the classpath (docs/errors.md is checked against it).
 *
 * @since 0.1.0
 */
public interface ErrorCatalog {
  /** The module's name, for example {@code pipeline-core}. */
  String module();

  /** Every id the module owns. */
  List<? extends ErrorCode> codes();

  /** Every catalog on the class path of {@code loader}, in no particular order. */
  static List<ErrorCatalog> all(ClassLoader loader) {
    List<ErrorCatalog> out = new ArrayList<>();
    ServiceLoader.load(ErrorCatalog.class, loader).forEach(out::add);
    return out;
  }

  /** Every catalog on the class path of this interface's class loader. */
  static List<ErrorCatalog> all() {
    return all(ErrorCatalog.class.getClassLoader());
  }
}
