package dev.forgeline.core.cache;

import com.typesafe.config.Config;
import dev.forgeline.core.internal.cache.DiskStore;
import dev.forgeline.core.internal.cache.MemoryStore;
import dev.forgeline.core.internal.cache.Store;
import dev.forgeline.core.internal.cache.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.storage.StorageLevel;

/**
 * Where cached results live, and how to list and invalidate them: the entry point of this package.
 * Give one to {@code Pipeline.builder(...).cache(...)}; one cache may serve many pipelines and
 * runs. Thread-safe; a disk cache is also safe for several processes sharing its directory.
 *
 * <pre>{@code
 * ResultCache cache = ResultCache.onDisk(Path.of("/data/forgeline-cache"), 20L << 30);
 * Pipeline p = Pipeline.builder("sales").spark(spark).cache(cache)
 *     .stage("silver", s -> s.add(FactorySpec.of(CleanOrders.class).withCache(CachePolicy.version("2"))))
 *     .build();
 * cache.invalidateTag("silver");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ResultCache {
  /** Where {@link #fromConfig} reads its settings. */
  public static final String CONFIG_PATH = "forgeline.cache";

  static {
    Stores.install(c -> c.store);
  }

  private final Store store;

  private ResultCache(Store store) {
    this.store = store;
  }

  /** A cache in this JVM, persisting Datasets at {@code MEMORY_AND_DISK}, at most 1000 entries. */
  public static ResultCache inMemory() {
    return inMemory(StorageLevel.MEMORY_AND_DISK(), 1000);
  }

  /**
   * A cache in this JVM: Datasets are persisted at {@code level} (and materialized when stored),
   * and unpersisted when evicted, least recently used first beyond {@code maxEntries}.
   */
  public static ResultCache inMemory(StorageLevel level, int maxEntries) {
    return new ResultCache(new MemoryStore(Objects.requireNonNull(level, "level"), maxEntries));
  }

  /** A cache under directory {@code dir}, unbounded. */
  public static ResultCache onDisk(Path dir) {
    return onDisk(dir, 0);
  }

  /**
   * A cache under directory {@code dir} (Parquet for Datasets, Java serialization for other
   * values), evicting least recently used entries once it holds more than {@code maxBytes} (0 for
   * unbounded). The directory must be on a file system with atomic renames (a local or mounted
   * disk).
   */
  public static ResultCache onDisk(Path dir, long maxBytes) {
    return onDisk(dir, maxBytes, DEFAULT_KEEP_RECENT);
  }

  /**
   * A cache under {@code dir} as {@link #onDisk(Path, long)}, where eviction spares entries used
   * within {@code keepRecent} (10 minutes by default): a run, of this process or another, may still
   * be reading them, since Datasets read their files lazily. The bound may be exceeded until they
   * age.
   */
  public static ResultCache onDisk(Path dir, long maxBytes, Duration keepRecent) {
    Objects.requireNonNull(keepRecent, "keepRecent");
    if (keepRecent.isNegative()) {
      throw new IllegalArgumentException("keepRecent was [" + keepRecent + "] but must be >= 0");
    }
    return new ResultCache(new DiskStore(Objects.requireNonNull(dir, "dir"), maxBytes, keepRecent));
  }

  private static final Duration DEFAULT_KEEP_RECENT = Duration.ofMinutes(10);

  /**
   * The cache {@code config} declares under {@code forgeline.cache}: {@code storage = memory} (with
   * {@code storage-level}, {@code max-entries}) or {@code storage = disk} (with {@code dir}, {@code
   * max-size} in bytes or as {@code 10G}); empty when there is no {@code storage} key.
   *
   * @throws IllegalArgumentException naming the key, for a value that is not valid
   */
  public static Optional<ResultCache> fromConfig(Config config) {
    if (!config.hasPath(CONFIG_PATH + ".storage")) {
      return Optional.empty();
    }
    Config c = config.getConfig(CONFIG_PATH);
    String storage = c.getString("storage").trim().toLowerCase(Locale.ROOT);
    switch (storage) {
      case "memory" -> {
        String level =
            c.hasPath("storage-level") ? c.getString("storage-level") : "MEMORY_AND_DISK";
        StorageLevel l;
        try {
          l = StorageLevel.fromString(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              CONFIG_PATH
                  + ".storage-level was ["
                  + level
                  + "] but must be a Spark storage level"
                  + " such as MEMORY_AND_DISK or MEMORY_ONLY",
              e);
        }
        return Optional.of(inMemory(l, c.hasPath("max-entries") ? c.getInt("max-entries") : 1000));
      }
      case "disk" -> {
        if (!c.hasPath("dir")) {
          throw new IllegalArgumentException(
              CONFIG_PATH + ".dir is missing; storage = disk needs the cache directory");
        }
        long max = c.hasPath("max-size") ? c.getBytes("max-size") : 0;
        return Optional.of(onDisk(Path.of(c.getString("dir")), max));
      }
      default ->
          throw new IllegalArgumentException(
              CONFIG_PATH + ".storage was [" + storage + "] but must be one of [memory, disk]");
    }
  }

  /** Every entry, oldest first. */
  public List<CacheEntry> entries() {
    return store.entries();
  }

  /** Removes the entries of factory {@code factoryId}; returns how many. */
  public int invalidateFactory(String factoryId) {
    Objects.requireNonNull(factoryId, "factoryId");
    return store.invalidate(e -> e.factoryId().equals(factoryId));
  }

  /** Removes the entries tagged {@code tag}; returns how many. */
  public int invalidateTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    return store.invalidate(e -> e.tags().contains(tag));
  }

  /** Removes every entry; returns how many. */
  public int invalidateAll() {
    return store.invalidate(e -> true);
  }

  /** Where the entries live, for example {@code disk /data/cache (at most 1000 bytes)}. */
  public String describe() {
    return store.describe();
  }

  @Override
  public String toString() {
    return "ResultCache[" + describe() + "]";
  }
}
