package dev.forgeline.validation.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Column names as users give them: quoted so that dots and backticks are part of the name, looked
 * up in a schema the way Spark resolves them, and "did you mean" candidates when they are missing.
 */
public final class Names {
  private Names() {}

  /** The top-level column called {@code name}, whatever characters it holds. */
  public static Column col(String name) {
    return functions.col(quote(name));
  }

  /** {@code name} as a quoted identifier: in backticks, inner backticks doubled. */
  public static String quote(String name) {
    return '`' + name.replace("`", "``") + '`';
  }

  /** The column of {@code fields} that {@code name} resolves to, if any. */
  public static Optional<String> resolve(
      String name, Collection<String> fields, boolean caseSensitive) {
    for (String f : fields) {
      if (caseSensitive ? f.equals(name) : f.equalsIgnoreCase(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Names of {@code known} within a small edit distance of {@code asked}, sorted. */
  public static List<String> near(String asked, Collection<String> known) {
    String a = asked.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, Math.min(3, a.length() / 3));
    return known.stream()
        .filter(k -> distance(a, k.toLowerCase(Locale.ROOT)) <= limit)
        .sorted()
        .toList();
  }

  /** " Did you mean [x]?" or, when nothing is near, the known names. */
  public static String didYouMean(String asked, Collection<String> known) {
    List<String> near = near(asked, known);
    return near.isEmpty() ? "Known columns: " + known + "." : "Did you mean " + near + "?";
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
