package dev.forgeline.core;

import static dev.forgeline.core.Steps.emit;
import static dev.forgeline.core.Steps.wrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.forgeline.core.Steps.Tok;
import dev.forgeline.core.error.PipelineDefinitionException;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sub-pipelines and templates: namespaces, mappings, nesting, and their build errors. */
class CompositionTest {
  private static final ExecutionSettings SEQUENTIAL =
      ExecutionSettings.defaults().withMode(ExecutionMode.SEQUENTIAL);

  @BeforeEach
  void clear() {
    Steps.RAN.clear();
  }

  /** What a read produces. */
  record Raw(String value) {}

  /** Reads the table its template instance was given. */
  static final class ReadTable implements Factory<Raw> {
    private final String table;
    @Delivery Tok landing;

    @Inject
    ReadTable(@Named("table") String table) {
      this.table = table;
    }

    @Override
    public Raw get() {
      return new Raw("read " + table + " from " + landing.value());
    }
  }

  /** Cleans what its namespace read: a type-only delivery that must not see other instances. */
  static final class Clean implements Factory<String> {
    @Delivery Raw raw;

    @Override
    public String get() {
      return "clean(" + raw.value() + ")";
    }
  }

  /** Joins the two cleaned tables by their mapped ids. */
  static final class Join implements Factory<Integer> {
    @Delivery(id = "orders-clean")
    String orders;

    @Delivery(id = "customers-clean")
    String customers;

    static String seen;

    @Override
    public Integer get() {
      seen = orders + " + " + customers;
      return seen.length();
    }
  }

  /** One ingestion per table: the template the docs show (docs/composition.md). */
  static final PipelineTemplate<String> INGESTION =
      table ->
          PipelineSpec.builder("ingest")
              .stage("read", s -> s.add("raw", ReadTable.class))
              .stage("clean", s -> s.add("clean", Clean.class))
              .build();

  static SubPipeline ingest(String table) {
    return SubPipeline.of(INGESTION.define(table))
        .withModules(b -> b.bindConstant().annotatedWith(Names.named("table")).to(table))
        .input("landing", "landing")
        .output(table + "-clean", "clean");
  }

  @Test
  void aTemplateInstantiatedTwiceWithDifferentParametersUnderTwoNamespaces() {
    Pipeline p =
        Pipeline.builder("sales")
            .settings(SEQUENTIAL)
            .stage("landing", s -> s.add(emit("landing")))
            .include("orders", ingest("orders"))
            .include("customers", ingest("customers"))
            .stage("gold", s -> s.add(Join.class))
            .build();
    PipelineReport r = p.run();
    assertThat(r.steps().stream().map(StepResult::factoryId))
        .containsExactly(
            "landing", "orders/raw", "orders/clean", "customers/raw", "customers/clean", "Join");
    assertThat(r.step("orders/clean").orElseThrow().stage()).isEqualTo("orders/clean");
    assertThat(r.step("Join").orElseThrow().upstream())
        .containsExactly("orders/clean", "customers/clean");
    assertThat(Join.seen)
        .isEqualTo("clean(read orders from landing) + clean(read customers from landing)");
    assertThat(p.output("customers/raw", Raw.class).value())
        .isEqualTo("read customers from landing");
  }

  @Test
  void compositionNestsAndPassesInputsDownTwoLevels() {
    PipelineSpec inner =
        PipelineSpec.builder("inner").stage("s", s -> s.add(wrap("deep", "seed"))).build();
    PipelineSpec middle =
        PipelineSpec.builder("middle")
            .include("in", SubPipeline.of(inner).input("seed", "seed").output("deep", "deep"))
            .stage("after", s -> s.add(wrap("after", "deep")))
            .build();
    Pipeline p =
        Pipeline.builder("outer")
            .settings(SEQUENTIAL)
            .stage("start", s -> s.add(emit("start")))
            .include("mid", SubPipeline.of(middle).input("seed", "start").output("done", "after"))
            .stage("end", s -> s.add(wrap("end", "done")))
            .build();
    p.run();
    assertThat(p.output("end", Tok.class).value()).isEqualTo("end(after(deep(start)))");
    assertThat(p.lastReport().orElseThrow().step("mid/in/deep").orElseThrow().status())
        .isEqualTo(Status.SUCCESS);
    Golden.assertMatches("describe-composition", p.describe());
    Golden.assertMatches("mermaid-composition", p.toMermaid());
  }

