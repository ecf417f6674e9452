package dev.forgeline.mock;

/**
 * The one place the mock writes to standard output: {@code show()}, {@code explain()} and {@code
 * printSchema()} print by contract, exactly as Spark's do.
 */
final class Console {
  private Console() {}

  @SuppressWarnings("java:S106")
  static void print(String text) {
    System.out.print(text);
    System.out.flush();
  }
}
