package dev.forgeline.core;

/**
 * A reusable, parameterized pipeline definition: one ingestion sub-pipeline per source table, for
 * example. Each {@link #define} call makes an independent {@link PipelineSpec} to include under its
 * own namespace with {@link SubPipeline}.
 *
 * <pre>{@code
 * PipelineTemplate<String> ingestion = table -> PipelineSpec.builder("ingest-" + table)
 *     .stage("read", s -> s.add("raw", FactorySpec.of(ReadTable.class)
 *         .withModules(b -> b.bindConstant().annotatedWith(Names.named("table")).to(table))))
 *     .stage("clean", s -> s.add("clean", CleanTable.class))
 *     .build();
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
