package dev.forgeline.core;

import static dev.forgeline.core.Shapes.after;
import static dev.forgeline.core.Shapes.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Scheduling, proven from the intervals the report records. */
class ExecutionTest {

  private static ExecutionSettings parallel(int n) {
    return ExecutionSettings.defaults().withMode(ExecutionMode.PARALLEL).withParallelism(n);
  }

  private static boolean overlap(StepResult a, StepResult b) {
    return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
  }

  @Test
  void independentFactoriesOverlapWithParallelismFour() {
    Pipeline p =
        Pipeline.builder("overlap")
            .settings(parallel(4))
            .stage(
                "s",
                s ->
                    s.add(source("a", 300))
                        .add(source("b", 300))
                        .add(source("c", 300))
                        .add(source("d", 300)))
            .build();
    PipelineReport r = p.run();
    List<StepResult> steps = r.steps();
    for (int i = 0; i < steps.size(); i++) {
      for (int j = i + 1; j < steps.size(); j++) {
        assertThat(overlap(steps.get(i), steps.get(j)))
            .as("%s overlaps %s", steps.get(i).factoryId(), steps.get(j).factoryId())
            .isTrue();
      }
    }
    Set<String> threads = steps.stream().map(StepResult::thread).collect(Collectors.toSet());
    assertThat(threads).hasSize(4).allMatch(t -> t.startsWith("forgeline-overlap-"));
  }

  @Test
  void consumerNeverStartsBeforeItsProducersEnd() {
    Pipeline p =
        Pipeline.builder("diamond")
            .settings(parallel(4))
            .stage("one", s -> s.add(source("root", 50)))
            .stage(
                "two",
                s ->
                    s.add(after("slow", 250, "root"))
                        .add(after("fast", 10, "root"))
                        .add(after("join", 10, "slow", "fast"))
                        .add(after("tail", 10, "join")))
            .build();
    PipelineReport r = p.run();
    Map<String, StepResult> by =
        r.steps().stream().collect(Collectors.toMap(StepResult::factoryId, s -> s));
    assertThat(by.get("slow").start()).isAfterOrEqualTo(by.get("root").end());
    assertThat(by.get("fast").start()).isAfterOrEqualTo(by.get("root").end());
    assertThat(by.get("join").start())
        .isAfterOrEqualTo(by.get("slow").end())
        .isAfterOrEqualTo(by.get("fast").end());
    assertThat(by.get("tail").start()).isAfterOrEqualTo(by.get("join").end());
    assertThat(overlap(by.get("slow"), by.get("fast"))).isTrue();
    assertThat(r.metrics().criticalPath()).isLessThanOrEqualTo(r.metrics().total());
    assertThat(r.metrics().criticalPath())
        .isGreaterThanOrEqualTo(by.get("root").duration().plus(by.get("slow").duration()));
  }

  @Test
  void sequentialModeRunsOneAtATimeInDeclarationOrder() {
    Pipeline p =
        Pipeline.builder("seq")
            .settings(ExecutionSettings.defaults().withMode(ExecutionMode.SEQUENTIAL))
            .stage("s", s -> s.add(source("a", 30)).add(source("b", 30)).add(source("c", 30)))
            .build();
    PipelineReport r = p.run();
    List<StepResult> steps = r.steps();
    assertThat(steps.get(1).start()).isAfterOrEqualTo(steps.get(0).end());
    assertThat(steps.get(2).start()).isAfterOrEqualTo(steps.get(1).end());
    assertThat(steps.stream().map(StepResult::thread).distinct()).hasSize(1);
  }

  @Test
  void stageBarriersMakeEveryStageWaitForThePreviousOne() {
    Pipeline p =
        Pipeline.builder("barriers")
            .settings(parallel(4).withStageBarriers(true))
            .stage("one", s -> s.add(source("slow", 200)).add(source("fast", 10)))
            .stage("two", s -> s.add(after("next", 10, "fast")))
            .build();
    PipelineReport r = p.run();
    assertThat(r.step("next").orElseThrow().start())
        .isAfterOrEqualTo(r.step("slow").orElseThrow().end());
  }

