package dev.forgeline.core.spi;

import com.google.inject.Injector;
import com.typesafe.config.Config;
import java.util.List;
import java.util.Optional;

/**
 * The planned pipeline as {@link PipelineCheck#check} sees it.
 *
 * @since 0.1.0
 */
public interface CheckContext {
  /** The pipeline's name. */
  String pipeline();

  /** Every factory, in declaration order, with its upstream ids. */
  List<StepInfo> factories();

  /** The class of factory {@code factoryId}, if there is one. */
  Optional<Class<?>> factoryClass(String factoryId);

  /** The pipeline's injector. */
  Injector injector();

  /** The configuration the pipeline was built with. */
  Config config();
}
