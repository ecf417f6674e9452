package dev.forgeline.test;

import dev.forgeline.core.error.ErrorCatalog;
import java.util.List;

/**
 * pipeline-test's {@link ErrorCatalog}: every {@link TestError}.
 *
 * @since 0.1.0
 */
public final class TestErrors implements ErrorCatalog {
  /** Called by {@link java.util.ServiceLoader}. */
  public TestErrors() {}

  @Override
  public String module() {
    return "pipeline-test";
  }

  @Override
  public List<TestError> codes() {
    return List.of(TestError.values());
  }
}
