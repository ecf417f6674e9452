package dev.forgeline.core.internal.cache;

import dev.forgeline.core.cache.ResultCache;
import java.util.function.Function;

/** Lets the engine reach a {@link ResultCache}'s store without making it public API. */
public final class Stores {
  private static volatile Function<ResultCache, Store> access;

  private Stores() {}

  /** Called once by {@link ResultCache}'s static initializer. */
  public static void install(Function<ResultCache, Store> a) {
    access = a;
  }

  /** The store behind {@code cache}. */
  public static Store of(ResultCache cache) {
    return access.apply(cache);
  }
}
