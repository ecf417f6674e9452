package dev.forgeline.examples.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints figures as {@code RESULT name=value} lines, the format every benchmark shares. */
public final class Results {
  private final PrintStream out;

  Results(PrintStream out) {
    this.out = out;
  }

  /** Prints one figure; decimals are printed with at most four fraction digits. */
  public void put(String name, double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.printf(Locale.ROOT, "RESULT %s=%d%n", name, (long) value);
    } else {
      out.printf(Locale.ROOT, "RESULT %s=%.4f%n", name, value);
    }
    out.flush();
  }

  /** Prints one whole-number figure. */
  public void put(String name, long value) {
    out.printf(Locale.ROOT, "RESULT %s=%d%n", name, value);
    out.flush();
  }
}
