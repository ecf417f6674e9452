package dev.forgeline.test;

import dev.forgeline.mock.MockSparkSession;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/**
 * Which Spark a {@link SparkTest} runs on: the in-memory mock (the default) or a real local Spark
 * session shared by the test JVM. The switch is the system property {@value #PROPERTY} or, when
 * that is not set, the environment variable {@value #ENV_VARIABLE}; each takes {@code mock} or
 * {@code spark}.
 *
 * <pre>{@code
 * mvn test                                   # on the mock
 * mvn test -Dforgeline.test.backend=spark    # the same tests on local Spark
 * FORGELINE_TEST_BACKEND=spark mvn test      # the same, for a nightly job
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Backend {
  /** The in-memory {@link MockSparkSession}. */
  MOCK("mock"),
  /** A real local Spark session; needs spark-sql on the test classpath. */
  SPARK("spark");

  /** The system property choosing the backend. */
  public static final String PROPERTY = "forgeline.test.backend";

  /** The environment variable choosing the backend when the property is not set. */
  public static final String ENV_VARIABLE = "FORGELINE_TEST_BACKEND";

  private final String label;

  Backend(String label) {
    this.label = label;
  }

  /** The name the switch takes: {@code mock} or {@code spark}. */
  public String label() {
    return label;
  }

  /**
   * The backend this JVM's tests run on.
   *
   * @throws IllegalStateException when the switch holds something other than mock or spark
   */
  public static Backend current() {
    return select(System.getProperties(), System.getenv());
  }

  /** The backend of {@code session}: the mock's class or anything else, which is real Spark. */
  public static Backend of(SparkSession session) {
    Objects.requireNonNull(session, "session");
    return session instanceof MockSparkSession ? MOCK : SPARK;
  }

  /** The backend the given property set and environment choose. */
  static Backend select(Properties properties, Map<String, String> environment) {
    String fromProperty = properties.getProperty(PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return parse(fromProperty, "system property " + PROPERTY);
    }
    String fromEnv = environment.get(ENV_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return parse(fromEnv, "environment variable " + ENV_VARIABLE);
    }
    return MOCK;
  }

  /** Where the switch was set, for messages. */
  static String source(Properties properties, Map<String, String> environment) {
    String fromProperty = properties.getProperty(PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return "system property " + PROPERTY + "=" + fromProperty;
    }
    String fromEnv = environment.get(ENV_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return "environment variable " + ENV_VARIABLE + "=" + fromEnv;
    }
    return "the default";
  }

  private static Backend parse(String value, String where) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (Backend b : values()) {
      if (b.label.equals(v)) {
        return b;
      }
    }
    throw new IllegalStateException(
        where + " was [" + value + "] but must be one of [mock, spark]");
  }
}
