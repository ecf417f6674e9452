package dev.forgeline.examples.medallion;

import com.google.inject.name.Names;
import dev.forgeline.core.PipelineSpec;
import dev.forgeline.core.PipelineTemplate;
import dev.forgeline.core.SubPipeline;

/**
 * The bronze ingestion of one CSV source, as a template the medallion pipeline instantiates once
 * per source: a sub-pipeline with one factory, {@code ingest}, whose output is mapped out under the
 * source's bronze id ({@code bronze-orders} ...), so the silver factories deliver it by that id.
 */
final class BronzeTemplate {
  /** One ingestion; the source and target connector names arrive by Guice. */
  static final PipelineTemplate<String> INGESTION =
      source ->
          PipelineSpec.builder("bronze-" + source)
              .stage("ingest", s -> s.add("ingest", BronzeIngest.class))
              .build();

  private BronzeTemplate() {}

  /**
   * The instance for {@code source}: reads connector {@code <source>-csv}, writes connector {@code
   * bronze-<source>}, exposes its output as {@code bronze-<source>}.
   */
  static SubPipeline ingest(String source) {
    String target = "bronze-" + source;
    return SubPipeline.of(INGESTION.define(source))
        .withModules(
            b -> {
              b.bind(String.class)
                  .annotatedWith(Names.named("bronze.source"))
                  .toInstance(source + "-csv");
              b.bind(String.class).annotatedWith(Names.named("bronze.target")).toInstance(target);
            })
        .output(target, "ingest");
  }
}
