package dev.forgeline.core.internal.cache;

import com.google.inject.TypeLiteral;
import dev.forgeline.core.cache.CacheEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entries in a directory, shared by every process that opens it.
 *
 * <p>Atomicity: an entry is written whole under {@code tmp/}, with its metadata file last, and then
 * renamed into {@code entries/<key>} in one atomic move; readers only look under {@code entries/},
 * so a half-written entry is never read. When two processes store the same key, the first rename
 * wins and the second discards its copy. Removal renames the entry back under {@code tmp/} before
 * deleting it. An entry whose metadata is missing or unreadable, or whose files do not have the
 * sizes it lists, is a miss with a warning and is removed. Datasets are stored as Parquet (read
 * back with the recorded schema, so a hit starts no job); other values by Java serialization. The
 * metadata file's modification time is the entry's last use, for least-recently-used eviction once
 * the directory holds more than {@code maxBytes}.
 */
public final class DiskStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(DiskStore.class);
  private static final String META = "meta.properties";
  private static final Duration STALE_TMP = Duration.ofHours(6);

  private final Path dir;
  private final Path entriesDir;
  private final Path tmpDir;
  private final long maxBytes;
  private final Duration keepRecent;

  /**
   * A store under {@code dir}; {@code maxBytes} of 0 or less means unbounded. Entries used within
   * {@code keepRecent} are never evicted: a run (of this process or another) may still be reading
   * them, as Datasets read their files lazily.
   */
  public DiskStore(Path dir, long maxBytes, Duration keepRecent) {
    this.keepRecent = keepRecent;
    this.dir = dir.toAbsolutePath().normalize();
    this.entriesDir = this.dir.resolve("entries");
    this.tmpDir = this.dir.resolve("tmp");
    this.maxBytes = maxBytes;
  }

  @Override
  public Optional<String> unusable() {
    try {
      Files.createDirectories(entriesDir);
      Files.createDirectories(tmpDir);
      Path probe = Files.createTempFile(tmpDir, "probe-", ".tmp");
      Files.delete(probe);
      cleanStaleTmp();
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of("cache directory [" + dir + "] is not writable: " + e);
    }
  }

  private void cleanStaleTmp() throws IOException {
    Instant limit = Instant.now().minus(STALE_TMP);
    try (Stream<Path> s = Files.list(tmpDir)) {
      for (Path p : s.toList()) {
        if (Files.getLastModifiedTime(p).toInstant().isBefore(limit)) {
          deleteTree(p);
        }
      }
    }
  }

  @Override
  public Optional<String> cannotStore(TypeLiteral<?> type) {
    if (Encoding.isDataset(type)) {
      return Optional.ofNullable(Encoding.problem(type))
          .map(p -> "a Dataset cannot be read back from disk typed: " + p);
    }
    Class<?> raw = type.getRawType();
    if (!Serializable.class.isAssignableFrom(raw) && !raw.isPrimitive()) {
      return Optional.of(
          "its output type "
              + type
              + " is neither a Dataset nor Serializable, so it cannot be"
              + " written to disk");
    }
    return Optional.empty();
  }

  @Override
  public Optional<Object> get(String key, TypeLiteral<?> type, SparkSession spark, Instant now) {
    Path entry = entriesDir.resolve(key);
    if (!Files.isDirectory(entry)) {
      return Optional.empty();
    }
    EntryMeta meta;
    try {
      meta = EntryMeta.read(entry.resolve(META));
      meta.verify(entry, key);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Cache entry [{}] in [{}] is corrupt or incomplete, a miss; removing it: {}",
          key,
          dir,
          e.getMessage());
      remove(entry);
      return Optional.empty();
    }
    if (meta.entry().expiredAt(now)) {
      LOG.info(
          "Cache entry of [{}] expired at {}: a miss",
          meta.entry().factoryId(),
          meta.entry().expires());
      remove(entry);
      return Optional.empty();
    }
    try {
      if (meta.delta() != null) {
        long newest = DeltaVersions.newest(meta.delta().location(), spark);
        if (newest != meta.delta().version()) {
          LOG.info(
              "Cache entry of [{}] refers to version {} of Delta table [{}], which {}: a miss",
              meta.entry().factoryId(),
              meta.delta().version(),
              meta.delta().location(),
              newest < 0 ? "no longer exists" : "has moved on to version " + newest);
          remove(entry);
          return Optional.empty();
        }
      }
      Object value = load(entry, meta, type, spark);
      Files.setLastModifiedTime(entry.resolve(META), FileTime.from(now));
      return Optional.ofNullable(value);
    } catch (NoSuchFileException e) {
      return Optional.empty(); // removed by another process in between: a plain miss
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      LOG.warn(
          "Cache entry [{}] in [{}] cannot be read, a miss; removing it: {}",
          key,
          dir,
          e.toString());
      remove(entry);
      return Optional.empty();
    }
  }

  private Object load(Path entry, EntryMeta meta, TypeLiteral<?> type, SparkSession spark)
      throws IOException, ClassNotFoundException {
    if (meta.delta() != null) {
      return DeltaVersions.read(meta.delta(), type, spark);
    }
    if (meta.schema() != null) {
      StructType schema = (StructType) DataType.fromJson(meta.schema());
      Dataset<Row> rows =
          spark.read().schema(schema).parquet(entry.resolve("data").toUri().toString());
      return Encoding.typed(rows, type);
    }
    try (InputStream in = Files.newInputStream(entry.resolve("value.ser"));
        ObjectInputStream objects = new ObjectInputStream(in)) {
      return objects.readObject();
    }
  }

  @Override
  public Object put(CacheEntry entry, Object value, TypeLiteral<?> type, SparkSession spark)
      throws Exception {
    Files.createDirectories(entriesDir);
    Files.createDirectories(tmpDir);
    Path tmp = tmpDir.resolve(entry.key() + "-" + UUID.randomUUID());
    Files.createDirectories(tmp);
    String schema = null;
    try {
      if (value instanceof Dataset<?> ds) {
        ds.write().parquet(tmp.resolve("data").toUri().toString());
        schema = ds.schema().json();
      } else if (value instanceof Serializable s) {
        try (OutputStream out = Files.newOutputStream(tmp.resolve("value.ser"))) {
          out.write(Fingerprints.serialize(s));
        }
      } else {
        throw new IllegalArgumentException(
            "a value of "
                + (value == null ? "null" : value.getClass().getName())
                + " is neither a Dataset nor Serializable");
      }
      EntryMeta.write(tmp, META, entry, schema, null);
      publish(tmp, entriesDir.resolve(entry.key()));
    } finally {
      deleteTree(tmp);
    }
    evictOverBound(entry.key(), entry.created().minus(keepRecent));
    return get(entry.key(), type, spark, entry.lastUsed()).orElse(value);
  }

  /**
   * Stores a reference to version {@code version} of the Delta table at {@code table} (which the
   * step has just committed, and whose plain read is its output) instead of a copy of its rows, and
   * returns that version's read. A later lookup serves it only while it is still the table's newest
   * version: once anything else has committed to the table, older versions' files may be vacuumed,
   * so the entry is a miss.
   */
  public Object putReference(
      CacheEntry entry,
      Dataset<?> output,
      String table,
      long version,
      TypeLiteral<?> type,
      SparkSession spark)
      throws Exception {
    EntryMeta.DeltaRef ref = new EntryMeta.DeltaRef(DeltaVersions.absolute(table), version);
    StructType stored = ((Dataset<?>) DeltaVersions.read(ref, type, spark)).schema();
    if (!stored.catalogString().equals(output.schema().catalogString())) {
      // The table's schema is not the output's (columns it kept from before, other types): a copy.
      LOG.debug(
          "Delta table [{}] has schema {}, the output {}: storing a copy",
          table,
          stored.catalogString(),
          output.schema().catalogString());
      return put(entry, output, type, spark);
    }
    Files.createDirectories(entriesDir);
    Files.createDirectories(tmpDir);
    Path tmp = tmpDir.resolve(entry.key() + "-" + UUID.randomUUID());
    Files.createDirectories(tmp);
    try {
      EntryMeta.write(tmp, META, entry, null, ref);
      publish(tmp, entriesDir.resolve(entry.key()));
    } finally {
      deleteTree(tmp);
    }
    return get(entry.key(), type, spark, entry.lastUsed())
        .orElseThrow(
            () ->
                new IOException(
                    "version " + version + " of Delta table [" + table + "] cannot be read back"));
  }

  private void publish(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      LOG.debug("Cache entry [{}] was stored by another run first; keeping that one", target);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cache directory [" + dir + "] does not support atomic renames; use a local disk", e);
    }
  }

  private void evictOverBound(String keep, Instant usedBefore) {
    if (maxBytes <= 0) {
      return;
    }
    List<Path> all = listEntries();
    long total = 0;
    List<Object[]> sized = new ArrayList<>();
    for (Path p : all) {
      long size = sizeOf(p);
      total += size;
      sized.add(new Object[] {p, size, lastUsed(p)});
    }
    sized.sort(Comparator.comparing(o -> (Instant) o[2]));
    for (Object[] o : sized) {
      if (total <= maxBytes) {
        break;
      }
      Path p = (Path) o[0];
      if (!p.getFileName().toString().equals(keep) && ((Instant) o[2]).isBefore(usedBefore)) {
        LOG.info(
            "Cache over its bound of {} bytes: evicting the least recently used [{}]",
            maxBytes,
            p.getFileName());
        remove(p);
        total -= (long) o[1];
      }
    }
  }

  @Override
  public List<CacheEntry> entries() {
    List<CacheEntry> out = new ArrayList<>();
    for (Path p : listEntries()) {
      try {
        EntryMeta m = EntryMeta.read(p.resolve(META));
        out.add(m.entry().usedAt(lastUsed(p)));
      } catch (IOException | RuntimeException e) {
        LOG.warn("Cache entry [{}] has no readable metadata: {}", p.getFileName(), e.getMessage());
      }
    }
    out.sort(Comparator.comparing(CacheEntry::created));
    return out;
  }

  @Override
  public int invalidate(Predicate<CacheEntry> which) {
    int n = 0;
    for (CacheEntry e : entries()) {
      if (which.test(e) && remove(entriesDir.resolve(e.key()))) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String describe() {
    return "disk " + dir + (maxBytes > 0 ? " (at most " + maxBytes + " bytes)" : "");
  }

  private List<Path> listEntries() {
    if (!Files.isDirectory(entriesDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(entriesDir)) {
      return s.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      LOG.warn("Cannot list cache directory [{}]: {}", entriesDir, e.toString());
      return List.of();
    }
  }

  private static Instant lastUsed(Path entry) {
    try {
      return Files.getLastModifiedTime(entry.resolve(META)).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  private static long sizeOf(Path entry) {
    try (Stream<Path> s = Files.walk(entry)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /** Moves the entry out of sight atomically, then deletes it; false when it was already gone. */
  private boolean remove(Path entry) {
    Path trash = tmpDir.resolve("trash-" + UUID.randomUUID());
    try {
      Files.createDirectories(tmpDir);
      Files.move(entry, trash, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      LOG.warn("Cannot remove cache entry [{}]: {}", entry, e.toString());
      return false;
    }
    deleteTree(trash);
    return true;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      LOG.debug("Could not delete [{}] completely: {}", root, e.toString());
    }
  }
}
