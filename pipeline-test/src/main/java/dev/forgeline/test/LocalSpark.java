package dev.forgeline.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The one real local Spark session of the test JVM, created on first use and never stopped (the
 * JVM's end stops it). Settings: {@code local[2]}, no UI, two shuffle partitions, a warehouse in a
 * temporary directory, then every {@code spark.*} entry of the classpath resource {@value
 * #SETTINGS} (for example Delta's extension), then {@code forgeline.test.spark.master}.
 */
final class LocalSpark {
  /** The classpath resource with extra Spark settings for the real session. */
  static final String SETTINGS = "forgeline-test.properties";

  /** The system property overriding the master URL. */
  static final String MASTER_PROPERTY = "forgeline.test.spark.master";

  /** A class of spark-sql's classic implementation: present exactly when Spark's runtime is. */
  static final String CLASSIC_SESSION = "org.apache.spark.sql.classic.SparkSession";

  private static final AtomicLong DATABASES = new AtomicLong();

  private LocalSpark() {}

  private static final class Holder {
    static final SparkSession SESSION = create();
  }

  /** The shared session. */
  static SparkSession shared() {
    requireOnClasspath(LocalSpark.class.getClassLoader());
    return Holder.SESSION;
  }

  /** A session of its own: own conf, temp views and UDFs, and a fresh current database. */
  static SparkSession isolated() {
    SparkSession session = shared().newSession();
    String db = "forgeline_test_" + DATABASES.incrementAndGet();
    session.sql("CREATE DATABASE IF NOT EXISTS " + db);
    session.catalog().setCurrentDatabase(db);
    return session;
  }

  /** Drops the database {@link #isolated()} made, with its tables. */
  static void release(SparkSession session) {
    String db = session.catalog().currentDatabase();
    if (db.startsWith("forgeline_test_")) {
      session.sql("DROP DATABASE IF EXISTS " + db + " CASCADE");
    }
  }

  /**
   * Fails with a message naming the missing dependency when Spark's runtime is not visible to
   * {@code loader}.
   */
  static void requireOnClasspath(ClassLoader loader) {
    try {
      Class.forName(CLASSIC_SESSION, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ExtensionConfigurationException(
          TestError.SPARK_NOT_ON_CLASSPATH.tag()
              + " The test backend is [spark] ("
              + Backend.source(System.getProperties(), System.getenv())
              + "), but Spark's runtime is not on the test classpath: class ["
              + CLASSIC_SESSION
              + "] was not found.\n"
              + "  hint: add org.apache.spark:spark-sql_2.13 (the version Forgeline is built with)"
              + " to the test classpath, for example with <scope>test</scope>, or run on the"
              + " mock by unsetting "
              + Backend.PROPERTY
              + " and "
              + Backend.ENV_VARIABLE
              + ".",
          e);
    }
  }

  private static SparkSession create() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.ui.enabled", "false");
    conf.put("spark.sql.shuffle.partitions", "2");
    conf.put("spark.sql.warehouse.dir", warehouse());
    conf.putAll(fromResource());
    SparkSession.Builder b =
        SparkSession.builder()
            .master(System.getProperty(MASTER_PROPERTY, "local[2]"))
            .appName("forgeline-tests");
    conf.forEach(b::config);
    return b.getOrCreate();
  }

  private static String warehouse() {
    try {
      Path dir = Files.createTempDirectory("forgeline-test-warehouse");
      dir.toFile().deleteOnExit();
      return dir.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> fromResource() {
    Map<String, String> out = new LinkedHashMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in =
        (loader != null ? loader : LocalSpark.class.getClassLoader())
            .getResourceAsStream(SETTINGS)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        for (String key : p.stringPropertyNames()) {
          if (!key.startsWith("spark.")) {
            throw new ExtensionConfigurationException(
                SETTINGS
                    + " has the key ["
                    + key
                    + "] but holds Spark settings only, whose keys start with [spark.]");
          }
          out.put(key, p.getProperty(key));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SETTINGS + " from the classpath", e);
    }
    return out;
  }
}
