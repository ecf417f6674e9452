package dev.forgeline.examples.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark runner behind {@code examples/bench}: {@code Bench NAME} runs one benchmark, {@code
 * Bench --list} lists them.
 */
public final class Bench {

  /** Every benchmark, in the order {@code --list} shows them. Add new ones here. */
  static List<Benchmark> all() {
    return List.of(
        new dev.forgeline.examples.bench.engine.EngineBenchmark(),
        new MockVsSparkBenchmark(),
        new MockScaleBenchmark(),
        new ParityAudit(),
        new dev.forgeline.examples.bench.validation.ValidationBenchmark(),
        new dev.forgeline.examples.bench.writer.WriterBenchmark());
  }

  private Bench() {}

  /** Benchmarks log warnings and errors only, so their RESULT lines stand out. */
  private static final String LOG_CONFIG = "dev/forgeline/examples/bench/bench-log4j2.properties";

  public static void main(String[] args) throws Exception {
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", LOG_CONFIG); // before the first logger
    }
    Map<String, Benchmark> byName = new LinkedHashMap<>();
    for (Benchmark b : all()) {
      byName.put(b.name(), b);
    }
    String name = args.length == 0 ? "--list" : args[0].trim();
    if (name.isEmpty() || name.equals("--list")) {
      for (Benchmark b : byName.values()) {
        System.out.printf("%-16s %s%n", b.name(), b.description());
      }
      return;
    }
    Benchmark b = byName.get(name);
    if (b == null) {
      System.err.printf("Unknown benchmark [%s]. Known: %s%n", name, byName.keySet());
      System.exit(2);
    }
    b.run(new Results(System.out), System.err);
  }
}
