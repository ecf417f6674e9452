package dev.forgeline.core;

/**
 * A reusable, parameterized pipeline definition: one ingestion sub-pipeline per source table, for
 * example. Each {@link #define} call makes an independent {@link PipelineSpec} to include under its
 * own namespace with {@link SubPipeline}.
 *
 * <pre>{@code
 * PipelineTemplate<String> ingestion = table -> PipelineSpec.builder("ingest-" + table)
 *     .stage("read", s -> s.add(FactorySpec.of(ReadTable.class).withId("raw")
 *         .withModules(b -> b.bindConstant().annotatedWith(Names.named("table")).to(table))))
 *     .stage("clean", s -> s.add("clean", CleanTable.class))
 *     .build();
 * Pipeline.builder("sales")
 *     .include("orders", SubPipeline.of(ingestion.define("orders")).output("orders-clean", "clean"))
 *     .include("customers", SubPipeline.of(ingestion.define("customers")));
 * }</pre>
 *
 * @param <P> the parameters
 * @since 0.2.0
 */
@FunctionalInterface
public interface PipelineTemplate<P> {
  /** The pipeline for these parameters. */
  PipelineSpec define(P parameters);
}
