package dev.forgeline.core.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The parsed command line. */
record CliArguments(
    String pipeline,
    Optional<String> env,
    Optional<Path> config,
    Map<String, String> overrides,
    boolean dryRun,
    boolean verbose,
    boolean help) {

  static final String USAGE =
      String.join(
          "\n",
          "usage: ForgelineMain --pipeline <class> [--env <name>] [--config <application.conf>]",
          "                     [-Dkey=value ...] [--dry-run] [--verbose]",
          "  --pipeline  a PipelineDefinition class, or a Guice module binding one",
          "  --env       the environment overlay: <config name>-<env>.conf beside the application file",
          "  --config    the application file on disk (default: application.conf on the classpath)",
          "  -Dkey=value override a configuration key (also -D key=value)",
          "  --dry-run   check the configuration and the graph, print the plan, run nothing",
          "  --verbose   log Spark's and Delta's INFO lines too (ignored when a log4j2 file is"
              + " given)");

  /** Thrown for a command line that cannot be understood. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static CliArguments parse(String... args) {
    String pipeline = null;
    String env = null;
    Path config = null;
    Map<String, String> overrides = new LinkedHashMap<>();
    boolean dryRun = false;
    boolean verbose = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--pipeline" -> pipeline = once("--pipeline", pipeline, value(args, ++i, a));
        case "--env" -> env = once("--env", env, value(args, ++i, a));
        case "--config" -> config = Path.of(once("--config", config, value(args, ++i, a)));
        case "--dry-run" -> dryRun = true;
        case "--verbose", "-v" -> verbose = true;
        case "--help", "-h" -> help = true;
        case "-D" -> override(overrides, value(args, ++i, a));
        default -> {
          if (a.startsWith("-D") && a.length() > 2) {
            override(overrides, a.substring(2));
          } else {
            throw new UsageException("unknown argument [" + a + "]");
          }
        }
      }
    }
    if (pipeline == null && !help) {
      throw new UsageException("--pipeline is required");
    }
    return new CliArguments(
        pipeline,
        Optional.ofNullable(env),
        Optional.ofNullable(config),
        Map.copyOf(overrides),
        dryRun,
        verbose,
        help);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static <T> String once(String option, T old, String value) {
    if (old != null) {
      throw new UsageException(option + " was given twice: [" + old + "] and [" + value + "]");
    }
    return value;
  }

  private static void override(Map<String, String> overrides, String pair) {
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new UsageException("-D needs key=value but was [" + pair + "]");
    }
    overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
  }
}
