package dev.forgeline.core;

import com.google.inject.Module;
import dev.forgeline.core.cache.CachePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the factories of one stage. Obtained inside {@link Pipeline.Builder#stage(String,
 * java.util.function.Consumer)}; problems with what is added (a null factory, a duplicate id) are
 * reported together by {@link Pipeline.Builder#build()}.
 *
 * @since 0.1.0
 */
public final class StageBuilder {
  private final String name;
  private final List<FactorySpec> specs = new ArrayList<>();
  private Condition condition;
  private String otherwise;
  private CachePolicy cache;

  StageBuilder(String name) {
    this.name = name;
  }

  /** The stage's name. */
  public String name() {
    return name;
  }

  /** Adds a factory class, created by Guice for each run; its id is the class's simple name. */
  @SuppressWarnings("rawtypes")
  public StageBuilder add(Class<? extends Factory> type) {
    specs.add(FactorySpec.of(type));
    return this;
  }

  /**
   * Adds a factory class with its own id and, optionally, Guice modules for this factory only (for
   * example the parameters that tell two factories of one class apart).
   */
  @SuppressWarnings("rawtypes")
  public StageBuilder add(String id, Class<? extends Factory> type, Module... modules) {
    FactorySpec spec = FactorySpec.of(type).withId(id);
    specs.add(modules.length == 0 ? spec : spec.withModules(modules));
    return this;
  }

  /** Adds a ready instance; its id is its class's simple name. */
  public StageBuilder add(Factory<?> instance) {
    specs.add(FactorySpec.of(instance));
    return this;
  }

  /** Adds a ready instance with its own id. */
  public StageBuilder add(String id, Factory<?> instance) {
    specs.add(FactorySpec.of(instance).withId(id));
    return this;
  }

  /** Adds a factory described by a spec (id, modules, retry, timeout). */
  public StageBuilder add(FactorySpec spec) {
    specs.add(spec);
    return this;
  }

  /**
   * Runs the stage only when {@code condition} holds; set once, and not together with {@link
   * #otherwise}.
   *
   * @since 0.2.0
   */
  public StageBuilder when(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    if (this.condition != null || otherwise != null) {
      throw new IllegalStateException(
          "stage ["
              + name
              + "] already has "
              + (otherwise != null
                  ? "otherwise [" + otherwise + "]"
                  : "condition [" + this.condition.description() + "]"));
    }
    this.condition = condition;
    return this;
  }

  /**
   * Makes this stage the else branch of stage {@code ifStage}: it runs exactly when that stage's
   * condition does not hold (evaluated once for both). Both branches may produce the same delivery;
   * consumers receive whichever ran.
   *
   * @since 0.2.0
   */
  public StageBuilder otherwise(String ifStage) {
    Objects.requireNonNull(ifStage, "ifStage");
    if (this.condition != null || otherwise != null) {
      throw new IllegalStateException(
          "stage ["
              + name
              + "] already has "
              + (otherwise != null
                  ? "otherwise [" + otherwise + "]"
                  : "condition [" + this.condition.description() + "]"));
    }
    this.otherwise = ifStage;
    return this;
  }

  StageSpec spec() {
    return new StageSpec(name, specs(), condition, otherwise, null);
  }

  /**
   * Marks every factory of the stage cacheable under {@code policy}, except those whose spec has
   * its own policy ({@link FactorySpec#withCache}). See docs/caching.md.
   */
  public StageBuilder cacheAll(CachePolicy policy) {
    Objects.requireNonNull(policy, "policy");
    if (cache != null) {
      throw new IllegalStateException("cacheAll was already set to [" + cache + "]");
    }
    cache = policy;
    return this;
  }

  List<FactorySpec> specs() {
    if (cache == null) {
      return specs;
    }
    List<FactorySpec> out = new ArrayList<>(specs.size());
    for (FactorySpec s : specs) {
      out.add(s == null || s.type() == null || s.cache().isPresent() ? s : s.withCache(cache));
    }
    return out;
  }
}
