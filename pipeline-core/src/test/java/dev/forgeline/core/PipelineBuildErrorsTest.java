package dev.forgeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.forgeline.core.error.ErrorCode;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.PipelineDefinitionException;
import dev.forgeline.core.error.Problem;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Every graph problem, each held to a golden message; nothing runs. */
class PipelineBuildErrorsTest {

  /** A bean type for typed datasets. */
  public static final class Order {}

  static final class ReadOrders implements Factory<Dataset<Row>> {
    @Override
    public Dataset<Row> get() {
      return null;
    }
  }

  static final class ReadTypedOrders implements Factory<Dataset<Order>> {
    @Override
    public Dataset<Order> get() {
      return null;
    }
  }

  static final class NeedsTypedOrders implements Factory<Long> {
    @Delivery Dataset<Order> orders;

    @Override
    public Long get() {
      return 1L;
    }
  }

  static final class NeedsRows implements Factory<Long> {
    @Delivery Dataset<Row> rows;

    @Override
    public Long get() {
      return 1L;
    }
  }

  static final class NeedsRowsById implements Factory<Long> {
    @Delivery(id = "typed")
    Dataset<Row> rows;

    @Override
    public Long get() {
      return 1L;
    }
  }

  static final class NeedsRowsFromTypedClass implements Factory<Long> {
    @Delivery(producer = ReadTypedOrders.class)
    Dataset<Row> rows;

    @Override
    public Long get() {
      return 1L;
    }
  }

  static final class RawDelivery implements Factory<Character> {
    @SuppressWarnings("rawtypes")
    @Delivery
    Dataset rows;

    @Override
    public Character get() {
      return 'r';
    }
  }

  static final class BadSetter implements Factory<String> {
    @Delivery
    void take(String a, String b) {}

    @Override
    public String get() {
      return "";
    }
  }

  static final class CycleA implements Factory<String> {
    @Delivery Integer in;

    @Override
    public String get() {
      return "a";
    }
  }

  static final class CycleB implements Factory<Integer> {
    @Delivery Short in;

    @Override
    public Integer get() {
      return 1;
    }
  }

  static final class CycleC implements Factory<Short> {
    @Delivery String in;

    @Override
    public Short get() {
      return 1;
    }
  }

  interface Warehouse {}

  static final class NeedsWarehouse implements Factory<String> {
    @Inject
    NeedsWarehouse(Warehouse warehouse, @Named("region") String region) {}

    @Override
    public String get() {
      return "";
    }
  }

  static class Generic<T> implements Factory<T> {
    @Override
    public T get() {
      return null;
    }
  }

  private static PipelineDefinitionException fail(Consumer<Pipeline.Builder> definition) {
    Pipeline.Builder b = Pipeline.builder("sales");
    definition.accept(b);
    return assertThrows(PipelineDefinitionException.class, b::build);
  }

  private static List<ErrorCode> ids(PipelineDefinitionException e) {
    return e.problems().stream().map(Problem::id).toList();
  }

  @Test
  void missingDeliverySuggestsTheSameRawType() {
    PipelineDefinitionException e =
        fail(b -> b.stage("s", s -> s.add(ReadOrders.class).add(NeedsTypedOrders.class)));
    assertThat(ids(e)).containsExactly(ErrorId.MISSING_DELIVERY);
    assertThat(e.getMessage()).contains("did you mean: Dataset<Row> from [ReadOrders]?");
    Golden.assertMatches("missing-delivery", e.getMessage());
  }

  @Test
  void ambiguousDeliveryListsEveryCandidate() {
    PipelineDefinitionException e =
        fail(
            b ->
                b.stage(
                        "bronze",
                        s ->
                            s.add("orders-eu", ReadOrders.class).add("orders-us", ReadOrders.class))
                    .stage("silver", s -> s.add(NeedsRows.class)));
    assertThat(ids(e)).containsExactly(ErrorId.AMBIGUOUS_DELIVERY);
    assertThat(e.problems().get(0).found()).hasSize(3);
    Golden.assertMatches("ambiguous-delivery", e.getMessage());
  }

