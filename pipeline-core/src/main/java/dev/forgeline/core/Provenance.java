package dev.forgeline.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import dev.forgeline.core.config.ConfigLoader;
import dev.forgeline.core.config.Secrets;
import dev.forgeline.core.internal.exec.RunSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * What a run's report says produced it: the environment, Forgeline's version, the configuration's
 * hash (secret values and JVM system properties left out), and, per run, the session's Spark
 * version and application id.
 */
final class Provenance {
  /** The configuration key the loader sets to the chosen environment overlay. */
  static final String ENVIRONMENT_KEY = ConfigLoader.ENVIRONMENT_KEY;

  private static final String VERSION = readVersion();

  private final String environment;
  private final String configHash;
  private final Secrets secrets;

  private Provenance(String environment, String configHash, Secrets secrets) {
    this.environment = environment;
    this.configHash = configHash;
    this.secrets = secrets;
  }

  static Provenance of(Config config) {
    String env = config.hasPath(ENVIRONMENT_KEY) ? config.getString(ENVIRONMENT_KEY) : null;
    Secrets secrets = Secrets.of(config);
    return new Provenance(env, hash(config, secrets), secrets);
  }

  Secrets secrets() {
    return secrets;
  }

  /** pipeline-core's version, from the jar's build; null when run from unpackaged classes. */
  static String forgelineVersion() {
    return VERSION;
  }

  RunSetup.Provenance forSession(SparkSession session) {
    String sparkVersion = null;
    String appId = null;
    if (session != null) {
      try {
        sparkVersion = session.version();
        appId = session.conf().get("spark.app.id", null);
      } catch (RuntimeException e) {
        // A session that cannot say (a closed Connect client): the report leaves them unknown.
      }
    }
    return new RunSetup.Provenance(environment, VERSION, sparkVersion, appId, configHash);
  }

  /**
   * SHA-256 of every configuration value in key order, except values from JVM system properties or
   * environment variables and secret values (their keys count, so adding a secret changes it).
   */
  static String hash(Config config, Secrets secrets) {
    TreeMap<String, String> entries = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : config.entrySet()) {
      String origin = e.getValue().origin().description();
      if (origin.startsWith("system properties") || origin.startsWith("env variables")) {
        continue;
      }
      String value = e.getValue().render();
      entries.put(e.getKey(), Secrets.isSecretKey(e.getKey()) ? "<secret>" : secrets.redact(value));
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      entries.forEach(
          (k, v) -> {
            sha.update(k.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(v.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
          });
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  private static String readVersion() {
    try (InputStream in = Provenance.class.getResourceAsStream("forgeline-version.properties")) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version");
      return v == null || v.isBlank() || v.startsWith("${") ? null : v;
    } catch (IOException e) {
      return null;
    }
  }
}
