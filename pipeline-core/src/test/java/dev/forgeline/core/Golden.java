package dev.forgeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a golden file under src/test/resources/errors/testdata. Run the tests with
 * {@code -Dforgeline.golden.update=true} to rewrite the files, then review the diff.
 */
public final class Golden {
  private static final Path DIR = Path.of("src/test/resources/errors/testdata");

  private Golden() {}

  public static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name + ".txt");
    try {
      if (Boolean.getBoolean("forgeline.golden.update")) {
        Files.createDirectories(DIR);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        throw new AssertionError(
            "No golden file "
                + file.toAbsolutePath()
                + "; run with -Dforgeline.golden.update=true and review it. Actual:\n"
                + actual);
      }
      assertEquals(
          Files.readString(file, StandardCharsets.UTF_8),
          actual,
          "message differs from golden file " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