  @Test
  void cyclePrintsItsPath() {
    PipelineDefinitionException e =
        fail(b -> b.stage("s", s -> s.add(CycleA.class).add(CycleB.class).add(CycleC.class)));
    assertThat(ids(e)).containsExactly(ErrorId.CYCLE);
    assertThat(e.getMessage()).contains("cycle: CycleA -> CycleC -> CycleB -> CycleA");
    Golden.assertMatches("cycle", e.getMessage());
  }

  @Test
  void producerNamedByIdWithAnotherTypeIsATypeMismatch() {
    PipelineDefinitionException e =
        fail(
            b -> b.stage("s", s -> s.add("typed", ReadTypedOrders.class).add(NeedsRowsById.class)));
    assertThat(ids(e)).containsExactly(ErrorId.TYPE_MISMATCH);
    Golden.assertMatches("type-mismatch-by-id", e.getMessage());
  }

  @Test
  void producerNamedByClassWithAnotherTypeIsATypeMismatch() {
    PipelineDefinitionException e =
        fail(
            b ->
                b.stage(
                    "s",
                    s ->
                        s.add(ReadTypedOrders.class)
                            .add(ReadOrders.class)
                            .add(NeedsRowsFromTypedClass.class)));
    assertThat(ids(e)).containsExactly(ErrorId.TYPE_MISMATCH);
    Golden.assertMatches("type-mismatch-by-class", e.getMessage());
  }

  @Test
  void sameClassTwiceWithoutIdsIsADuplicateId() {
    PipelineDefinitionException e =
        fail(
            b ->
                b.stage("a", s -> s.add(ReadOrders.class))
                    .stage("b", s -> s.add(ReadOrders.class)));
    assertThat(ids(e)).containsExactly(ErrorId.DUPLICATE_ID);
    Golden.assertMatches("duplicate-id", e.getMessage());
  }

  @Test
  void sameClassTwiceWithAConsumerIsOneDuplicateIdAndNoCascadingAmbiguity() {
    PipelineDefinitionException e =
        fail(
            b ->
                b.stage("a", s -> s.add(ReadOrders.class))
                    .stage("b", s -> s.add(ReadOrders.class))
                    .stage("c", s -> s.add(NeedsRows.class)));
    assertThat(ids(e)).containsExactly(ErrorId.DUPLICATE_ID);
  }

  @Test
  void rawAndInvalidDeliveryMembersAreRejected() {
    PipelineDefinitionException e =
        fail(b -> b.stage("s", s -> s.add(RawDelivery.class).add(BadSetter.class)));
    assertThat(ids(e)).containsExactly(ErrorId.RAW_DELIVERY_TYPE, ErrorId.INVALID_DELIVERY_MEMBER);
    Golden.assertMatches("raw-and-invalid-members", e.getMessage());
  }

  @Test
  void nullAndDuplicateFactoriesAreReportedWithTheirPosition() {
    ReadOrders once = new ReadOrders();
    PipelineDefinitionException e =
        fail(
            b ->
                b.stage(
                    "s",
                    s ->
                        s.add((Factory<?>) null)
                            .add("x", once)
                            .add("y", once)
                            .add((FactorySpec) null)));
    assertThat(ids(e))
        .containsExactly(ErrorId.NULL_FACTORY, ErrorId.DUPLICATE_FACTORY, ErrorId.NULL_FACTORY);
    assertThat(e.problems().get(0).place()).isEqualTo("stage [s], position 1");
    assertThat(e.problems().get(1).place()).isEqualTo("stage [s], position 3");
    assertThat(e.problems().get(2).place()).isEqualTo("stage [s], position 4");
  }

  @Test
  void unresolvableOutputTypesAreRejected() {
    Factory<Integer> lambda = () -> 1;
    PipelineDefinitionException e =
        fail(b -> b.stage("s", s -> s.add("lambda", lambda).add(Generic.class)));
    assertThat(ids(e))
        .containsExactly(ErrorId.UNRESOLVED_OUTPUT_TYPE, ErrorId.UNRESOLVED_OUTPUT_TYPE);
  }

