package dev.forgeline.examples.medallion;

import com.google.inject.name.Names;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.cli.PipelineDefinition;
import dev.forgeline.validation.pipeline.ValidationModule;
import java.util.List;
import java.util.Map;

/**
 * The medallion pipeline: bronze ingests three CSV sources in parallel, silver cleans orders and
 * customers in parallel and joins them with products, gold computes three aggregates in parallel.
 * Run it with {@code spark-submit --class dev.forgeline.core.cli.ForgelineMain examples-all.jar
 * --pipeline dev.forgeline.examples.medallion.MedallionPipeline --env dev}.
 */
public final class MedallionPipeline implements PipelineDefinition {

  @Override
  public String name() {
    return "medallion";
  }

  @Override
  public Map<String, Class<? extends Record>> settings() {
    return Map.of("medallion", MedallionSettings.class);
  }

  @Override
  public List<com.google.inject.Module> modules() {
    return List.of(new ValidationModule());
  }

  @Override
  public void define(Pipeline.Builder pipeline) {
    pipeline
        .stage(
            "bronze",
            s ->
                s.add("bronze-orders", BronzeIngest.class, names("orders-csv", "bronze-orders"))
                    .add(
                        "bronze-customers",
                        BronzeIngest.class,
                        names("customers-csv", "bronze-customers"))
                    .add(
                        "bronze-products",
                        BronzeIngest.class,
                        names("products-csv", "bronze-products")))
        .stage(
            "silver",
            s -> s.add(CleanOrders.class).add(CleanCustomers.class).add(EnrichOrders.class))
        .stage(
            "gold",
            s ->
                s.add(RevenueByCountry.class)
                    .add(RevenueByCategory.class)
                    .add(CustomerTotals.class));
  }

  private static com.google.inject.Module names(String source, String target) {
    return b -> {
      b.bind(String.class).annotatedWith(Names.named("bronze.source")).toInstance(source);
      b.bind(String.class).annotatedWith(Names.named("bronze.target")).toInstance(target);
    };
  }
}
