package dev.forgeline.validation.pipeline;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.forgeline.core.spi.StepInterceptor;

/**
 * Installs boundary validation in a pipeline: {@code Pipeline.builder("sales").modules(new
 * ValidationModule())}. Factories then declare their rules with {@link Validate} or in {@code
 * forgeline.validation.steps}.
 *
 * @since 0.1.0
 */
public final class ValidationModule extends AbstractModule {
  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), StepInterceptor.class)
        .addBinding()
        .to(BoundaryValidation.class);
  }
}
