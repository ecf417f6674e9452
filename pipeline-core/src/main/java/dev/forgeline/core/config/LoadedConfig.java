package dev.forgeline.core.config;

import com.typesafe.config.Config;
import dev.forgeline.core.error.ConfigurationException;
import dev.forgeline.core.error.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The result of {@link ConfigLoader#load()}: the resolved configuration, the environment chosen,
 * the files it came from and the problems found while loading them.
 *
 * @param config the resolved configuration; partial when there are problems
 * @param roots the top-level keys defined by the files or explicit overrides (not by system
 *     properties alone); {@link ConfigModule} binds the values under them by name
 * @param environment the environment overlay applied, if any
 * @param sources the layers, lowest first, for messages and {@code --dry-run}
 * @param problems what went wrong loading the files; empty when they loaded cleanly
 * @since 0.1.0
 */
public record LoadedConfig(
    Config config,
    Set<String> roots,
    Optional<String> environment,
    List<String> sources,
    List<Problem> problems) {

  /** Checks for nulls and copies the collections. */
  public LoadedConfig {
    Objects.requireNonNull(config, "config");
    roots = Set.copyOf(roots);
    Objects.requireNonNull(environment, "environment");
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
  }

  /** A check of this configuration, starting with the loading problems. */
  public ConfigCheck check() {
    return ConfigCheck.of(this);
  }

  /**
   * This configuration after the standard checks (execution settings, Spark settings, connectors).
   *
   * @throws ConfigurationException listing every problem, numbered
   */
  public LoadedConfig checked() {
    check().standard().throwIfInvalid();
    return this;
  }

  /** The secrets of this configuration, for redaction. */
  public Secrets secrets() {
    return Secrets.of(config);
  }

  /** The environment, sources, roots and problem count; never a configuration value. */
  @Override
  public String toString() {
    return "LoadedConfig[environment="
        + environment.orElse("(none)")
        + ", sources="
        + sources
        + ", roots="
        + new java.util.TreeSet<>(roots)
        + ", problems="
        + problems.size()
        + "]";
  }
}