  @Test
  void guiceProblemsAreCollectedPerFactory() {
    PipelineDefinitionException e = fail(b -> b.stage("s", s -> s.add(NeedsWarehouse.class)));
    assertThat(ids(e)).containsExactly(ErrorId.INJECTION_FAILED);
    assertThat(e.getMessage()).contains("Warehouse").contains("region");
  }

  @Test
  void perFactoryModulesSatisfyOnlyTheirFactory() {
    PipelineDefinitionException e =
        fail(
            b ->
                b.modules(binder -> binder.bind(Warehouse.class).toInstance(new Warehouse() {}))
                    .stage(
                        "s",
                        s ->
                            s.add(
                                    "eu",
                                    NeedsWarehouse.class,
                                    binder ->
                                        binder
                                            .bindConstant()
                                            .annotatedWith(Names.named("region"))
                                            .to("eu"))
                                .add("us", NeedsWarehouse.class)));
    assertThat(ids(e)).containsExactly(ErrorId.INJECTION_FAILED);
    assertThat(e.problems().get(0).place()).contains("factory [us]");
  }

  @Test
  void everyProblemIsReportedAtOnceAndNumbered() {
    PipelineDefinitionException e =
        fail(
            b ->
                b.stage("bronze", s -> s.add(ReadOrders.class).add(ReadOrders.class))
                    .stage(
                        "silver",
                        s ->
                            s.add(NeedsTypedOrders.class)
                                .add(RawDelivery.class)
                                .add(CycleA.class)
                                .add(CycleB.class)
                                .add(CycleC.class)));
    assertThat(ids(e))
        .containsExactly(
            ErrorId.RAW_DELIVERY_TYPE,
            ErrorId.DUPLICATE_ID,
            ErrorId.MISSING_DELIVERY,
            ErrorId.CYCLE);
    assertThat(e.getMessage())
        .startsWith("Pipeline [sales] is not valid: 4 problems")
        .contains("\n1) [Forgeline/RawDeliveryType]")
        .contains("\n4) [Forgeline/Cycle]");
    Golden.assertMatches("all-at-once", e.getMessage());
  }

  static final class ReadsOrders implements Factory<String> {
    @Inject
    @Named("ordrs")
    dev.forgeline.core.connector.Connector orders;

    @Override
    public String get() {
      return "";
    }
  }

  @Test
  void anUnknownNamedConnectorIsNamedWithTheDeclaredOnes() {
    dev.forgeline.core.connector.Connectors declared =
        dev.forgeline.core.connector.Connectors.fromConfig(
            com.typesafe.config.ConfigFactory.parseString(
                "forgeline.connectors { orders { type = csv, path = \"/tmp/o.csv\" },"
                    + " people { type = json, path = \"/tmp/p.json\" } }"),
            () -> null);
    PipelineDefinitionException e =
        fail(
            b ->
                b.modules(
                        binder -> {
                          for (String name : List.of("orders", "people")) {
                            binder
                                .bind(dev.forgeline.core.connector.Connector.class)
                                .annotatedWith(Names.named(name))
                                .toInstance(declared.get(name));
                          }
                        })
                    .stage("s", s -> s.add(ReadsOrders.class)));
    assertThat(ids(e)).containsExactly(ErrorId.UNKNOWN_CONNECTOR);
    assertThat(e.getMessage())
        .contains("No connector [ordrs] is declared.")
        .contains("declared connectors: [orders, people]")
        .contains("ReadsOrders), stage [s], orders");
  }

  @Test
  void emptyPipelineIsRejected() {
    PipelineDefinitionException e = fail(b -> {});
    assertThat(ids(e)).containsExactly(ErrorId.EMPTY_PIPELINE);
  }

  @Test
  void builderOptionsSetTwiceFailAtOnceNamingTheOldValue() {
    Pipeline.Builder b = Pipeline.builder("p").settings(ExecutionSettings.defaults());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> b.settings(ExecutionSettings.defaults()));
    assertThat(e.getMessage()).startsWith("settings was already set to [ExecutionSettings[");
    b.stage("s", s -> s.add(ReadOrders.class));
    IllegalArgumentException dup =
        assertThrows(IllegalArgumentException.class, () -> b.stage("s", s -> {}));
    assertThat(dup.getMessage()).contains("stage [s] was already added");
  }
}
