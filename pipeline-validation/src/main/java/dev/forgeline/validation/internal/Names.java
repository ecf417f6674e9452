package dev.forgeline.validation.internal;

import dev.forgeline.core.error.Suggestions;
import java.util.Collection;
import java.util.List;
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
    return Suggestions.near(asked, known);
  }

  /** " Did you mean [x]?" or, when nothing is near, the known names. */
  public static String didYouMean(String asked, Collection<String> known) {
    List<String> near = near(asked, known);
    return near.isEmpty() ? "Known columns: " + known + "." : "Did you mean " + near + "?";
  }
}
