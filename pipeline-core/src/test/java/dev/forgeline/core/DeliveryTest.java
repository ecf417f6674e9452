package dev.forgeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Inject;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.PipelineDefinitionException;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How deliveries match producers to consumers, on plain Java values. */
class DeliveryTest {

  static final class Words implements Factory<List<String>> {
    @Override
    public List<String> get() {
      return List.of("a", "bb", "ccc");
    }
  }

  static final class Numbers implements Factory<List<Integer>> {
    @Override
    public List<Integer> get() {
      return List.of(1, 2, 3);
    }
  }

  /** Needs List<String>: must not receive the List<Integer>. */
  static final class Lengths implements Factory<Integer> {
    @Delivery List<String> words;
    private int total;

    @Override
    public void process() {
      total = words.stream().mapToInt(String::length).sum();
    }

    @Override
    public Integer get() {
      return total;
    }
  }

  static final class Sum implements Factory<Long> {
    private List<Integer> numbers;

    @Delivery
    void setNumbers(List<Integer> numbers) {
      this.numbers = numbers;
    }

    @Override
    public Long get() {
      return numbers.stream().mapToLong(Integer::longValue).sum();
    }
  }

  static final class Greeting implements Factory<String> {
    private final String text;

    @Inject
    Greeting(@Named("greeting") String text) {
      this.text = text;
    }

    @Override
    public String get() {
      return text;
    }
  }

  static final class PickEnglish implements Factory<Integer> {
    @Delivery(id = "en")
    String greeting;

    @Override
    public Integer get() {
      return greeting.length();
    }
  }

  static final class PickByClass implements Factory<Character> {
    @Delivery(producer = Echo.class)
    String text;

    @Override
    public Character get() {
      return text.charAt(0);
    }
  }

  static final class Echo implements Factory<String> {
    @Override
    public String get() {
      return "echo";
    }
  }

  static final class MaybeNumbers implements Factory<Integer> {
    @Delivery(optional = true)
    List<Integer> numbers = List.of(-1);

    @Override
    public Integer get() {
      return numbers.get(0);
    }
  }

  static final class PrimitiveConsumer implements Factory<String> {
    @Delivery long total;

    @Override
    public String get() {
      return "total=" + total;
    }
  }

  /** Consumes the output of a factory declared after it in the same stage. */
  static final class Upper implements Factory<String> {
    @Delivery(id = "raw")
    String raw;

    @Override
    public String get() {
      return raw.toUpperCase(java.util.Locale.ROOT);
    }
  }

  @Test
  void matchesByFullGenericType() {
    Pipeline p =
        Pipeline.builder("types")
            .stage(
                "s", s -> s.add(Words.class).add(Numbers.class).add(Lengths.class).add(Sum.class))
            .build();
    p.run();
    assertThat(p.output(Lengths.class)).isEqualTo(6);
    assertThat(p.output(Sum.class)).isEqualTo(6L);
  }

  @Test
  void oneOutputFeedsManyConsumersAndPrimitives() {
    Pipeline p =
        Pipeline.builder("fan-out")
            .stage("a", s -> s.add(Numbers.class))
            .stage("b", s -> s.add(Sum.class).add(MaybeNumbers.class).add(PrimitiveConsumer.class))
            .build();
    p.run();
    assertThat(p.output(MaybeNumbers.class)).isEqualTo(1);
    assertThat(p.output(PrimitiveConsumer.class)).isEqualTo("total=6");
  }

  @Test
  void sameClassTwiceWithIdsAndParametersIsChosenById() {
    Pipeline p =
        Pipeline.builder("ids")
            .stage(
                "s",
                s ->
                    s.add(
                            "en",
                            Greeting.class,
                            b ->
                                b.bindConstant().annotatedWith(Names.named("greeting")).to("hello"))
                        .add(
                            "fr",
                            Greeting.class,
                            b ->
                                b.bindConstant()
                                    .annotatedWith(Names.named("greeting"))
                                    .to("bonjour!"))
                        .add(PickEnglish.class))
            .build();
    p.run();
    assertThat(p.output("en", String.class)).isEqualTo("hello");
    assertThat(p.output("fr", String.class)).isEqualTo("bonjour!");
    assertThat(p.output(PickEnglish.class)).isEqualTo(5);
  }

  @Test
  void producerClassNarrowsTheCandidates() {
    Pipeline p =
        Pipeline.builder("producer")
            .modules(b -> b.bindConstant().annotatedWith(Names.named("greeting")).to("hi"))
            .stage("s", s -> s.add(Greeting.class).add(Echo.class).add(PickByClass.class))
            .build();
    p.run();
    assertThat(p.output(PickByClass.class)).isEqualTo('e');
  }

