package dev.forgeline.core.cli;

import java.net.URISyntaxException;
import java.net.URL;

/**
 * Forgeline's default log configuration for the processes it starts: the command line, the examples
 * and the test toolkit. Spark, Hadoop, Delta and Parquet log warnings and errors; Forgeline logs
 * the run and each step's start and end at INFO, on standard error.
 *
 * <p>It is applied only when nothing else configured Log4j 2: a {@code log4j2.properties} (or
 * {@code .xml}, {@code -test} variant) on the class path, a {@code -Dlog4j2.configurationFile} or
 * an application that configured it in code all win, and so does a logging back end other than
 * Log4j 2 (such as Logback). Spark's own fallback profile (everything at INFO) counts as nothing
 * configured. A library embedding Forgeline is never reconfigured: only the entry points above call
 * this.
 *
 * @since 0.1.0
 */
public final class LogDefaults {
  /** The class-path resource of the default configuration. */
  public static final String QUIET = "dev/forgeline/core/cli/forgeline-log4j2.properties";

  /** The class-path resource of the {@code --verbose} configuration: Spark's INFO lines too. */
  public static final String VERBOSE = "dev/forgeline/core/cli/forgeline-log4j2-verbose.properties";

  private static final String LOG4J_CORE = "org.apache.logging.log4j.core.LoggerContext";

  private LogDefaults() {}

  /** What {@link #apply(boolean)} did. */
  public enum Result {
    /** Forgeline's configuration is now in effect. */
    APPLIED,
    /** Log4j 2 was configured by the user (a file, a property or code); nothing changed. */
    USER_CONFIGURED,
    /** Log4j 2's core is not the logging back end here; nothing changed. */
    NOT_LOG4J
  }

  /**
   * Applies the default configuration, or the verbose one, unless the user configured logging.
   *
   * @param verbose whether Spark's and Delta's INFO lines are wanted too
   * @return what was done
   */
  public static Result apply(boolean verbose) {
    if (!present()) {
      return Result.NOT_LOG4J;
    }
    URL url = LogDefaults.class.getClassLoader().getResource(verbose ? VERBOSE : QUIET);
    if (url == null) {
      throw new IllegalStateException("Forgeline's log configuration is missing from its jar");
    }
    try {
      return Log4jContext.applyIfUnconfigured(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Forgeline's log configuration has no valid URI: " + url, e);
    }
  }

  private static boolean present() {
    try {
      Class.forName(LOG4J_CORE, false, LogDefaults.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
