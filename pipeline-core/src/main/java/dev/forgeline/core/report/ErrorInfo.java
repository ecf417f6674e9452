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
 * @param stackTrace the full stack trace with causes, its first line without the message (kept
 *     once, in {@code message}); empty when there is no exception
 * @since 0.1.0
 */
public record ErrorInfo(String id, Phase phase, String type, String message, String stackTrace) {

  /** The most characters of a message kept; the rest is cut and the cut is said. */
  public static final int MAX_MESSAGE_CHARS = 8_192;

  /** The most characters of a stack trace kept; the rest is cut and the cut is said. */
  public static final int MAX_STACK_TRACE_CHARS = 65_536;

  /**
   * Checks for nulls, cuts the message to {@value #MAX_MESSAGE_CHARS} and the stack trace to
   * {@value #MAX_STACK_TRACE_CHARS} characters (so a report stays small and readable back), and
   * replaces unpaired surrogates, which no UTF-8 file can hold, with U+FFFD.
   */
  public ErrorInfo {
    Objects.requireNonNull(id, "id");
    message = cap(Objects.requireNonNull(message, "message"), MAX_MESSAGE_CHARS);
    stackTrace = cap(Objects.requireNonNull(stackTrace, "stackTrace"), MAX_STACK_TRACE_CHARS);
  }

  private static String cap(String text, int max) {
    String s = text;
    if (s.length() > max) {
      int keep = max;
      if (Character.isHighSurrogate(s.charAt(keep - 1))) {
        keep--;
      }
      s = s.substring(0, keep) + " ... [cut " + (text.length() - keep) + " characters]";
    }
    return wellFormed(s);
  }

  private static String wellFormed(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
              : !Character.isLowSurrogate(c)
                  || (i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
      if (!paired && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.append(paired ? c : '\uFFFD');
      }
    }
    return b == null ? s : b.toString();
  }

  /** Describes {@code error}, thrown in {@code phase}. */
  public static ErrorInfo of(String id, Phase phase, Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    String message = error.getMessage() == null ? "" : error.getMessage();
    String trace = out.toString();
    String header = error.toString();
    if (!message.isEmpty() && trace.startsWith(header)) {
      // The message is kept once, in message; the trace starts with the type alone.
      trace = error.getClass().getName() + " (message above)" + trace.substring(header.length());
    }
    return new ErrorInfo(id, phase, error.getClass().getName(), message, trace);
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
