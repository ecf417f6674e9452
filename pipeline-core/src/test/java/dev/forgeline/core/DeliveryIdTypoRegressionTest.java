package dev.forgeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeline.core.error.PipelineDefinitionException;
import org.junit.jupiter.api.Test;

/** Issue 9, defect 7: a typo in a delivery id is named as such, the closest id suggested first. */
class DeliveryIdTypoRegressionTest {

  /** Produces a String. */
  public static final class Text implements Factory<String> {
    @Override
    public String get() {
      return "t";
    }
  }

  /** Asks for the String of [EnrichOrder], a typo of EnrichOrders. */
  public static final class Typo implements Factory<Integer> {
    @Delivery(id = "EnrichOrder")
    String enriched;

    @Override
    public Integer get() {
      return 1;
    }
  }

  @Test
  void aTypoInADeliveryIdSaysNoProducerHasThatIdAndRanksTheIds() {
    Pipeline.Builder builder =
        Pipeline.builder("typo")
            .stage(
                "s",
                s ->
                    s.add("ReadOrders", Text.class)
                        .add("Totals", Text.class)
                        .add("EnrichCustomers", Text.class)
                        .add("EnrichOrders", Text.class)
                        .add(Typo.class));

    assertThatThrownBy(builder::build)
        .isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("[Forgeline/MissingDelivery] No producer has id [EnrichOrder]")
        .hasMessageContaining("did you mean [EnrichOrders]?")
        .hasMessageContaining("closest first: [EnrichOrders,")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("No producer of String"));
  }
}
