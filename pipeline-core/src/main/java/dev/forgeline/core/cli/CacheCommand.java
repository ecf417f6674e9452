package dev.forgeline.core.cli;

import dev.forgeline.core.cache.CacheEntry;
import dev.forgeline.core.cache.ResultCache;
import dev.forgeline.core.config.ConfigLoader;
import dev.forgeline.core.config.LoadedConfig;
import dev.forgeline.core.error.ConfigurationException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code forgeline cache list|clear}: lists or removes the entries of the disk result cache that
 * {@code forgeline.cache} declares (or the one {@code --dir} names), optionally only those of one
 * factory ({@code --factory}) or tag ({@code --tag}).
 */
final class CacheCommand {
  private final Map<String, String> environment;
  private final Properties systemProperties;
  private final PrintStream out;
  private final PrintStream err;
  private final ClassLoader classLoader;

  CacheCommand(
      Map<String, String> environment,
      Properties systemProperties,
      PrintStream out,
      PrintStream err,
      ClassLoader classLoader) {
    this.environment = environment;
    this.systemProperties = systemProperties;
    this.out = out;
    this.err = err;
    this.classLoader = classLoader;
  }

  int run(String... args) {
    String action = null;
    String factory = null;
    String tag = null;
    String dir = null;
    ConfigLoader loader =
        ConfigLoader.builder()
            .environment(environment)
            .systemProperties(systemProperties)
            .classLoader(classLoader);
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "list", "clear" -> action = once("action", action, a);
          case "--factory" -> factory = once(a, factory, value(args, ++i, a));
          case "--tag" -> tag = once(a, tag, value(args, ++i, a));
          case "--dir" -> dir = once(a, dir, value(args, ++i, a));
          case "--env" -> loader.env(value(args, ++i, a));
          case "--config" -> loader.file(Path.of(value(args, ++i, a)));
          case "-D" -> override(loader, value(args, ++i, a));
          default -> {
            if (a.startsWith("-D") && a.length() > 2) {
              override(loader, a.substring(2));
            } else {
              throw new CliArguments.UsageException("unknown argument [" + a + "]");
            }
          }
        }
      }
      if (action == null) {
        throw new CliArguments.UsageException("cache needs an action: list or clear");
      }
      if (factory != null && tag != null) {
        throw new CliArguments.UsageException("give --factory or --tag, not both");
      }
    } catch (CliArguments.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(CliArguments.USAGE);
      return ForgelineCli.USAGE;
    }
    ResultCache cache;
    try {
      Optional<ResultCache> found = cache(dir, loader);
      if (found.isEmpty()) {
        return ForgelineCli.FAILED;
      }
      cache = found.get();
    } catch (ConfigurationException | IllegalArgumentException e) {
      err.println(e.getMessage());
      return ForgelineCli.FAILED;
    }
    if (action.equals("list")) {
      list(cache, factory, tag);
    } else {
      int n =
          factory != null
              ? cache.invalidateFactory(factory)
              : tag != null ? cache.invalidateTag(tag) : cache.invalidateAll();
      out.println("Removed " + n + " entr" + (n == 1 ? "y" : "ies") + " from " + cache.describe());
    }
    return ForgelineCli.OK;
  }

  private Optional<ResultCache> cache(String dir, ConfigLoader loader) {
    if (dir != null) {
      return Optional.of(ResultCache.onDisk(Path.of(dir)));
    }
    LoadedConfig loaded = loader.load();
    if (!loaded.problems().isEmpty()) {
      err.println(new ConfigurationException(loaded.problems()).getMessage());
      return Optional.empty();
    }
    Optional<ResultCache> c = ResultCache.fromConfig(loaded.config());
    String storage =
        loaded.config().hasPath(ResultCache.CONFIG_PATH + ".storage")
            ? loaded.config().getString(ResultCache.CONFIG_PATH + ".storage")
            : null;
    if (c.isEmpty() || !"disk".equalsIgnoreCase(storage == null ? "" : storage.trim())) {
      err.println(
          "error: no disk result cache is configured: "
              + ResultCache.CONFIG_PATH
              + ".storage was ["
              + storage
              + "]; set storage = disk and dir, or pass --dir (an in-memory cache lives only in"
              + " its own process)");
      return Optional.empty();
    }
    return c;
  }

  private void list(ResultCache cache, String factory, String tag) {
    List<CacheEntry> entries =
        cache.entries().stream()
            .filter(e -> factory == null || e.factoryId().equals(factory))
            .filter(e -> tag == null || e.tags().contains(tag))
            .toList();
    out.println(
        cache.describe() + ": " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies"));
    for (CacheEntry e : entries) {
      out.printf(
          "  %s  %-24s %-16s created %s  last used %s  expires %s  %d bytes%s%n",
          e.key().substring(0, 16),
          e.factoryId(),
          e.pipeline(),
          e.created(),
          e.lastUsed(),
          e.expires() == null ? "never" : e.expires().toString(),
          e.sizeBytes(),
          e.tags().isEmpty() ? "" : "  tags " + e.tags());
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new CliArguments.UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static String once(String option, String old, String value) {
    if (old != null) {
      throw new CliArguments.UsageException(
          option + " was given twice: [" + old + "] and [" + value + "]");
    }
    return value;
  }

  private static void override(ConfigLoader loader, String pair) {
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new CliArguments.UsageException("-D needs key=value but was [" + pair + "]");
    }
    loader.override(pair.substring(0, eq), pair.substring(eq + 1));
  }
}
