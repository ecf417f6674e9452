package dev.forgeline.validation.internal;

import dev.forgeline.core.error.Problem;
import java.util.List;

/** The one formatter of this module's exception messages: a heading, then numbered problems. */
public final class Messages {
  private Messages() {}

  /** {@code heading: N problems} followed by each problem, numbered, as core prints them. */
  public static String render(String heading, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an exception needs at least one problem");
    }
    StringBuilder b = new StringBuilder(heading);
    b.append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    b.append('\n');
    int n = 1;
    for (Problem p : problems) {
      String number = n++ + ") ";
      String indent = " ".repeat(number.length());
      b.append('\n').append(number).append(p.id().tag()).append(' ').append(p.message());
      b.append('\n');
      if (!p.place().isEmpty()) {
        b.append(indent).append("at: ").append(p.place()).append('\n');
      }
      for (String line : p.found()) {
        b.append(indent).append(line).append('\n');
      }
      if (!p.hint().isEmpty()) {
        b.append(indent).append("hint: ").append(p.hint()).append('\n');
      }
    }
    return b.toString();
  }
}
