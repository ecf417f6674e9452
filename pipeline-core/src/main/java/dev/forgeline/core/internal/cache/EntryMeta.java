package dev.forgeline.core.internal.cache;

import dev.forgeline.core.cache.CacheEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The metadata file of a disk entry: its key, who stored it and when, its Dataset schema, and every
 * data file with its size, so a truncated or partly deleted entry is recognised; or, for an entry
 * that refers to a Delta table version instead of holding rows, that table and version.
 */
record EntryMeta(CacheEntry entry, String schema, Properties files, DeltaRef delta) {
  private static final String FILE = "file.";

  /** A version of the Delta table at {@code location} (an absolute path or URI). */
  record DeltaRef(String location, long version) {}

  static void write(Path entryDir, String name, CacheEntry e, String schema, DeltaRef delta)
      throws IOException {
    Properties p = new Properties();
    long total = 0;
    try (Stream<Path> s = Files.walk(entryDir)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        long size = Files.size(f);
        total += size;
        p.setProperty(
            FILE + entryDir.relativize(f).toString().replace('\\', '/'), Long.toString(size));
      }
    }
    p.setProperty("key", e.key());
    p.setProperty("pipeline", e.pipeline());
    p.setProperty("factory.id", e.factoryId());
    p.setProperty("factory.class", e.factoryClass());
    p.setProperty("tags", String.join(",", e.tags()));
    p.setProperty("created", e.created().toString());
    if (e.expires() != null) {
      p.setProperty("expires", e.expires().toString());
    }
    p.setProperty("size", Long.toString(total));
    if (schema != null) {
      p.setProperty("schema", schema);
    }
    if (delta != null) {
      p.setProperty("delta.location", delta.location());
      p.setProperty("delta.version", Long.toString(delta.version()));
    }
    Path tmp = entryDir.resolve(name + ".part");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      p.store(out, "Forgeline result cache entry");
    }
    Files.move(tmp, entryDir.resolve(name));
  }

  static EntryMeta read(Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    String tags = p.getProperty("tags", "");
    CacheEntry e =
        new CacheEntry(
            required(p, "key"),
            required(p, "pipeline"),
            required(p, "factory.id"),
            required(p, "factory.class"),
            tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
            Instant.parse(required(p, "created")),
            Instant.parse(required(p, "created")),
            p.getProperty("expires") == null ? null : Instant.parse(p.getProperty("expires")),
            Long.parseLong(required(p, "size")),
            "disk");
    Properties files = new Properties();
    for (String k : p.stringPropertyNames()) {
      if (k.startsWith(FILE)) {
        files.setProperty(k.substring(FILE.length()), p.getProperty(k));
      }
    }
    String location = p.getProperty("delta.location");
    DeltaRef delta =
        location == null
            ? null
            : new DeltaRef(location, Long.parseLong(required(p, "delta.version")));
    return new EntryMeta(e, p.getProperty("schema"), files, delta);
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("metadata has no [" + key + "]");
    }
    return v;
  }

  /** Checks the entry holds {@code key} and every listed file with its recorded size. */
  void verify(Path entryDir, String key) throws IOException {
    if (!entry.key().equals(key)) {
      throw new IllegalStateException("metadata names key [" + entry.key() + "]");
    }
    if (files.isEmpty() && delta == null) {
      throw new IllegalStateException("metadata lists no data file");
    }
    for (String f : files.stringPropertyNames()) {
      Path p = entryDir.resolve(f);
      long want = Long.parseLong(files.getProperty(f));
      if (!Files.isRegularFile(p)) {
        throw new IllegalStateException("data file [" + f + "] is missing");
      }
      if (Files.size(p) != want) {
        throw new IllegalStateException(
            "data file [" + f + "] has " + Files.size(p) + " bytes, not " + want);
      }
    }
  }
}
