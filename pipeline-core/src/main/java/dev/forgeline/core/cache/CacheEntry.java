package dev.forgeline.core.cache;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a {@link ResultCache}, as {@link ResultCache#entries()} and {@code forgeline cache
 * list} show it.
 *
 * @param key the cache key (64 hex digits)
 * @param pipeline the pipeline that stored it
 * @param factoryId the id of the factory whose output it holds
 * @param factoryClass that factory's class name
 * @param tags the policy's tags
 * @param created when it was stored
 * @param lastUsed when it was last stored or served
 * @param expires when it stops being served; null for never
 * @param sizeBytes its size on disk; -1 when unknown (in memory)
 * @param storage {@code memory} or {@code disk}
 * @since 0.1.0
 */
public record CacheEntry(
    String key,
    String pipeline,
    String factoryId,
    String factoryClass,
    List<String> tags,
    Instant created,
    Instant lastUsed,
    Instant expires,
    long sizeBytes,
    String storage) {

  /** Checks for nulls and copies the tags. */
  public CacheEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(factoryId, "factoryId");
    Objects.requireNonNull(factoryClass, "factoryClass");
    tags = List.copyOf(tags);
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastUsed, "lastUsed");
    Objects.requireNonNull(storage, "storage");
  }

  /** When it stops being served, if it expires. */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expires);
  }

  /** Whether it has expired at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expires != null && !now.isBefore(expires);
  }

  /** A copy last used at {@code when}. */
  public CacheEntry usedAt(Instant when) {
    return new CacheEntry(
        key, pipeline, factoryId, factoryClass, tags, created, when, expires, sizeBytes, storage);
  }
}
