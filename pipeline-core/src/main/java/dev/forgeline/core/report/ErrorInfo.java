package dev.forgeline.core.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * What went wrong in a failed step: the error id, the phase, the exception's class, message and
 * stack trace, as plain strings so a report survives JSON and outlives the classes.
 *
 * @param id the Forgeline error id label, for example {@code StepFailed} or {@code Timeout}
 * @param phase the phase that failed; null when the failure is not tied to one (a timeout)
 * @param type the exception's class name; null when there is no exception
 * @param message the exception's or engine's message; never null
 * @param stackTrace the full stack trace with causes; empty when there is no exception
 * @since 0.1.0
 */
public record ErrorInfo(String id, Phase phase, String type, String message, String stackTrace) {

  /** Checks for nulls. */
  public ErrorInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(stackTrace, "stackTrace");
  }

  /** Describes {@code error}, thrown in {@code phase}. */
  public static ErrorInfo of(String id, Phase phase, Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    String message = error.getMessage() == null ? "" : error.getMessage();
    return new ErrorInfo(id, phase, error.getClass().getName(), message, trace.toString());
  }

  /** An error the engine found itself, with no exception behind it. */
  public static ErrorInfo of(String id, Phase phase, String message) {
    return new ErrorInfo(id, phase, null, message, "");
  }

  /** One line: {@code [Forgeline/Id] in PHASE: Type: message}. */
  public String summary() {
    StringBuilder b = new StringBuilder("[Forgeline/").append(id).append(']');
    if (phase != null) {
      b.append(" in ").append(phase);
    }
    b.append(": ");
    if (type != null) {
      b.append(type.substring(type.lastIndexOf('.') + 1)).append(": ");
    }
    return b.append(message).toString();
  }
}
