package dev.forgeline.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a message with {@code src/test/resources/golden/<name>.txt}, so a change in wording is a
 * reviewed change. {@code -Dforgeline.golden.update=true} rewrites the files instead.
 */
final class Golden {
  private Golden() {}

  static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean("forgeline.golden.update")) {
      try {
        Path file = Path.of("src/test/resources/golden", name + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name + ".txt")) {
      if (in == null) {
        throw new AssertionError(
            "no golden file golden/" + name + ".txt; run with -Dforgeline.golden.update=true");
      }
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