  @Test
  void theFlattenedGraphHasNoBarriersBetweenNamespaces() {
    PipelineSpec quick =
        PipelineSpec.builder("quick").stage("s", s -> s.add(Shapes.source("fast", 10))).build();
    Pipeline p =
        Pipeline.builder("no-barriers")
            .settings(
                ExecutionSettings.defaults().withMode(ExecutionMode.PARALLEL).withParallelism(2))
            .stage("slow", s -> s.add(Shapes.source("slow", 300)))
            .include("ns", SubPipeline.of(quick))
            .build();
    PipelineReport r = p.run();
    assertThat(r.step("ns/fast").orElseThrow().end()).isBefore(r.step("slow").orElseThrow().end());
  }

  @Test
  void aConditionInsideASubPipelineNamesStepsOfItsOwnNamespace() {
    // ready instances run once per run, so each instance of the template makes its own
    PipelineTemplate<String> sub =
        name ->
            PipelineSpec.builder(name)
                .stage("a", s -> s.add(emit("check")))
                .stage(
                    "b",
                    s ->
                        s.when(
                                Condition.delivered(
                                    "check", Tok.class, "is check", t -> t.value().equals("check")))
                            .add(emit("guarded")))
                .build();
    PipelineReport r =
        Pipeline.builder("outer")
            .settings(SEQUENTIAL)
            .include("one", SubPipeline.of(sub.define("one")))
            .include("two", SubPipeline.of(sub.define("two")), Condition.of("off", c -> false))
            .build()
            .run();
    assertThat(r.step("one/guarded").orElseThrow().status()).isEqualTo(Status.SUCCESS);
    assertThat(r.step("one/guarded").orElseThrow().upstream()).containsExactly("one/check");
    assertThat(r.step("two/check").orElseThrow().reason())
        .isEqualTo("condition [off] of stage [two] did not hold");
  }

  /** Needs a String: a cycle across the namespace boundary. */
  static final class Loop implements Factory<Tok> {
    @Delivery String back;

    @Override
    public Tok get() {
      return new Tok(back);
    }
  }

  @Test
  void compositionErrorsComeAllAtOnceWithFullPaths() {
    PipelineSpec sub =
        PipelineSpec.builder("sub")
            .stage("read", s -> s.add("raw", ReadTable.class))
            .stage("clean", s -> s.add("clean", Clean.class))
            .build();
    PipelineDefinitionException e =
        assertThrows(
            PipelineDefinitionException.class,
            () ->
                Pipeline.builder("broken")
                    .settings(SEQUENTIAL)
                    .stage("landing", s -> s.add("orders", new Steps.Emit("x")))
                    // collides with the factory id [orders]
                    .include(
                        "orders",
                        SubPipeline.of(sub)
                            .withModules(
                                b -> b.bindConstant().annotatedWith(Names.named("table")).to("o"))
                            .input("landing", "orders")
                            .output("orders-clean", "clena"))
                    // a cycle only across namespaces: loop -> ring/raw -> ring/clean -> loop
                    .stage("loop", s -> s.add("loop", Loop.class))
                    .include(
                        "ring",
                        SubPipeline.of(sub)
                            .withModules(
                                b -> b.bindConstant().annotatedWith(Names.named("table")).to("r"))
                            .input("landing", "loop")
                            .output("ring-clean", "clean"))
                    .build());
    Golden.assertMatches("composition-errors", e.getMessage());
    assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void theSpecificationTreeIsWhatTheBuilderDeclared() {
    Pipeline p =
        Pipeline.builder("tree")
            .settings(SEQUENTIAL)
            .stage("landing", s -> s.add(emit("landing")))
            .include("orders", ingest("orders"))
            .stage("gold", s -> s.when(Condition.environmentIsNot("dev")).add(wrap("g", "landing")))
            .build();
    PipelineSpec spec = p.spec();
    assertThat(spec.stages().stream().map(StageSpec::name))
        .containsExactly("landing", "orders", "gold");
    StageSpec orders = spec.stages().get(1);
    assertThat(orders.isInclude()).isTrue();
    assertThat(orders.subPipeline().outputs()).isEqualTo(java.util.Map.of("orders-clean", "clean"));
    assertThat(orders.subPipeline().pipeline().stages()).hasSize(2);
    assertThat(spec.stages().get(2).condition().description()).isEqualTo("env not in [dev]");
    assertThat(p.size()).isEqualTo(4);
  }
}
