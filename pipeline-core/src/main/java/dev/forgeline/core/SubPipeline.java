package dev.forgeline.core;

import com.google.inject.Module;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline included in another as a stage, under a namespace, with its inputs and outputs mapped
 * explicitly. Inside, deliveries match only the sub-pipeline's own factories and its mapped inputs;
 * outside, only its mapped outputs are visible. Ids inside become {@code namespace/id}.
 *
 * <pre>{@code
 * PipelineSpec ingest = ingestion.define("orders");           // a PipelineTemplate instance
 * Pipeline.builder("sales")
 *     .stage("landing", s -> s.add("landing-orders", LandOrders.class))
 *     .include("orders", SubPipeline.of(ingest)
 *         .input("raw", "landing-orders")                      // inner id <- outer producer id
 *         .output("orders-clean", "clean"))                     // outer id <- inner producer id
 *     .stage("gold", s -> s.add(Revenue.class));               // may deliver "orders-clean"
 * }</pre>
 *
 * <p>Immutable: every method returns a new value.
 *
 * @param pipeline the included pipeline
 * @param inputs inner id to the outer producer id it stands for, in the including namespace
 * @param outputs outer id to the inner producer id it exposes
 * @param modules Guice modules for every factory of the sub-pipeline (its parameters)
 * @since 0.2.0
 */
public record SubPipeline(
    PipelineSpec pipeline,
    Map<String, String> inputs,
    Map<String, String> outputs,
    List<Module> modules) {

  /** Checks for nulls and copies the maps and list. */
  public SubPipeline {
    Objects.requireNonNull(pipeline, "pipeline");
    inputs = Map.copyOf(inputs);
    outputs = Map.copyOf(outputs);
    modules = List.copyOf(modules);
  }

  /** Includes {@code pipeline} with nothing mapped yet. */
  public static SubPipeline of(PipelineSpec pipeline) {
    return new SubPipeline(pipeline, Map.of(), Map.of(), List.of());
  }

  /**
   * Maps an input: deliveries inside that name {@code innerId} (or match its type) receive the
   * output of {@code outerId}, a producer in the including namespace.
   */
  public SubPipeline input(String innerId, String outerId) {
    return new SubPipeline(pipeline, put(inputs, "input", innerId, outerId), outputs, modules);
  }

  /** Exposes the inner producer {@code innerId} to the including namespace as {@code outerId}. */
  public SubPipeline output(String outerId, String innerId) {
    return new SubPipeline(pipeline, inputs, put(outputs, "output", outerId, innerId), modules);
  }

  /** A copy whose factories are created with these extra Guice modules (for parameters). */
  public SubPipeline withModules(Module... more) {
    List<Module> all = new ArrayList<>(modules);
    for (Module m : more) {
      all.add(Objects.requireNonNull(m, "a module was null"));
    }
    return new SubPipeline(pipeline, inputs, outputs, all);
  }

  private static Map<String, String> put(
      Map<String, String> map, String what, String key, String value) {
    Objects.requireNonNull(key, what + " id");
    Objects.requireNonNull(value, what + " target");
    Map<String, String> m = new LinkedHashMap<>(map);
    String old = m.put(key, value);
    if (old != null) {
      throw new IllegalStateException(what + " [" + key + "] was already mapped to [" + old + "]");
    }
    return m;
  }
}
