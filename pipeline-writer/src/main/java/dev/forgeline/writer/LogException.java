package dev.forgeline.writer;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when the run log cannot be configured, written or read: carries the {@link WriterError}
 * id, the place (the table or path), what was found and a hint.
 *
 * @since 0.1.0
 */
public final class LogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final WriterError id;

  LogException(
      WriterError id,
      String message,
      String place,
      List<String> found,
      String hint,
      Throwable cause) {
    super(render(id, message, place, found, hint), cause);
    this.id = Objects.requireNonNull(id, "id");
  }

  /** The error's id. */
  public WriterError id() {
    return id;
  }

  private static String render(
      WriterError id, String message, String place, List<String> found, String hint) {
    StringBuilder b = new StringBuilder().append(id).append(' ').append(message).append('\n');
    if (!place.isEmpty()) {
      b.append("  at: ").append(place).append('\n');
    }
    for (String line : found) {
      b.append("  ").append(line).append('\n');
    }
    if (!hint.isEmpty()) {
      b.append("  hint: ").append(hint).append('\n');
    }
    return b.toString();
  }
}
