package dev.forgeline.core.spi;

import com.google.inject.Injector;
import java.util.Optional;

/**
 * One factory as {@link PipelineCheck#checkFactory} sees it.
 *
 * @param factoryId the factory's id
 * @param factoryClass the factory's class
 * @param stage its stage
 * @param instance the ready instance added to the stage; empty when Guice will create it
 * @param injector the injector that will create it (its own child injector when it has modules)
 * @param place where it is, as problems print it: {@code factory [id] (class), stage [s]}
 * @since 0.1.0
 */
public record FactoryCheckContext(
    String factoryId,
    Class<?> factoryClass,
    String stage,
    Optional<Object> instance,
    Injector injector,
    String place) {}