  @Test
  void optionalDeliveryWithoutProducerKeepsItsValue() {
    Pipeline p = Pipeline.builder("optional").stage("s", s -> s.add(MaybeNumbers.class)).build();
    p.run();
    assertThat(p.output(MaybeNumbers.class)).isEqualTo(-1);
  }

  @Test
  void externalInputsMatchByTypeAndById() {
    Pipeline p =
        Pipeline.builder("inputs")
            .input(new TypeLiteral<List<String>>() {}, List.of("xy", "z"))
            .input("en", String.class, "hey")
            .stage("s", s -> s.add(Lengths.class).add(PickEnglish.class))
            .build();
    p.run();
    assertThat(p.output(Lengths.class)).isEqualTo(3);
    assertThat(p.output(PickEnglish.class)).isEqualTo(3);
  }

  @Test
  void aProducerDeliveryIsFedByAnInputWhenItsProducerIsNotInThePipeline() {
    // Regression: inputs were dropped for producer = X.class deliveries, so a factory tested
    // alone could not be fed although the missing-delivery hint said to use input(...).
    Pipeline alone =
        Pipeline.builder("alone")
            .input(String.class, "fed")
            .stage("s", s -> s.add(PickByClass.class))
            .build();
    alone.run();
    assertThat(alone.output(PickByClass.class)).isEqualTo('f');
  }

  @Test
  void aProducerInThePipelineWinsOverAnInputOfTheSameType() {
    Pipeline both =
        Pipeline.builder("both")
            .input(String.class, "input")
            .stage("s", s -> s.add(Echo.class).add(PickByClass.class))
            .build();
    both.run();
    assertThat(both.output(PickByClass.class)).isEqualTo('e');
  }

  @Test
  void twoInputsForAProducerDeliveryAreAmbiguous() {
    PipelineDefinitionException e =
        assertThrows(
            PipelineDefinitionException.class,
            () ->
                Pipeline.builder("two")
                    .input("a", String.class, "a")
                    .input("b", String.class, "b")
                    .stage("s", s -> s.add(PickByClass.class))
                    .build());
    assertThat(e.problems()).extracting(p -> p.id()).containsExactly(ErrorId.AMBIGUOUS_DELIVERY);
  }

  @Test
  void consumerMayPrecedeItsProducerInOneStage() {
    Pipeline p =
        Pipeline.builder("intra-stage")
            .stage("s", s -> s.add(Upper.class).add("raw", new Echo()))
            .build();
    PipelineReport r = p.run();
    assertThat(p.output(Upper.class)).isEqualTo("ECHO");
    assertThat(r.step("raw").orElseThrow().end())
        .isBeforeOrEqualTo(r.step("Upper").orElseThrow().start());
  }

  @Test
  void runtimeWiringChoosesProducersForTwoInstancesOfOneConsumer() {
    Pipeline p =
        Pipeline.builder("wired")
            .stage(
                "s",
                s ->
                    s.add("en", new Greeting("hello"))
                        .add("fr", new Greeting("salut"))
                        .add(FactorySpec.of(PickEnglish.class).withId("len-en"))
                        .add(
                            FactorySpec.of(PickEnglish.class)
                                .withId("len-fr")
                                .withDelivery("greeting", "fr")))
            .build();
    p.run();
    assertThat(p.output("len-en", Integer.class)).isEqualTo(5);
    assertThat(p.output("len-fr", Integer.class)).isEqualTo(5);
    assertThat(p.output("fr", String.class)).isEqualTo("salut");
  }

  @Test
  void wiringAnUnknownMemberIsADefinitionError() {
    PipelineDefinitionException e =
        assertThrows(
            PipelineDefinitionException.class,
            () ->
                Pipeline.builder("bad-wiring")
                    .stage(
                        "s",
                        s ->
                            s.add("en", new Greeting("x"))
                                .add(
                                    FactorySpec.of(PickEnglish.class)
                                        .withDelivery("greting", "en")))
                    .build());
    assertThat(e.problems())
        .extracting(pr -> pr.id())
        .containsExactly(ErrorId.INVALID_DELIVERY_MEMBER);
    assertThat(e.getMessage()).contains("[greting]").contains("[greeting]");
  }

  @Test
  void outputsAreCheckedAgainstTheirType() {
    Pipeline p = Pipeline.builder("outputs").stage("s", s -> s.add(Numbers.class)).build();
    assertThrows(IllegalStateException.class, () -> p.output(Numbers.class));
    p.run();
    assertThat(p.output("Numbers", new TypeLiteral<List<Integer>>() {})).containsExactly(1, 2, 3);
    IllegalStateException wrong =
        assertThrows(
            IllegalStateException.class,
            () -> p.output("Numbers", new TypeLiteral<List<String>>() {}));
    assertThat(wrong.getMessage()).contains("produces");
    assertThat(p.lastReport().orElseThrow().status()).isEqualTo(Status.SUCCESS);
  }
}
