package dev.forgeline.validation;

import dev.forgeline.core.error.ErrorCatalog;
import java.util.List;

/**
 * pipeline-validation's {@link ErrorCatalog}: every {@link ValidationError}.
 *
 * @since 0.1.0
 */
public final class ValidationErrors implements ErrorCatalog {
  /** Called by {@link java.util.ServiceLoader}. */
  public ValidationErrors() {}

  @Override
  public String module() {
    return "pipeline-validation";
  }

  @Override
  public List<ValidationError> codes() {
    return List.of(ValidationError.values());
  }
}
