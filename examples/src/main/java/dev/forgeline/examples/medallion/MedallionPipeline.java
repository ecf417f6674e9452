package dev.forgeline.examples.medallion;

import dev.forgeline.core.Condition;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.cli.PipelineDefinition;
import dev.forgeline.validation.pipeline.ValidationModule;
import java.util.List;
import java.util.Map;

/**
 * The medallion pipeline: bronze ingests three CSV sources in parallel (three instances of one
 * {@link BronzeTemplate}, under the namespaces orders, customers and products), silver cleans
 * orders and customers in parallel and joins them with products, gold computes three aggregates in
 * parallel, and on the first day of the month a conditional stage counts the month's orders. Run it
 * with {@code spark-submit --class dev.forgeline.core.cli.ForgelineMain examples-all.jar --pipeline
 * dev.forgeline.examples.medallion.MedallionPipeline --env dev}.
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
        // one template, three instances: orders/ingest, customers/ingest, products/ingest
        .include("orders", BronzeTemplate.ingest("orders"))
        .include("customers", BronzeTemplate.ingest("customers"))
        .include("products", BronzeTemplate.ingest("products"))
        .stage(
            "silver",
            s -> s.add(CleanOrders.class).add(CleanCustomers.class).add(EnrichOrders.class))
        .stage(
            "gold",
            s ->
                s.add(RevenueByCountry.class)
                    .add(RevenueByCategory.class)
                    .add(CustomerTotals.class))
        .stage("monthly", s -> s.when(FIRST_OF_MONTH).add(MonthlyOrderCount.class));
  }

  /** The monthly stage runs on the first day of the month (the run's date, from its clock). */
  static final Condition FIRST_OF_MONTH =
      Condition.runDate("first day of the month", d -> d.getDayOfMonth() == 1);
}
