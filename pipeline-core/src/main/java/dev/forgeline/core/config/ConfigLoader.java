package dev.forgeline.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueFactory;
import dev.forgeline.core.error.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Loads Forgeline's configuration: the entry point of this package.
 *
 * <p>Layers, lowest first: every {@code reference.conf} on the classpath; the application file
 * ({@code application.conf} from the classpath, or the file given to {@link #file(Path)}); the
 * environment overlay {@code <name>-<env>.conf} next to it (named after the application file),
 * where the environment comes from {@link #env(String)}, else the system property {@value
 * #ENV_PROPERTY}, else the environment variable {@value #ENV_VARIABLE}; then, overriding all of
 * them, environment variables named {@code CONFIG_FORCE_a_b} (for {@code a.b}), system properties,
 * and explicit {@link #override overrides} (the command line's {@code -Dkey=value}). Substitutions
 * such as {@code ${DB_PASSWORD}} resolve against the whole stack and then the environment map.
 *
 * <p>The environment map and the system properties are injected, so tests never touch globals:
 *
 * <pre>{@code
 * LoadedConfig loaded = ConfigLoader.builder()
 *     .environment(Map.of("DB_PASSWORD", "s3cret"))
 *     .systemProperties(new Properties())
 *     .file(Path.of("conf/application.conf"))
 *     .env("prod")
 *     .load();
 * Config config = loaded.checked().config();   // throws ConfigurationException listing every problem
 * }</pre>
 *
 * <p>A builder is not thread-safe; {@link #load()} may be called more than once.
 *
 * @since 0.1.0
 */
public final class ConfigLoader {
  /** The key the loaded configuration carries the chosen environment under. */
  public static final String ENVIRONMENT_KEY = "forgeline.environment";

  /** The system property choosing the environment overlay. */
  public static final String ENV_PROPERTY = "forgeline.env";

  /** The environment variable choosing the environment overlay. */
  public static final String ENV_VARIABLE = "FORGELINE_ENV";

  private static final String FORCE_PREFIX = "CONFIG_FORCE_";
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private Map<String, String> environment = Map.of();
  private Properties systemProperties = new Properties();
  private ClassLoader classLoader = ConfigLoader.class.getClassLoader();
  private Path file;
  private String resource = "application.conf";
  private String env;
  private final Map<String, String> overrides = new LinkedHashMap<>();

  private ConfigLoader() {}

  /**
   * A loader with an empty environment and no system properties; pass {@link System#getenv()} and
   * {@link System#getProperties()} from a {@code main} method.
   */
  public static ConfigLoader builder() {
    return new ConfigLoader();
  }

  /** The environment variables seen by substitutions, overrides and the environment choice. */
  public ConfigLoader environment(Map<String, String> environment) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    return this;
  }

  /** The system properties that override the files; they are copied. */
  public ConfigLoader systemProperties(Properties properties) {
    Objects.requireNonNull(properties, "properties");
    Properties copy = new Properties();
    copy.putAll(properties);
    this.systemProperties = copy;
    return this;
  }

  /** The class loader that finds {@code reference.conf} and classpath application files. */
  public ConfigLoader classLoader(ClassLoader classLoader) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    return this;
  }

  /** Reads the application file from disk; it must exist. Overlays are looked for beside it. */
  public ConfigLoader file(Path file) {
    this.file = Objects.requireNonNull(file, "file");
    return this;
  }

  /**
   * Reads the application file from the classpath under this name (default {@code
   * application.conf}); a missing resource is an empty layer unless an environment is chosen.
   */
  public ConfigLoader resource(String resource) {
    Objects.requireNonNull(resource, "resource");
    if (!resource.endsWith(".conf")) {
      throw new IllegalArgumentException("resource was [" + resource + "] but must end in .conf");
    }
    this.resource = resource;
    return this;
  }

  /** The environment overlay to apply; overrides the system property and environment variable. */
  public ConfigLoader env(String env) {
    this.env = Objects.requireNonNull(env, "env");
    return this;
  }

  /** Overrides one key with a string value, above everything else (HOCON parses its type later). */
  public ConfigLoader override(String path, String value) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
    overrides.put(path, value);
    return this;
  }

  /**
   * Loads and resolves the configuration. Problems of the files themselves (missing file, unknown
   * environment, syntax, unset substitution) are collected in the result, not thrown; call {@link
   * LoadedConfig#checked()} or {@link LoadedConfig#check()} to act on them.
   */
  public LoadedConfig load() {
    List<Problem> problems = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    Config reference = ConfigFactory.defaultReference(classLoader);
    sources.add("reference.conf (classpath)");
    ApplicationFiles files =
        file != null
            ? ApplicationFiles.onDisk(file)
            : ApplicationFiles.onClasspath(resource, classLoader);
    Config app = parse(() -> files.application(problems), problems);
    sources.add(files.describe());

    Optional<String> chosen = chooseEnv();
    Config overlay = ConfigFactory.empty();
    if (chosen.isPresent()) {
      String name = chosen.get();
      String how =
          env != null
              ? "env(...)"
              : systemProperties.getProperty(ENV_PROPERTY) != null
                  ? "system property " + ENV_PROPERTY
                  : "environment variable " + ENV_VARIABLE;
      if (!ENV_NAME.matcher(name).matches() || !files.hasOverlay(name)) {
        problems.add(
            ConfigProblems.unknownEnvironment(
                name, how, files.overlayName(name), files.environments()));
      } else {
        overlay = parse(() -> files.overlay(name), problems);
        sources.add(files.overlayName(name));
      }
    }
    Config layered =
        overridesLayer().withFallback(overlay).withFallback(app).withFallback(reference);
    if (chosen.isPresent() && !layered.hasPath(ENVIRONMENT_KEY)) {
      // The report says which environment produced a run; the loader is what knows it.
      layered =
          layered.withValue(
              ENVIRONMENT_KEY,
              ConfigValueFactory.fromAnyRef(
                  chosen.get(), "the chosen environment (" + ENVIRONMENT_KEY + ")"));
    }
    Config resolved = resolve(layered, problems);
    return new LoadedConfig(
        resolved, fileRoots(overlay, app, reference), chosen, sources, problems);
  }

  private Optional<String> chooseEnv() {
    if (env != null) {
      return Optional.of(env);
    }
    String p = systemProperties.getProperty(ENV_PROPERTY);
    if (p != null && !p.isBlank()) {
      return Optional.of(p.trim());
    }
    String v = environment.get(ENV_VARIABLE);
    return v != null && !v.isBlank() ? Optional.of(v.trim()) : Optional.empty();
  }

  private Config overridesLayer() {
    Map<String, String> forced = new LinkedHashMap<>();
    environment.forEach(
        (k, v) -> {
          if (k.startsWith(FORCE_PREFIX) && k.length() > FORCE_PREFIX.length()) {
            forced.put(envVarToPath(k.substring(FORCE_PREFIX.length())), v);
          }
        });
    return ConfigFactory.parseMap(overrides, "command-line override")
        .withFallback(
            ConfigFactory.parseProperties(
                systemProperties,
                ConfigParseOptions.defaults().setOriginDescription("system properties")))
        .withFallback(ConfigFactory.parseMap(forced, "environment variables CONFIG_FORCE_*"));
  }

  /**
   * typesafe-config's convention: {@code _} is a dot, {@code __} a dash, {@code ___} an underscore.
   */
  static String envVarToPath(String name) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < name.length()) {
      if (name.charAt(i) == '_') {
        int run = 0;
        while (i < name.length() && name.charAt(i) == '_') {
          run++;
          i++;
        }
        b.append(run == 1 ? "." : run == 2 ? "-" : "_");
      } else {
        b.append(name.charAt(i++));
      }
    }
    return b.toString();
  }

  private Config resolve(Config layered, List<Problem> problems) {
    Map<String, Object> envRoot = new LinkedHashMap<>();
    environment.forEach(
        (k, v) -> {
          if (!layered.root().containsKey(k)) {
            envRoot.put(k, v);
          }
        });
    Config withEnv =
        layered.withFallback(
            ConfigValueFactory.fromMap(envRoot, "environment variables").toConfig());
    ConfigResolveOptions options = ConfigResolveOptions.defaults().setUseSystemEnvironment(false);
    Config resolved;
    try {
      resolved = withEnv.resolve(options);
    } catch (ConfigException.UnresolvedSubstitution e) {
      problems.add(ConfigProblems.unresolved(e));
      resolved = withEnv.resolve(options.setAllowUnresolved(true));
    } catch (ConfigException e) {
      problems.add(ConfigProblems.syntax(e));
      return ConfigFactory.empty();
    }
    for (String k : envRoot.keySet()) {
      resolved = resolved.withoutPath(ConfigUtil.joinPath(k));
    }
    return resolved;
  }

  /** The top-level keys the files and explicit overrides define: what Forgeline binds by name. */
  private Set<String> fileRoots(Config overlay, Config app, Config reference) {
    Set<String> roots = new TreeSet<>();
    roots.addAll(overlay.root().keySet());
    roots.addAll(app.root().keySet());
    roots.addAll(reference.root().keySet());
    for (String path : overrides.keySet()) {
      roots.add(ConfigUtil.splitPath(path).get(0));
    }
    return roots;
  }

  private static Config parse(Supplier<Config> parser, List<Problem> problems) {
    try {
      return parser.get();
    } catch (ConfigException e) {
      problems.add(ConfigProblems.syntax(e));
      return ConfigFactory.empty();
    }
  }
}
