package dev.forgeline.mock;

import dev.forgeline.mock.fn.FunctionRegistry;
import java.util.Set;

/**
 * What the mock backend implements, for the parity audit and for documentation.
 *
 * @since 0.1.0
 */
public final class MockCapabilities {
  private MockCapabilities() {}

  /**
   * The lower-case names of the Spark SQL functions (and operators) the evaluator implements, e.g.
   * {@code "upper"}, {@code "count"}, {@code "row_number"}.
   *
   * @return an unmodifiable, sorted set; never null
   * @since 0.1.0
   */
  public static Set<String> supportedFunctions() {
    return FunctionRegistry.names();
  }
}
