package dev.forgeline.mock;

import dev.forgeline.mock.engine.Scala;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.internal.config.ConfigEntry;
import org.apache.spark.internal.config.OptionalConfigEntry;
import org.apache.spark.sql.RuntimeConfig;
import scala.Option;

/**
 * A session's settings: a thread-safe string map with Spark's defaults for the keys the mock reads.
 */
final class MockRuntimeConfig extends RuntimeConfig {
  private final Map<String, String> values = new ConcurrentHashMap<>();

  MockRuntimeConfig(Map<String, String> initial) {
    values.putAll(initial);
  }

  /** Bumped on every change, so readers can cache what they derive from the values. */
  private final java.util.concurrent.atomic.AtomicLong version =
      new java.util.concurrent.atomic.AtomicLong();

  long version() {
    return version.get();
  }

  @Override
  public void set(String key, String value) {
    values.put(key, value);
    version.incrementAndGet();
  }

  @Override
  @Unsupported
  public <T> void set(ConfigEntry<T> entry, T value) {
    throw MockSparkSession.unsupported("RuntimeConfig.set(ConfigEntry)");
  }

  @Override
  public String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new NoSuchElementException(key);
    }
    return v;
  }

  @Override
  public String get(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  @Override
  @Unsupported
  public <T> T get(ConfigEntry<T> entry) {
    throw MockSparkSession.unsupported("RuntimeConfig.get(ConfigEntry)");
  }

  @Override
  @Unsupported
  public <T> Option<T> get(OptionalConfigEntry<T> entry) {
    throw MockSparkSession.unsupported("RuntimeConfig.get(OptionalConfigEntry)");
  }

  @Override
  @Unsupported
  public <T> T get(ConfigEntry<T> entry, T defaultValue) {
    throw MockSparkSession.unsupported("RuntimeConfig.get(ConfigEntry, T)");
  }

  @Override
  public boolean contains(String key) {
    return values.containsKey(key);
  }

  @Override
  public scala.collection.immutable.Map<String, String> getAll() {
    return Scala.map(values);
  }

  @Override
  public Option<String> getOption(String key) {
    return Option.apply(values.get(key));
  }

  @Override
  public void unset(String key) {
    values.remove(key);
    version.incrementAndGet();
  }

  @Override
  public boolean isModifiable(String key) {
    return key.startsWith("spark.sql.");
  }
}
