package dev.forgeline.examples.bench;

import java.io.PrintStream;

/**
 * One benchmark runnable by {@code examples/bench NAME}.
 *
 * <p>A benchmark measures what it compares side by side in one run and prints each figure as a line
 * {@code RESULT name=value} through {@link Results}. It must finish within ten minutes on two
 * cores.
 *
 * @since 0.1.0
 */
public interface Benchmark {

  /** The name given on the command line, for example {@code engine}. */
  String name();

  /** One sentence saying what is measured; shown by {@code --list}. */
  String description();

  /** Runs the benchmark, printing progress to {@code log} and figures to {@code results}. */
  void run(Results results, PrintStream log) throws Exception;
}
