package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Identifier quoting, parsing and matching the way Spark's analyzer does it. */
public final class Names {
  private Names() {}

  /** Quotes one identifier part with backticks, doubling inner backticks (Spark's toSQLId). */
  public static String quote(String part) {
    return "`" + part.replace("`", "``") + "`";
  }

  /** Quotes every part and joins them with dots. */
  public static String quoteParts(List<String> parts) {
    List<String> quoted = new ArrayList<>();
    for (String p : parts) {
      quoted.add(quote(p));
    }
    return String.join(".", quoted);
  }

  /** Splits {@code a.b} or {@code `a.b`.c} into name parts, honouring backticks. */
  public static List<String> parse(String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inBacktick = false;
    int i = 0;
    while (i < name.length()) {
      char c = name.charAt(i);
      if (inBacktick) {
        if (c == '`') {
          if (i + 1 < name.length() && name.charAt(i + 1) == '`') {
            current.append('`');
            i++;
          } else {
            inBacktick = false;
          }
        } else {
          current.append(c);
        }
      } else if (c == '`') {
        inBacktick = true;
      } else if (c == '.') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
      i++;
    }
    parts.add(current.toString());
    return parts;
  }

  /** Compares two identifiers under the session's case sensitivity. */
  public static boolean same(String a, String b, boolean caseSensitive) {
    return caseSensitive ? a.equals(b) : a.equalsIgnoreCase(b);
  }

  /** Lower-cases for case-insensitive keys. */
  public static String key(String name, boolean caseSensitive) {
    return caseSensitive ? name : name.toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance, used to order "did you mean" suggestions as Spark does. */
  public static int distance(String a, String b) {
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
