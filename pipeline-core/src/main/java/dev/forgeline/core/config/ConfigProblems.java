package dev.forgeline.core.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.List;

/** Builds configuration problems, one factory method per kind; public for the connector package. */
public final class ConfigProblems {
  private ConfigProblems() {}

  /**
   * Where a value came from: {@code file:line}, {@code resource:line}, or typesafe's description.
   */
  public static String where(ConfigOrigin origin) {
    if (origin == null) {
      return "unknown origin";
    }
    // A classpath resource is named as such: its absolute file depends on the machine.
    String file = origin.resource() != null ? origin.resource() : origin.filename();
    if (file != null) {
      return origin.lineNumber() > 0 ? file + ":" + origin.lineNumber() : file;
    }
    return origin.description();
  }

  static Problem missingFile(String file, String how) {
    return new Problem(
        ErrorId.MISSING_CONFIG_FILE,
        "The configuration file [" + file + "] does not exist.",
        "file [" + file + "]",
        List.of("asked for by: " + how),
        "check the path, or leave the option out to use application.conf from the classpath.");
  }

  static Problem unknownEnvironment(String env, String how, String expected, List<String> known) {
    return new Problem(
        ErrorId.UNKNOWN_ENVIRONMENT,
        "The environment [" + env + "] has no overlay file.",
        "environment [" + env + "] (from " + how + ")",
        List.of("expected: " + expected, "known environments: " + known),
        "create " + expected + ", or choose one of " + known + ".");
  }

  static Problem syntax(ConfigException e) {
    return new Problem(
        ErrorId.CONFIG_SYNTAX,
        "A configuration file cannot be parsed.",
        where(e.origin()),
        List.of("parser: " + withoutOrigin(e)),
        "fix the HOCON syntax at that line.");
  }

  static Problem unresolved(ConfigException e) {
    return new Problem(
        ErrorId.MISSING_CONFIG_KEY,
        "A substitution names a key or environment variable that is not set.",
        where(e.origin()),
        List.of("typesafe-config: " + withoutOrigin(e)),
        "set the environment variable or key, or use ${?NAME} with a default before it.");
  }

  /** A required key that is absent. */
  public static Problem missingKey(String path, String expected, ConfigOrigin parentOrigin) {
    List<String> found = new ArrayList<>();
    found.add("expected: " + expected);
    if (parentOrigin != null) {
      found.add("its parent is defined at: " + where(parentOrigin));
    }
    return new Problem(
        ErrorId.MISSING_CONFIG_KEY,
        "The key [" + path + "] is missing.",
        "key [" + path + "]",
        found,
        missingKeyHint(path, "the application file or its environment overlay"));
  }

  /** The hint of {@link #missingKey}, naming where the key may be added. */
  static String missingKeyHint(String path, String files) {
    return "add " + path + " to " + files + ".";
  }

  /** A value of the wrong type. */
  public static Problem wrongType(
      String path, ConfigOrigin origin, String foundType, String expected) {
    return new Problem(
        ErrorId.WRONG_CONFIG_TYPE,
        "The key [" + path + "] has the wrong type.",
        "key [" + path + "] at " + where(origin),
        List.of("found: " + foundType, "expected: " + expected),
        "change the value at that line.");
  }

  /** A value of the right type whose content is not accepted. */
  public static Problem badValue(String path, ConfigOrigin origin, String shown, String expected) {
    return new Problem(
        ErrorId.BAD_CONFIG_VALUE,
        "The key [" + path + "] was [" + shown + "] but must be " + expected + ".",
        "key [" + path + "] at " + where(origin),
        List.of(),
        "change the value at that line.");
  }

  /** A connector whose type is not one Forgeline knows. */
  public static Problem unknownConnectorType(
      String connector, String path, ConfigOrigin origin, String type, List<String> known) {
    return new Problem(
        ErrorId.UNKNOWN_CONNECTOR_TYPE,
        "Connector [" + connector + "] has the unknown type [" + type + "].",
        "key [" + path + "] at " + where(origin),
        List.of("known types: " + known),
        "use one of " + known + ".");
  }

  /** A problem typesafe-config reported while reading a value, mapped to missing/wrong type. */
  static Problem fromTypesafe(String path, ConfigException e, String expected) {
    if (e instanceof ConfigException.Missing) {
      return missingKey(path, expected + "; typesafe-config: " + withoutOrigin(e), null);
    }
    if (e instanceof ConfigException.WrongType) {
      return wrongType(path, e.origin(), withoutOrigin(e), expected);
    }
    return badValue(path, e.origin(), withoutOrigin(e), expected);
  }

  /** typesafe's message without the origin it starts with (shown apart, machine-independent). */
  private static String withoutOrigin(ConfigException e) {
    String m = String.valueOf(e.getMessage());
    if (e.origin() != null && m.startsWith(e.origin().description())) {
      m = m.substring(e.origin().description().length()).replaceFirst("^:\\s*(\\d+:\\s*)?", "");
    }
    return m;
  }
}
