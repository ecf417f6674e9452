package dev.forgeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** describe() and toMermaid() show the planned graph and run nothing. */
class DescribeTest {
  static final AtomicInteger RUNS = new AtomicInteger();

  static final class Counted extends Shapes.Source {
    Counted(String id) {
      super(id, Duration.ZERO);
    }

    @Override
    public void process() {
      RUNS.incrementAndGet();
    }
  }

  private static Pipeline pipeline() {
    return Pipeline.builder("plan")
        .settings(ExecutionSettings.defaults().withParallelism(3))
        .input("seed", String.class, "s")
        .stage("bronze", s -> s.add("a", new Counted("a")).add(Shapes.source("b", 0)))
        .stage("silver", s -> s.add(Shapes.after("c", 0, "a", "b")))
        .build();
  }

  @Test
  void describeListsStagesFactoriesTypesAndSources() {
    Pipeline p = pipeline();
    Golden.assertMatches("describe-plan", p.describe());
    assertThat(RUNS).hasValue(0);
  }

  @Test
  void mermaidHasOneSubgraphPerStageAndOneArrowPerDelivery() {
    String m = pipeline().toMermaid();
    Golden.assertMatches("mermaid-plan", m);
    assertThat(m)
        .startsWith("flowchart LR")
        .contains("subgraph s0 [\"bronze\"]")
        .contains("n0 -->|left| n2")
        .contains("n1 -->|right| n2");
    assertThat(RUNS).hasValue(0);
  }
}
