package dev.forgeline.mock.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/** Runs one case on one session: applies its settings, builds, observes, captures any error. */
final class CaseRunner {

  private CaseRunner() {}

  static Outcome run(KitCase kitCase, SparkSession session) {
    RuntimeConfig conf = session.conf();
    Map<String, Option<String>> previous = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> e : kitCase.conf().entrySet()) {
        previous.put(e.getKey(), conf.getOption(e.getKey()));
        conf.set(e.getKey(), e.getValue());
      }
      Dataset<Row> frame = kitCase.program().build(session);
      return kitCase.observation().observe(frame);
    } catch (Exception | LinkageError | AssertionError e) {
      return failure(e);
    } finally {
      previous.forEach(
          (key, old) -> {
            if (old.isDefined()) {
              conf.set(key, old.get());
            } else {
              conf.unset(key);
            }
          });
    }
  }

  /** The first error in the cause chain that carries a Spark condition, else the top one. */
  static Outcome.Failure failure(Throwable thrown) {
    Throwable chosen = thrown;
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof SparkThrowable st && st.getCondition() != null) {
        chosen = t;
        break;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String condition = null;
    Map<String, String> params = new LinkedHashMap<>();
    if (chosen instanceof SparkThrowable st) {
      condition = st.getCondition();
      Map<String, String> raw = st.getMessageParameters();
      if (raw != null) {
        raw.forEach((k, v) -> params.put(k, String.valueOf(v)));
      }
    }
    return new Outcome.Failure(
        publicType(chosen.getClass()), condition, params, chosen.getMessage());
  }

  /**
   * Maps Spark-internal exception classes (in sub-packages such as {@code sql.catalyst}) to their
   * nearest public ancestor in {@code org.apache.spark} or {@code org.apache.spark.sql}; other
   * classes keep their own name so an internal error of a backend shows up as a difference.
   */
  static String publicType(Class<?> type) {
    Class<?> c = type;
    while (c != null && isSparkInternal(c.getPackageName())) {
      c = c.getSuperclass();
    }
    return c == null ? type.getName() : c.getName();
  }

  private static boolean isSparkInternal(String pkg) {
    return pkg.startsWith("org.apache.spark.") && !pkg.equals("org.apache.spark.sql");
  }
}
