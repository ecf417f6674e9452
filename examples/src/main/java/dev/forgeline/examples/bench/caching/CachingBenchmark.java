package dev.forgeline.examples.bench.caching;

import dev.forgeline.core.ExecutionSettings;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.config.ConfigLoader;
import dev.forgeline.core.config.ConfigModule;
import dev.forgeline.core.config.LoadedConfig;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.examples.bench.Benchmark;
import dev.forgeline.examples.bench.Results;
import dev.forgeline.examples.bench.mock.Sessions;
import dev.forgeline.examples.medallion.MedallionPipeline;
import dev.forgeline.examples.medallion.MedallionSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The result cache on the medallion pipeline, on local Spark with Delta, all in one session and one
 * run: an untimed warm-up of each program (its own directories); then three rounds, in rotating
 * order and on fresh directories, of the pipeline's first run, against an empty cache, with every
 * factory cacheable on disk; the same reads, transformations and writes as one plain sequential
 * Spark program ({@code first_run_over_handwritten}); a rerun with nothing changed ({@code
 * cached_rerun_over_first}, and the median time a CACHED step took to compute its key and look it
 * up, {@code cache_lookup_ms_per_step}); and a rerun after touching products.csv, whose recomputed
 * steps must be exactly the products ingestion ({@code products/ingest}) and everything downstream
 * of it.
 */
public final class CachingBenchmark implements Benchmark {
  private static final Path DATA = Path.of("src/main/resources/medallion/data").toAbsolutePath();
  private static final int TRIALS = 3;
  static final String CACHE_DECLARATIONS =
      String.join(
          "\n",
          "include classpath(\"application.conf\")",
          "forgeline.cache {",
          "  storage = disk",
          "  dir = ${medallion.output-dir}\"/cache\"",
          "  stages {",
          "    silver { version = \"1\" }",
          "    gold { version = \"1\" }",
          "    monthly { version = \"1\" }",
          "  }",
          "  factories {",
          // bronze is one template instantiated per source: its factory is <source>/ingest
          "    \"orders/ingest\" { reads = [orders-csv] }",
          "    \"customers/ingest\" { reads = [customers-csv] }",
          "    \"products/ingest\" { reads = [products-csv] }",
          "    CleanOrders { version = \"1\", config = [validation.silver-orders] }",
          "  }",
          "}",
          "");

  @Override
  public String name() {
    return "caching";
  }

  @Override
  public String description() {
    return "the medallion pipeline on local Spark with Delta: first run against a handwritten"
        + " sequential Spark program, cached rerun, rerun after touching one input";
  }

