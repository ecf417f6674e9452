package dev.forgeline.mock.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary directories and input files of the file and Delta cases: each run of a case gets a
 * fresh directory under the build dir, so the two backends never read each other's output here.
 */
final class KitFiles {
  private KitFiles() {}

  /** A new empty directory. */
  static Path dir() {
    try {
      Path root =
          Path.of(System.getProperty("forgeline.build.dir", "target"), "kit-files")
              .toAbsolutePath();
      Files.createDirectories(root);
      return Files.createTempDirectory(root, "case-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path inside a new directory that does not exist yet. */
  static String fresh(String name) {
    return dir().resolve(name).toString();
  }

  /** Writes {@code text} to {@code name} in a new directory; returns the file's path. */
  static String file(String name, String text) {
    return write(dir(), name, text);
  }

  /** Writes {@code text} to {@code name} under {@code dir}; returns the file's path. */
  static String write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
      return p.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