  private static SparkSession sessionDeclaringSequential(boolean sequential) {
    SparkSession spark = mock(SparkSession.class);
    RuntimeConfig conf = mock(RuntimeConfig.class);
    when(spark.conf()).thenReturn(conf);
    when(conf.get(Pipeline.SEQUENTIAL_BACKEND_FLAG, "false"))
        .thenReturn(Boolean.toString(sequential));
    return spark;
  }

  @Test
  void autoModeIsSequentialOnABackendThatAsksForIt() {
    Pipeline.Builder b =
        Pipeline.builder("auto")
            .settings(parallel(4).withMode(ExecutionMode.AUTO))
            .spark(sessionDeclaringSequential(true))
            .environment(Map.of())
            .stage("s", s -> s.add(source("a", 1)));
    assertThat(b.build().effectiveParallelism()).isEqualTo(1);

    Pipeline classic =
        Pipeline.builder("auto")
            .settings(parallel(4).withMode(ExecutionMode.AUTO))
            .spark(sessionDeclaringSequential(false))
            .environment(Map.of())
            .stage("s", s -> s.add(source("a", 1)))
            .build();
    assertThat(classic.effectiveParallelism()).isEqualTo(4);
  }

  @Test
  void environmentVariableAndConfigKeyForceParallelOnASequentialBackend() {
    Pipeline byEnv =
        Pipeline.builder("env")
            .settings(parallel(3).withMode(ExecutionMode.AUTO))
            .spark(sessionDeclaringSequential(true))
            .environment(Map.of(ExecutionSettings.MODE_ENV, "parallel"))
            .stage("s", s -> s.add(source("a", 1)))
            .build();
    assertThat(byEnv.effectiveParallelism()).isEqualTo(3);

    Pipeline byConfig =
        Pipeline.builder("conf")
            .config(
                ConfigFactory.parseString(
                        "forgeline.execution { mode = parallel, parallelism = 5 }")
                    .withFallback(ConfigFactory.defaultReference()))
            .spark(sessionDeclaringSequential(true))
            .environment(Map.of())
            .stage("s", s -> s.add(source("a", 1)))
            .build();
    assertThat(byConfig.settings().mode()).isEqualTo(ExecutionMode.PARALLEL);
    assertThat(byConfig.effectiveParallelism()).isEqualTo(5);
  }

  @Test
  void aCallerOwnedExecutorRunsTheStepsAndIsLeftRunning() throws InterruptedException {
    java.util.concurrent.ExecutorService mine =
        java.util.concurrent.Executors.newFixedThreadPool(
            2, r -> new Thread(r, "mine-" + r.hashCode()));
    try {
      Pipeline p =
          Pipeline.builder("owned")
              .settings(parallel(2))
              .executor(mine)
              .stage("s", s -> s.add(source("a", 50)).add(source("b", 50)).add(after("c", 0, "a")))
              .build();
      PipelineReport r = p.run();
      assertThat(r.steps()).allMatch(s -> s.thread().startsWith("mine-"));
      assertThat(mine.isShutdown()).isFalse();
    } finally {
      mine.shutdownNow();
      mine.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  @Test
  void noThreadIsLeftBehindAfterAHundredRuns() throws InterruptedException {
    Pipeline p =
        Pipeline.builder("leak")
            .settings(parallel(4))
            .stage(
                "s",
                s ->
                    s.add(source("a", 0))
                        .add(source("b", 0))
                        .add(after("c", 0, "a"))
                        .add(after("d", 0, "b", "c")))
            .build();
    for (int i = 0; i < 100; i++) {
      assertThat(p.run().status()).isEqualTo(Status.SUCCESS);
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (liveEngineThreads("forgeline-leak-") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(liveEngineThreads("forgeline-leak-")).isZero();
  }

  private static long liveEngineThreads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
        .count();
  }
}
