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
        new dev.forgeline.examples.bench.writer.WriterBenchmark(),
        new dev.forgeline.examples.bench.caching.CachingBenchmark());
  }

  private Bench() {}

  public static void main(String[] args) throws Exception {
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
