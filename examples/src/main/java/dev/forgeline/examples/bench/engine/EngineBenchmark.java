package dev.forgeline.examples.bench.engine;

import static dev.forgeline.examples.bench.engine.Nodes.work;

import dev.forgeline.core.ExecutionMode;
import dev.forgeline.core.ExecutionSettings;
import dev.forgeline.core.FactorySpec;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.PipelineSpec;
import dev.forgeline.core.PipelineTemplate;
import dev.forgeline.core.SubPipeline;
import dev.forgeline.core.spi.PipelineListener;
import dev.forgeline.examples.bench.Benchmark;
import dev.forgeline.examples.bench.Results;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The engine's own costs, with no Spark: orchestration overhead per factory, planning time of a
 * large graph, and graph scheduling against its critical-path bound and against stage barriers.
 */
public final class EngineBenchmark implements Benchmark {
  private static final int OVERHEAD_FACTORIES = 1_000;
  private static final int PLANNING_FACTORIES = 10_000;
  private static final int REGIONS = 10;
  private static final int PER_REGION = 10;
  private static final int TEMPLATE_FACTORIES = 100;

  /**
   * One template instance: chains of ten no-op factories; the first consumes the mapped input
   * {@code seed}, the last is mapped out as {@code out}.
   */
  private static final PipelineTemplate<String> CHAINS =
      name -> {
        List<FactorySpec> specs = new ArrayList<>(TEMPLATE_FACTORIES);
        for (int i = 0; i < TEMPLATE_FACTORIES; i++) {
          specs.add(
              i == 0
                  ? work("f0", 0, "seed")
                  : i % 10 == 0 ? work("f" + i, 0) : work("f" + i, 0, "f" + (i - 1)));
        }
        return PipelineSpec.builder(name).stage("s", s -> specs.forEach(s::add)).build();
      };

  /**
   * {@value #REGIONS} regions, each a sub-pipeline including {@value #PER_REGION} instances of
   * {@link #CHAINS}: 10,000 factories in namespaces two deep, the seed passed down two levels.
   */
  private static Pipeline composed(ExecutionSettings settings) {
    Pipeline.Builder b =
        Pipeline.builder("plan-composed-10k")
            .settings(settings)
            .input("seed", Nodes.Token.class, new Nodes.Token("seed"));
    for (int r = 0; r < REGIONS; r++) {
      PipelineSpec.Builder region = PipelineSpec.builder("region");
      for (int t = 0; t < PER_REGION; t++) {
        region.include(
            "t" + t,
            SubPipeline.of(CHAINS.define("chains")).input("seed", "seed").output("out" + t, "f99"));
      }
      b.include("r" + r, SubPipeline.of(region.build()).input("seed", "seed"));
    }
    return b.build();
  }

  @Override
  public String name() {
    return "engine";
  }

  @Override
  public String description() {
    return "orchestration overhead, planning a 10k graph (flat and composed), DAG vs critical path"
        + " vs stage barriers";
  }

  @Override
  public void run(Results results, PrintStream log) {
    ExecutionSettings parallel =
        ExecutionSettings.defaults().withMode(ExecutionMode.PARALLEL).withParallelism(8);

    Pipeline noop =
        Pipeline.builder("overhead")
            .settings(parallel)
            .stage("s", s -> noOps(OVERHEAD_FACTORIES).forEach(s::add))
            .build();
    double runMs = medianMs(5, 15, () -> time(noop::run));
    log.printf(
        "overhead: %d no-op factories (chains of ten) run in %.2f ms (median)%n",
        OVERHEAD_FACTORIES, runMs);
    results.put("overhead_ms_per_factory", runMs / OVERHEAD_FACTORIES);

    Pipeline listened =
        Pipeline.builder("overhead-listened")
            .settings(parallel)
            .listener(new PipelineListener() {})
            .stage("s", s -> noOps(OVERHEAD_FACTORIES).forEach(s::add))
            .build();
    double[] pair = interleavedMedianMs(5, 31, noop::run, listened::run);
    log.printf(
        "listener: %d no-op factories, none %.3f ms, one no-op listener %.3f ms (medians,"
            + " interleaved)%n",
        OVERHEAD_FACTORIES, pair[0], pair[1]);
    results.put("listener_overhead_ms_per_factory", (pair[1] - pair[0]) / OVERHEAD_FACTORIES);

    double planMs =
        medianMs(
            2,
            5,
            () ->
                time(
                    () ->
                        Pipeline.builder("plan-10k")
                            .settings(parallel)
                            .stage("s", s -> noOps(PLANNING_FACTORIES).forEach(s::add))
                            .build()));
    log.printf(
        "planning: %d factories built and checked in %.2f ms (median)%n",
        PLANNING_FACTORIES, planMs);
    results.put("planning_ms_10k", planMs);

    double composedMs = medianMs(2, 5, () -> time(() -> composed(parallel)));
    log.printf(
        "planning composed: %d factories as %d template instances of %d, nested two levels,"
            + " built and checked in %.2f ms (median)%n",
        PLANNING_FACTORIES, REGIONS * PER_REGION, TEMPLATE_FACTORIES, composedMs);
    results.put("planning_ms_composed_10k", composedMs);

    Map<String, Long> finish = new LinkedHashMap<>();
    Pipeline dag = unbalanced(parallel, finish);
    Pipeline barriers = unbalanced(parallel.withStageBarriers(true), new LinkedHashMap<>());
    dag.run();
    barriers.run();
    double dagMs = medianMs(0, 3, () -> time(dag::run));
    double barrierMs = medianMs(0, 3, () -> time(barriers::run));
    long boundMs = finish.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    log.printf(
        "unbalanced graph: critical-path bound %d ms, graph-scheduled %.1f ms,"
            + " stage barriers %.1f ms%n",
        boundMs, dagMs, barrierMs);
    results.put("dag_wall_over_bound", dagMs / boundMs);
    results.put("barrier_over_dag", barrierMs / dagMs);
  }

