package dev.forgeline.validation;

import java.util.List;
import java.util.Objects;

/**
 * One problem found in rules, a contract or validated data: its id, where it is, what was found and
 * how to fix it.
 *
 * @param id the stable error id
 * @param message one sentence saying what is wrong
 * @param place where: the rule, the configuration key, the file
 * @param found what was seen instead, each entry one line; may be empty
 * @param hint how to fix it; never null, may be empty
 * @since 0.1.0
 */
public record ValidationProblem(
    ValidationError id, String message, String place, List<String> found, String hint) {

  /** Checks for nulls and copies the list. */
  public ValidationProblem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(place, "place");
    found = List.copyOf(found);
    Objects.requireNonNull(hint, "hint");
  }

  /**
   * Renders a numbered list of problems under a heading, the format of every exception of this
   * module.
   */
  public static String render(String heading, List<ValidationProblem> problems) {
    StringBuilder b = new StringBuilder(heading);
    b.append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    b.append('\n');
    int n = 1;
    for (ValidationProblem p : problems) {
      String number = n++ + ") ";
      String indent = " ".repeat(number.length());
      b.append('\n').append(number).append(p.id).append(' ').append(p.message).append('\n');
      if (!p.place.isEmpty()) {
        b.append(indent).append("at: ").append(p.place).append('\n');
      }
      for (String line : p.found) {
        b.append(indent).append(line).append('\n');
      }
      if (!p.hint.isEmpty()) {
        b.append(indent).append("hint: ").append(p.hint).append('\n');
      }
    }
    return b.toString();
  }
}
