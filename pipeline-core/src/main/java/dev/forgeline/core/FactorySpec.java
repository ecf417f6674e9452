package dev.forgeline.core;

import com.google.inject.Module;
import dev.forgeline.core.cache.CachePolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one factory joins a stage: its class (created by Guice) or a ready instance, its id, extra
 * Guice modules for this factory only, and its own retry policy and timeout.
 *
 * <p>Immutable; {@code with...} methods return a new spec. The id defaults to the factory class's
 * simple name; give two factories of the same class different ids (and, through modules or
 * instances, different parameters) to use one class twice.
 *
 * <pre>{@code
 * FactorySpec eu = FactorySpec.of(ReadOrders.class)
 *     .withId("orders-eu")
 *     .withModules(b -> b.bind(String.class).annotatedWith(Names.named("region")).toInstance("eu"))
 *     .withRetry(RetryPolicy.exponential(3, Duration.ofSeconds(1), Duration.ofSeconds(10)));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FactorySpec {
  private final Class<?> type;
  private final Factory<?> instance;
  private final String id;
  private final List<Module> modules;
  private final RetryPolicy retry;
  private final Duration timeout;
  private final Map<String, String> wiring;
  private final Condition condition;
  private final CachePolicy cache;

  private FactorySpec(
      Class<?> type,
      Factory<?> instance,
      String id,
      List<Module> modules,
      RetryPolicy retry,
      Duration timeout,
      Map<String, String> wiring,
      Condition condition,
      CachePolicy cache) {
    this.type = type;
    this.instance = instance;
    this.id = id;
    this.modules = modules;
    this.retry = retry;
    this.timeout = timeout;
    this.wiring = wiring;
    this.condition = condition;
    this.cache = cache;
  }

  /**
   * A factory created by Guice for each run. {@code type} may be null here; the pipeline's {@code
   * build()} reports it as a problem together with all others.
   */
  @SuppressWarnings("rawtypes")
  public static FactorySpec of(Class<? extends Factory> type) {
    return new FactorySpec(type, null, null, List.of(), null, null, Map.of(), null, null);
  }

  /**
   * A ready factory instance, reused by every run; its {@code @Inject} members are injected once at
   * {@code build()}. A null instance is reported by {@code build()}.
   */
  public static FactorySpec of(Factory<?> instance) {
    return new FactorySpec(
        instance == null ? null : instance.getClass(),
        instance,
        null,
        List.of(),
        null,
        null,
        Map.of(),
        null,
        null);
  }

  /** A copy with the given id; ids are unique in a pipeline. */
  public FactorySpec withId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id was [" + id + "] but must not be blank");
    }
    return new FactorySpec(type, instance, id, modules, retry, timeout, wiring, condition, cache);
  }

  /** A copy with Guice modules that bind things for this factory only (a child injector). */
  public FactorySpec withModules(Module... modules) {
    if (instance != null) {
      throw new IllegalStateException(
          "modules apply to factories created by Guice, but ["
              + instance
              + "] is a ready instance: pass its parameters to its constructor instead");
    }
    return new FactorySpec(
        type, instance, id, List.of(modules), retry, timeout, wiring, condition, cache);
  }

  /** A copy with its own retry policy, overriding the pipeline's default. */
  public FactorySpec withRetry(RetryPolicy retry) {
    return new FactorySpec(
        type,
        instance,
        id,
        modules,
        Objects.requireNonNull(retry),
        timeout,
        wiring,
        condition,
        cache);
  }

  /** A copy with its own time limit covering all attempts, overriding the pipeline's default. */
  public FactorySpec withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout was [" + timeout + "] but must be positive");
    }
    return new FactorySpec(type, instance, id, modules, retry, timeout, wiring, condition, cache);
  }

  /**
   * A copy whose delivery {@code member} (a field or setter name) takes the output of the producer
   * with id {@code producerId}, overriding the annotation's {@code id}. This wires two instances of
   * one consumer class to two different producers, ids chosen at run time.
   */
  public FactorySpec withDelivery(String member, String producerId) {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(producerId, "producerId");
    Map<String, String> w = new LinkedHashMap<>(wiring);
    String old = w.put(member, producerId);
    if (old != null) {
      throw new IllegalStateException(
          "delivery [" + member + "] was already wired to [" + old + "]");
    }
    return new FactorySpec(
        type, instance, id, modules, retry, timeout, Map.copyOf(w), condition, cache);
  }

  /**
   * A copy that runs only when {@code condition} holds (together with its stage's condition, if
   * any).
   *
   * @since 0.2.0
   */
  public FactorySpec when(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    if (this.condition != null) {
      throw new IllegalStateException(
          "condition was already set to [" + this.condition.description() + "]");
    }
    return new FactorySpec(type, instance, id, modules, retry, timeout, wiring, condition, cache);
  }

  /**
   * The factory's own condition, if set.
   *
   * @since 0.2.0
   */
  public Optional<Condition> condition() {
    return Optional.ofNullable(condition);
  }

  /**
   * A copy whose output the result cache may reuse under {@code policy} (replacing a {@code
   * Cacheable} annotation on the class; HOCON under {@code forgeline.cache.factories.<id>} replaces
   * both). See docs/caching.md.
   */
  public FactorySpec withCache(CachePolicy policy) {
    Objects.requireNonNull(policy, "policy");
    if (cache != null) {
      throw new IllegalStateException("cache was already set to [" + cache + "]");
    }
    return new FactorySpec(type, instance, id, modules, retry, timeout, wiring, condition, policy);
  }

  /** The cache policy given with {@link #withCache}, if any. */
  public Optional<CachePolicy> cache() {
    return Optional.ofNullable(cache);
  }

  /** The delivery members wired to producer ids with {@link #withDelivery}. */
  public Map<String, String> wiring() {
    return wiring;
  }

  /** The factory class; null only for a spec made from a null class or instance. */
  public Class<?> type() {
    return type;
  }

  /** The ready instance, if the spec was made from one. */
  public Optional<Factory<?>> instance() {
    return Optional.ofNullable(instance);
  }

  /** The explicit id, if one was given. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** The factory-only Guice modules. */
  public List<Module> modules() {
    return modules;
  }

  /** The factory's own retry policy, if set. */
  public Optional<RetryPolicy> retry() {
    return Optional.ofNullable(retry);
  }

  /** The factory's own timeout, if set. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  @Override
  public String toString() {
    return "FactorySpec[" + (id != null ? id : type == null ? "null" : type.getSimpleName()) + "]";
  }
}
