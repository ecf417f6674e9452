package dev.forgeline.writer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the repository's docs pages from the module's tests. */
final class Docs {
  private Docs() {}

  static String read(String page) {
    Path p = Path.of("..", "docs", page);
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + p.toAbsolutePath(), e);
    }
  }

  /** The bodies of the fenced blocks of {@code language} in {@code page}, in order. */
  static List<String> blocks(String page, String language) {
    List<String> out = new ArrayList<>();
    String text = read(page);
    String open = "```" + language + "\n";
    for (int i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) {
      int start = i + open.length();
      out.add(text.substring(start, text.indexOf("```", start)));
    }
    return out;
  }
}