  @Override
  public void run(Results results, PrintStream log) throws Exception {
    Path root = Path.of("target", "bench-caching").toAbsolutePath();
    deleteTree(root);
    Path data = root.resolve("data");
    Files.createDirectories(data);
    for (String f : List.of("orders.csv", "customers.csv", "products.csv")) {
      Files.copy(DATA.resolve(f), data.resolve(f));
    }
    Path conf = root.resolve("conf");
    Files.createDirectories(conf);
    Files.writeString(conf.resolve("application.conf"), CACHE_DECLARATIONS);
    Files.writeString(
        conf.resolve("application-dev.conf"), "include classpath(\"application-dev.conf\")\n");
    Path plainConf = root.resolve("conf-uncached");
    Files.createDirectories(plainConf);
    Files.writeString(
        plainConf.resolve("application.conf"), "include classpath(\"application.conf\")\n");
    Files.copy(conf.resolve("application-dev.conf"), plainConf.resolve("application-dev.conf"));

    SparkSession spark = Sessions.localSpark();
    // Both programs are warmed up once in this JVM (untimed, their own output and cache
    // directories), so neither side's figure pays for class loading and JIT compilation: the first
    // run measured below is the first against an empty cache, not the first in the JVM.
    log.println("warm-up: the handwritten program and the pipeline once each, untimed");
    Handwritten.run(spark, data, root.resolve("warmup"));
    pipeline(conf, data, root.resolve("warmup-forgeline")).run(); // its own output and cache dir

    // Three rounds, each on fresh output and cache directories, in a rotating order so that no
    // side always runs first after the warm-up or right after another; the figures are medians.
    List<Double> firstRuns = new ArrayList<>();
    List<Double> handRuns = new ArrayList<>();
    List<Double> uncachedRuns = new ArrayList<>();
    Pipeline pipeline = null;
    for (int round = 0; round < TRIALS; round++) {
      Path dir = root.resolve("round-" + round);
      for (int turn = 0; turn < 3; turn++) {
        switch ((round + turn) % 3) {
          case 0 -> {
            pipeline = pipeline(conf, data, dir.resolve("forgeline"));
            long t0 = System.nanoTime();
            PipelineReport first = pipeline.run();
            firstRuns.add((System.nanoTime() - t0) / 1e6);
            log.printf(
                "round %d: first run %.0f ms: %s%n",
                round, firstRuns.get(round), first.metrics().steps());
            printSteps(first, log);
          }
          case 1 -> {
            long t0 = System.nanoTime();
            Handwritten.run(spark, data, dir.resolve("handwritten"));
            handRuns.add((System.nanoTime() - t0) / 1e6);
            log.printf("round %d: handwritten %.0f ms%n", round, handRuns.get(round));
          }
          default -> {
            // The same pipeline with no cache declared: the framework without storing results.
            long t0 = System.nanoTime();
            PipelineReport plain = pipeline(plainConf, data, dir.resolve("uncached")).run();
            uncachedRuns.add((System.nanoTime() - t0) / 1e6);
            log.printf("round %d: without the cache %.0f ms%n", round, uncachedRuns.get(round));
            printSteps(plain, log);
          }
        }
      }
    }
    double firstMs = median(firstRuns);
    double handMs = median(handRuns);
    double uncachedMs = median(uncachedRuns);

    long t0 = System.nanoTime();
    PipelineReport rerun = pipeline.run();
    double rerunMs = (System.nanoTime() - t0) / 1e6;
    log.printf("cached rerun %.0f ms: %s%n", rerunMs, rerun.metrics().steps());
    // The monthly stage runs on the first day of the month only; a skip by its condition is no
    // miss.
    long ran = rerun.steps().stream().filter(s -> s.status() != Status.SKIPPED).count();
    if (rerun.cacheHits() != ran) {
      throw new IllegalStateException(
          "the rerun with nothing changed was not served entirely from the cache: "
              + rerun.metrics().steps());
    }
    List<Double> lookups = new ArrayList<>();
    for (StepResult s : rerun.steps()) {
      if (s.status() == Status.CACHED) {
        lookups.add(s.duration().toNanos() / 1e6);
      }
    }
    double median = median(lookups);

    Path products = data.resolve("products.csv");
    Files.setLastModifiedTime(
        products, FileTime.from(Files.getLastModifiedTime(products).toInstant().plusSeconds(60)));
    PipelineReport touched = pipeline.run();
    List<String> recomputed =
        touched.steps().stream()
            .filter(s -> s.status() == Status.SUCCESS)
            .map(StepResult::factoryId)
            .toList();
    Set<String> expected = downstreamOf("products/ingest", touched);
    // A step its condition switched off (the monthly stage on other days) does not run at all.
    touched.steps().stream()
        .filter(s -> s.status() == Status.SKIPPED)
        .forEach(s -> expected.remove(s.factoryId()));
    log.printf("after touching products.csv recomputed %s; expected %s%n", recomputed, expected);

    results.put("first_run_ms", firstMs);
    results.put("handwritten_ms", handMs);
    results.put("cached_rerun_ms", rerunMs);
    results.put("first_run_over_handwritten", firstMs / handMs);
    results.put("uncached_run_over_handwritten", uncachedMs / handMs);
    results.put("cached_rerun_over_first", rerunMs / firstMs);
    results.put("cache_lookup_ms_per_step", median);
    results.put("recomputed_steps_after_change", (long) recomputed.size());
    results.put("expected_recomputed_steps", (long) expected.size());
    if (!new LinkedHashSet<>(recomputed).equals(expected)) {
      throw new IllegalStateException(
          "recomputed " + recomputed + " after touching products.csv, expected " + expected);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Each step's status, duration and phase durations (ms), to see where a run spends. */
  private static void printSteps(PipelineReport report, PrintStream log) {
    for (StepResult s : report.steps()) {
      StringBuilder phases = new StringBuilder();
      s.phases().forEach((k, v) -> phases.append(' ').append(k).append('=').append(v.toMillis()));
      log.printf("  %-20s %-8s %6.0f ms%s%n", s.factoryId(), s.status(), s.durationMs(), phases);
    }
  }

  /** The medallion pipeline as the command line builds it, with the cache declared in HOCON. */
  static Pipeline pipeline(Path conf, Path data, Path out) {
    LoadedConfig loaded =
        ConfigLoader.builder()
            .file(conf.resolve("application.conf"))
            .env("dev")
            .override("medallion.input-dir", data.toString())
            .override("medallion.output-dir", out.toString())
            .load();
    if (!loaded.problems().isEmpty()) {
      throw new IllegalStateException("bench configuration: " + loaded.problems());
    }
    MedallionPipeline definition = new MedallionPipeline();
    List<com.google.inject.Module> modules = new ArrayList<>();
    modules.add(ConfigModule.of(loaded).withSettings("medallion", MedallionSettings.class));
    modules.addAll(definition.modules());
    Pipeline.Builder b =
        Pipeline.builder(definition.name())
            .spark(Sessions.localSpark())
            .modules(modules.toArray(com.google.inject.Module[]::new))
            .settings(ExecutionSettings.fromConfig(loaded.config()));
    definition.define(b);
    return b.build();
  }

  /** {@code id} and every step downstream of it, from the steps' upstream lists. */
  static Set<String> downstreamOf(String id, PipelineReport report) {
    Set<String> out = new LinkedHashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.poll();
      if (out.add(next)) {
        report.steps().stream()
            .filter(s -> s.upstream().contains(next))
            .forEach(s -> todo.add(s.factoryId()));
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    report.steps().stream().map(StepResult::factoryId).filter(out::contains).forEach(ordered::add);
    return ordered;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
