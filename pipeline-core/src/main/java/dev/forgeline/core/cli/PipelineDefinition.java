package dev.forgeline.core.cli;

import com.google.inject.Module;
import dev.forgeline.core.Pipeline;
import java.util.List;
import java.util.Map;

/**
 * A pipeline the command line can run: it adds its stages to a builder that already carries the
 * configuration, the connectors and the Spark session. Created by Guice, so it may {@code @Inject}
 * the {@code Config}; pass its class to {@code --pipeline}, or a Guice module that binds it.
 *
 * <pre>{@code
 * public final class SalesPipeline implements PipelineDefinition {
 *   @Override public Map<String, Class<? extends Record>> settings() {
 *     return Map.of("sales", SalesSettings.class);
 *   }
 *   @Override public void define(Pipeline.Builder pipeline) {
 *     pipeline.stage("bronze", s -> s.add(IngestOrders.class))
 *             .stage("gold", s -> s.add(RevenueByDay.class));
 *   }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface PipelineDefinition {

  /** The pipeline's name; by default the class's simple name. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Typed settings records to bind, by config path; checked with the rest before any run. */
  default Map<String, Class<? extends Record>> settings() {
    return Map.of();
  }

  /** Extra Guice modules for the factories. */
  default List<Module> modules() {
    return List.of();
  }

  /** Adds the stages; do not call {@code modules}, {@code config} or {@code spark} on it. */
  void define(Pipeline.Builder pipeline);
}
