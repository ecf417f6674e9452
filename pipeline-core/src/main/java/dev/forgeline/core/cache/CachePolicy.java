package dev.forgeline.core.cache;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one factory is cached: its logic version, how long entries live, tags to invalidate by, the
 * connectors it reads itself and the configuration paths it depends on. Immutable; {@code with...}
 * methods return a new policy.
 *
 * <pre>{@code
 * FactorySpec spec = FactorySpec.of(CleanOrders.class)
 *     .withCache(CachePolicy.version("3").withTtl(Duration.ofDays(1)).withTags("silver"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CachePolicy {
  private final String version;
  private final Duration ttl;
  private final List<String> tags;
  private final List<String> reads;
  private final List<String> config;

  private CachePolicy(
      String version, Duration ttl, List<String> tags, List<String> reads, List<String> config) {
    this.version = version;
    this.ttl = ttl;
    this.tags = tags;
    this.reads = reads;
    this.config = config;
  }

  /** A policy with logic version {@code version}, no TTL, no tags, reads or config paths. */
  public static CachePolicy version(String version) {
    Objects.requireNonNull(version, "version");
    if (version.isBlank()) {
      throw new IllegalArgumentException(
          "cache version was [" + version + "] but must not be blank");
    }
    return new CachePolicy(version, null, List.of(), List.of(), List.of());
  }

  /** The policy an annotation declares. */
  public static CachePolicy of(Cacheable a) {
    CachePolicy p =
        version(a.version()).withTags(a.tags()).withReads(a.reads()).withConfig(a.config());
    return a.ttl().isBlank() ? p : p.withTtl(parseDuration(a.ttl(), "@Cacheable(ttl)"));
  }

  /**
   * The policy a HOCON block declares: {@code version} (default "1"), {@code ttl}, {@code tags},
   * {@code reads}, {@code config}.
   *
   * @throws com.typesafe.config.ConfigException for a value of the wrong type
   */
  public static CachePolicy of(Config block) {
    CachePolicy p =
        version(block.hasPath("version") ? block.getString("version") : "1")
            .withTags(list(block, "tags"))
            .withReads(list(block, "reads"))
            .withConfig(list(block, "config"));
    return block.hasPath("ttl") ? p.withTtl(block.getDuration("ttl")) : p;
  }

  private static String[] list(Config block, String key) {
    return block.hasPath(key) ? block.getStringList(key).toArray(String[]::new) : new String[0];
  }

  private static Duration parseDuration(String text, String where) {
    try {
      return ConfigFactory.parseString("d = \"" + text.replace("\"", "") + "\"").getDuration("d");
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          where + " was [" + text + "] but must be a duration such as 12h or 7d", e);
    }
  }

  /** A copy whose entries expire {@code ttl} after they were written. */
  public CachePolicy withTtl(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("cache ttl was [" + ttl + "] but must be positive");
    }
    return new CachePolicy(version, ttl, tags, reads, config);
  }

  /** A copy with these tags. */
  public CachePolicy withTags(String... tags) {
    return new CachePolicy(version, ttl, names(tags, "tag"), reads, config);
  }

  /** A copy whose key follows the data of these connectors, read by the factory itself. */
  public CachePolicy withReads(String... connectors) {
    return new CachePolicy(version, ttl, tags, names(connectors, "connector"), config);
  }

  /** A copy whose key follows the values at these configuration paths. */
  public CachePolicy withConfig(String... paths) {
    return new CachePolicy(version, ttl, tags, reads, names(paths, "config path"));
  }

  private static List<String> names(String[] values, String what) {
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(
            "a cache "
                + what
                + " was ["
                + v
                + "] in "
                + Arrays.toString(values)
                + "; must not be blank");
      }
    }
    return List.of(values);
  }

  /** The logic version. */
  public String version() {
    return version;
  }

  /** How long entries live; empty for ever. */
  public Optional<Duration> ttl() {
    return Optional.ofNullable(ttl);
  }

  /** The tags. */
  public List<String> tags() {
    return tags;
  }

  /** The connectors whose data joins the key. */
  public List<String> reads() {
    return reads;
  }

  /** The configuration paths whose values join the key. */
  public List<String> config() {
    return config;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CachePolicy p
        && version.equals(p.version)
        && Objects.equals(ttl, p.ttl)
        && tags.equals(p.tags)
        && reads.equals(p.reads)
        && config.equals(p.config);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, ttl, tags, reads, config);
  }

  @Override
  public String toString() {
    return "CachePolicy[version="
        + version
        + (ttl != null ? ", ttl=" + ttl : "")
        + (tags.isEmpty() ? "" : ", tags=" + tags)
        + (reads.isEmpty() ? "" : ", reads=" + reads)
        + (config.isEmpty() ? "" : ", config=" + config)
        + "]";
  }
}
