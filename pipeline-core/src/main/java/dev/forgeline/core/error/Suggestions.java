package dev.forgeline.core.error;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" candidates for error messages: names within a small edit distance of what was
 * asked for, case-insensitively. Every module that writes {@link Problem}s uses it, so suggestions
 * read the same everywhere.
 *
 * @since 0.1.0
 */
public final class Suggestions {
  private Suggestions() {}

  /** The known names near {@code asked}, sorted; empty when none is close. */
  public static List<String> near(String asked, Collection<String> known) {
    String a = asked.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, Math.min(3, a.length() / 3));
    return known.stream()
        .filter(k -> distance(a, k.toLowerCase(Locale.ROOT)) <= limit)
        .sorted()
        .toList();
  }

  /** " Did you mean [x]?", a sentence to follow a full stop, or the empty string. */
  public static String hint(String asked, Collection<String> known) {
    List<String> near = near(asked, known);
    return near.isEmpty() ? "" : " Did you mean " + near + "?";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
