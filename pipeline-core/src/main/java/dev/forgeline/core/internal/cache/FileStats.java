package dev.forgeline.core.internal.cache;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Sizes and modification times of files: local paths through java.nio (the mock needs no Hadoop),
 * other schemes through Hadoop's FileSystem with the session's Hadoop configuration.
 */
final class FileStats {
  private FileStats() {}

  /**
   * One line per regular file under {@code location} (or the file itself), sorted; empty if absent.
   */
  static List<String> list(String location, SparkSession spark) throws IOException {
    Path local = localPath(location);
    if (local != null) {
      if (!Files.exists(local)) {
        return List.of();
      }
      try (Stream<Path> files = Files.walk(local)) {
        List<String> out = new ArrayList<>();
        for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          out.add(p + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis());
        }
        return out;
      }
    }
    return HadoopFiles.list(location, spark);
  }

  /** The local file system path of {@code location}, or null for another scheme. */
  static Path localPath(String location) {
    if (location.startsWith("file:")) {
      return Path.of(URI.create(location));
    }
    int colon = location.indexOf(':');
    int slash = location.indexOf('/');
    boolean scheme = colon > 1 && (slash < 0 || colon < slash);
    return scheme ? null : Path.of(location);
  }
}
