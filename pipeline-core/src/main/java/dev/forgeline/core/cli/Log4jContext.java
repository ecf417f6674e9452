package dev.forgeline.core.cli;

import java.net.URI;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.spark.SparkConf;

/**
 * The part of {@link LogDefaults} that touches Log4j 2's core; loaded only once it is known to be
 * on the class path.
 */
final class Log4jContext {
  private static final String SPARK_CONF = "org.apache.spark.SparkConf";
  private static final String SPARK_FALLBACK = "org/apache/spark/log4j2-defaults.properties";

  private Log4jContext() {}

  static LogDefaults.Result applyIfUnconfigured(URI config) {
    settleSparkLogging();
    if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
      return LogDefaults.Result.NOT_LOG4J; // Log4j's API bridged to another back end
    }
    if (!unconfigured(context.getConfiguration())) {
      return LogDefaults.Result.USER_CONFIGURED;
    }
    context.setConfigLocation(config);
    return LogDefaults.Result.APPLIED;
  }

  /**
   * Lets Spark initialize its logging now, silently, if it has not yet. Spark re-applies its
   * fallback profile when it initializes after having used it once (spark-submit initializes, then
   * resets, before the application's main runs); once it has initialized, it leaves the
   * configuration alone.
   */
  private static void settleSparkLogging() {
    try {
      Class.forName(SPARK_CONF, false, Log4jContext.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return; // no Spark core here (the mock backend alone): nothing of Spark's will reconfigure
    }
    SparkLogging.initialize();
  }

  /** Touches Spark's core; loaded only once it is known to be on the class path. */
  private static final class SparkLogging {
    static void initialize() {
      new SparkConf(false).initializeLogIfNecessary(false, true);
    }
  }

  /** Log4j's bare default, Spark's fallback profile, or one of Forgeline's own configurations. */
  private static boolean unconfigured(Configuration configuration) {
    if (configuration instanceof DefaultConfiguration) {
      return true;
    }
    ConfigurationSource source = configuration.getConfigurationSource();
    String location = source == null ? null : source.getLocation();
    if (location == null) {
      return false; // built in code by the application
    }
    String normalized = location.replace('\\', '/');
    return normalized.endsWith(SPARK_FALLBACK)
        || normalized.endsWith(LogDefaults.QUIET)
        || normalized.endsWith(LogDefaults.VERBOSE);
  }
}
