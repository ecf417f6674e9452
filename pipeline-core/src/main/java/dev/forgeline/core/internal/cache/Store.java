package dev.forgeline.core.internal.cache;

import com.google.inject.TypeLiteral;
import dev.forgeline.core.cache.CacheEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.spark.sql.SparkSession;

/**
 * Where entries live. Implementations are thread-safe; a disk store is also safe across processes.
 */
public interface Store {
  /** The value stored under {@code key}, or empty for a miss (absent, expired, or unreadable). */
  Optional<Object> get(String key, TypeLiteral<?> type, SparkSession spark, Instant now);

  /**
   * Stores {@code value} under {@code entry.key()} and returns what consumers should get (the
   * stored form).
   *
   * @throws Exception when the value cannot be stored; the message names what is missing
   */
  Object put(CacheEntry entry, Object value, TypeLiteral<?> type, SparkSession spark)
      throws Exception;

  /** Why values of {@code type} cannot be stored here, or empty when they can. */
  Optional<String> cannotStore(TypeLiteral<?> type);

  /** Why the store cannot be used at all (a directory that is not writable), or empty. */
  Optional<String> unusable();

  /** Every entry, oldest first. */
  List<CacheEntry> entries();

  /** Removes the entries {@code which} accepts and returns how many. */
  int invalidate(Predicate<CacheEntry> which);

  /** {@code memory (MEMORY_AND_DISK)} or {@code disk /path}. */
  String describe();
}
