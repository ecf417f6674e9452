package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The leaf files of a read: paths as given, glob patterns expanded, directories listed recursively
 * with hidden names ({@code _} or {@code .} first, as Spark skips {@code _SUCCESS}, {@code
 * _delta_log} and {@code .crc} files) left out, and the {@code key=value} directories between a
 * given directory and each file taken as that file's partition values.
 */
final class DataFiles {
  /** One data file and its raw partition values (null for the Hive default partition). */
  record Leaf(Path file, Map<String, String> partition) {}

  private DataFiles() {}

  /** Strips a {@code file:} scheme; other schemes are not on the local file system. */
  static Path local(String path) {
    String p = path;
    if (p.startsWith("file://")) {
      p = p.substring("file://".length());
    } else if (p.startsWith("file:")) {
      p = p.substring("file:".length());
    }
    if (p.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw dev.forgeline.mock.engine.NotSupported.method(
          "paths outside the local file system [" + path + "]");
    }
    return Path.of(p).toAbsolutePath().normalize();
  }

  /** The qualified form Spark prints in errors: {@code file:/abs/path}. */
  static String qualified(Path p) {
    return "file:" + p.toAbsolutePath();
  }

  static List<Leaf> list(List<String> paths) {
    List<Leaf> out = new ArrayList<>();
    for (String given : paths) {
      for (Path root : expand(given)) {
        if (Files.isDirectory(root)) {
          walk(root, root, out);
        } else {
          out.add(new Leaf(root, Map.of()));
        }
      }
    }
    return out;
  }

  /** The paths a given path names: itself, or the matches of its glob; none found is an error. */
  static List<Path> expand(String given) {
    Path p = local(given);
    String text = p.toString();
    int glob = firstGlobChar(text);
    if (glob < 0) {
      if (!Files.exists(p)) {
        throw Errors.analysis("PATH_NOT_FOUND", "path", qualified(p));
      }
      return List.of(p);
    }
    Path base = Path.of(text.substring(0, text.lastIndexOf('/', glob) + 1));
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + text);
    int depth =
        (int) text.substring(base.toString().length()).chars().filter(c -> c == '/').count();
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(base)) {
      try (Stream<Path> s = Files.walk(base, depth + 1)) {
        s.filter(m::matches).filter(x -> !hidden(x.getFileName().toString())).forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (found.isEmpty()) {
      throw Errors.analysis("PATH_NOT_FOUND", "path", qualified(p));
    }
    found.sort(null);
    return found;
  }

  private static int firstGlobChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }

  static boolean hidden(String name) {
    return (name.startsWith("_") && !name.contains("=")) || name.startsWith(".");
  }

  private static void walk(Path root, Path dir, List<Leaf> out) {
    List<Path> children;
    try (Stream<Path> s = Files.list(dir)) {
      children = s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path c : children) {
      if (hidden(c.getFileName().toString())) {
        continue;
      }
      if (Files.isDirectory(c)) {
        walk(root, c, out);
      } else {
        out.add(new Leaf(c, partitionOf(root, c.getParent())));
      }
    }
  }

  private static Map<String, String> partitionOf(Path root, Path dir) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Path part : root.relativize(dir)) {
      String name = part.toString();
      int eq = name.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String raw = PartitionPaths.unescape(name.substring(eq + 1));
      values.put(
          PartitionPaths.unescape(name.substring(0, eq)),
          raw.equals(PartitionPaths.DEFAULT_PARTITION) ? null : raw);
    }
    return values;
  }
}
