package dev.forgeline.writer;

import dev.forgeline.core.error.ErrorCatalog;
import java.util.List;

/**
 * pipeline-writer's {@link ErrorCatalog}: every {@link WriterError}.
 *
 * @since 0.1.0
 */
public final class WriterErrors implements ErrorCatalog {
  /** Called by {@link java.util.ServiceLoader}. */
  public WriterErrors() {}

  @Override
  public String module() {
    return "pipeline-writer";
  }

  @Override
  public List<WriterError> codes() {
    return List.of(WriterError.values());
  }
}
