package dev.forgeline.core.internal.exec;

import dev.forgeline.core.report.ErrorInfo;
import dev.forgeline.core.report.StepResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Masks the run's secrets in what a step result and a log line carry: the reason, the error's
 * message and stack trace, and metadata values. Applied once, when a step's result is settled, so
 * listeners, the report and the log all see the same masked text.
 */
final class Redaction {
  private Redaction() {}

  /** {@code result} with every free-text field passed through {@code redact}. */
  static StepResult of(StepResult result, UnaryOperator<String> redact) {
    StepResult.Builder b = result.toBuilder();
    if (result.reason() != null) {
      b.reason(redact.apply(result.reason()));
    }
    ErrorInfo e = result.error();
    if (e != null) {
      b.error(
          new ErrorInfo(
              e.id(),
              e.phase(),
              e.type(),
              redact.apply(e.message()),
              redact.apply(e.stackTrace())));
    }
    if (!result.metadata().isEmpty()) {
      Map<String, String> m = new LinkedHashMap<>();
      result.metadata().forEach((k, v) -> m.put(k, redact.apply(v)));
      b.metadata(m);
    }
    return b.build();
  }

  /** One line for a log: the error's class and message, secrets masked; no stack trace. */
  static String summary(Throwable error, UnaryOperator<String> redact) {
    if (error == null) {
      return "";
    }
    StringBuilder line = new StringBuilder(error.getClass().getName());
    if (error.getMessage() != null) {
      line.append(": ").append(error.getMessage());
    }
    return redact.apply(line.toString());
  }
}
