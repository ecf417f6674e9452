package dev.forgeline.examples.medallion;

import java.nio.file.Path;

/** Where the examples' tests write: under the build directory. */
final class ExampleSpark {
  private ExampleSpark() {}

  static Path buildDir() {
    return Path.of(System.getProperty("forgeline.build.dir", "target")).toAbsolutePath();
  }
}