  /**
   * Medians of {@code a} and {@code b} timed in alternation (a, b, a, b ...), so drift in the
   * machine's load hits both alike.
   */
  private static double[] interleavedMedianMs(int warmup, int runs, Runnable a, Runnable b) {
    for (int i = 0; i < warmup; i++) {
      a.run();
      b.run();
    }
    double[] ta = new double[runs];
    double[] tb = new double[runs];
    for (int i = 0; i < runs; i++) {
      ta[i] = time(a) / 1e6;
      tb[i] = time(b) / 1e6;
    }
    Arrays.sort(ta);
    Arrays.sort(tb);
    return new double[] {ta[runs / 2], tb[runs / 2]};
  }

  /** Chains of ten no-op factories, each consuming its predecessor, so every run wires edges. */
  private static List<FactorySpec> noOps(int n) {
    List<FactorySpec> specs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      specs.add(i % 10 == 0 ? work("f" + i, 0) : work("f" + i, 0, "f" + (i - 1)));
    }
    return specs;
  }

  /**
   * Three stages whose long branches sit in different stages: barriers add up the slowest factory
   * of every stage, the graph only the longest chain. Fills {@code finish} with each factory's
   * earliest possible finish time given unlimited threads; its maximum is the critical-path bound.
   */
  private static Pipeline unbalanced(ExecutionSettings settings, Map<String, Long> finish) {
    String[][] plan = {
      // id, stage, millis, upstream...
      {"a1", "extract", "600"},
      {"b1", "extract", "100"},
      {"c1", "extract", "300"},
      {"d1", "extract", "150"},
      {"a2", "transform", "100", "a1"},
      {"b2", "transform", "600", "b1"},
      {"c2", "transform", "200", "c1"},
      {"d2", "transform", "150", "d1", "c1"},
      {"a3", "load", "100", "a2"},
      {"b3", "load", "100", "b2"},
      {"c3", "load", "450", "c2", "d2"},
      {"e3", "load", "50", "a2", "b2"},
    };
    Map<String, List<FactorySpec>> stages = new LinkedHashMap<>();
    for (String[] row : plan) {
      long ms = Long.parseLong(row[2]);
      long start = 0;
      for (int i = 3; i < row.length; i++) {
        start = Math.max(start, finish.get(row[i]));
      }
      finish.put(row[0], start + ms);
      FactorySpec spec =
          switch (row.length) {
            case 3 -> work(row[0], ms);
            case 4 -> work(row[0], ms, row[3]);
            default -> work(row[0], ms, row[3], row[4]);
          };
      stages.computeIfAbsent(row[1], k -> new ArrayList<>()).add(spec);
    }
    Pipeline.Builder b = Pipeline.builder("unbalanced").settings(settings);
    stages.forEach((stage, specs) -> b.stage(stage, s -> specs.forEach(s::add)));
    return b.build();
  }

  private static long time(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return System.nanoTime() - t0;
  }

  private static double medianMs(int warmups, int runs, LongSupplier nanos) {
    for (int i = 0; i < warmups; i++) {
      nanos.getAsLong();
    }
    long[] samples = new long[runs];
    for (int i = 0; i < runs; i++) {
      samples[i] = nanos.getAsLong();
    }
    Arrays.sort(samples);
    return samples[runs / 2] / 1e6;
  }
}
