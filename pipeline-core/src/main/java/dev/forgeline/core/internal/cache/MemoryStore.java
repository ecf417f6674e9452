package dev.forgeline.core.internal.cache;

import com.google.inject.TypeLiteral;
import dev.forgeline.core.cache.CacheEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entries held in this JVM: a Dataset is persisted at the chosen storage level and materialized
 * when stored (so it holds the data its key describes), and unpersisted when evicted; other values
 * are held as they are. Least recently used entries go first once {@code maxEntries} is reached.
 */
public final class MemoryStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryStore.class);

  private record Held(CacheEntry entry, Object value) {}

  private final StorageLevel level;
  private final int maxEntries;
  private final LinkedHashMap<String, Held> entries = new LinkedHashMap<>(16, 0.75f, true);

  /** A store persisting Datasets at {@code level}, holding at most {@code maxEntries}. */
  public MemoryStore(StorageLevel level, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("max entries was [" + maxEntries + "] but must be >= 1");
    }
    this.level = level;
    this.maxEntries = maxEntries;
  }

  @Override
  public synchronized Optional<Object> get(
      String key, TypeLiteral<?> type, SparkSession spark, Instant now) {
    Held h = entries.get(key);
    if (h == null) {
      return Optional.empty();
    }
    if (h.entry().expiredAt(now)) {
      LOG.info(
          "Cache entry of [{}] expired at {}: a miss", h.entry().factoryId(), h.entry().expires());
      release(entries.remove(key));
      return Optional.empty();
    }
    entries.put(key, new Held(h.entry().usedAt(now), h.value()));
    return Optional.ofNullable(h.value());
  }

  @Override
  public Object put(CacheEntry entry, Object value, TypeLiteral<?> type, SparkSession spark) {
    Object stored = value;
    if (value instanceof Dataset<?> ds) {
      Dataset<?> persisted = ds.persist(level);
      persisted.count(); // materialize now: the entry holds the data its key was computed for
      stored = persisted;
    }
    List<Held> evicted = new ArrayList<>();
    synchronized (this) {
      Held old = entries.put(entry.key(), new Held(entry, stored));
      if (old != null && old.value() != stored) {
        evicted.add(old);
      }
      Iterator<Map.Entry<String, Held>> it = entries.entrySet().iterator();
      while (entries.size() > maxEntries && it.hasNext()) {
        Map.Entry<String, Held> e = it.next();
        if (!e.getKey().equals(entry.key())) {
          evicted.add(e.getValue());
          it.remove();
        }
      }
    }
    evicted.forEach(MemoryStore::release);
    return stored;
  }

  private static void release(Held h) {
    if (h != null && h.value() instanceof Dataset<?> ds) {
      ds.unpersist(false);
    }
  }

  @Override
  public Optional<String> cannotStore(TypeLiteral<?> type) {
    return Optional.empty();
  }

  @Override
  public Optional<String> unusable() {
    return Optional.empty();
  }

  @Override
  public synchronized List<CacheEntry> entries() {
    List<CacheEntry> out = new ArrayList<>();
    entries.values().forEach(h -> out.add(h.entry()));
    out.sort(java.util.Comparator.comparing(CacheEntry::created));
    return out;
  }

  @Override
  public int invalidate(Predicate<CacheEntry> which) {
    List<Held> removed = new ArrayList<>();
    synchronized (this) {
      entries.values().removeIf(h -> which.test(h.entry()) && removed.add(h));
    }
    removed.forEach(MemoryStore::release);
    return removed.size();
  }

  @Override
  public String describe() {
    return "memory (" + level.description() + ", at most " + maxEntries + " entries)";
  }
}
