package dev.forgeline.core.error;

import java.util.List;

/**
 * pipeline-core's {@link ErrorCatalog}: every {@link ErrorId}.
 *
 * @since 0.1.0
 */
public final class CoreErrors implements ErrorCatalog {
  /** Called by {@link java.util.ServiceLoader}. */
  public CoreErrors() {}

  @Override
  public String module() {
    return "pipeline-core";
  }

  @Override
  public List<ErrorId> codes() {
    return List.of(ErrorId.values());
  }
}
