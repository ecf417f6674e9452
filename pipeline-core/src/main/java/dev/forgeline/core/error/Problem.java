package dev.forgeline.core.error;

import java.util.List;
import java.util.Objects;

/**
 * One problem found in a pipeline definition: its id, where it is, what was found and how to fix
 * it.
 *
 * @param id the stable error id, of any module
 * @param message one sentence saying what is wrong
 * @param place where: the factory, its class, the field or setter, the stage
 * @param found what the engine saw instead, each entry one line; may be empty
 * @param hint how to fix it; never null, may be empty
 * @since 0.1.0
 */
public record Problem(ErrorCode id, String message, String place, List<String> found, String hint) {

  /** Checks for nulls and copies the list. */
  public Problem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(place, "place");
    found = List.copyOf(found);
    Objects.requireNonNull(hint, "hint");
  }

  /** The problem as the numbered exception message prints it, without the number. */
  String render(String indent) {
    StringBuilder b = new StringBuilder();
    b.append(id.tag()).append(' ').append(message).append('\n');
    if (!place.isEmpty()) {
      b.append(indent).append("at: ").append(place).append('\n');
    }
    for (String line : found) {
      b.append(indent).append(line).append('\n');
    }
    if (!hint.isEmpty()) {
      b.append(indent).append("hint: ").append(hint).append('\n');
    }
    return b.toString();
  }
}
