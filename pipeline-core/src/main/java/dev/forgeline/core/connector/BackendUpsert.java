package dev.forgeline.core.connector;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Upserts on a backend that is not classic Spark (the mock): Delta's {@code DeltaTable} needs a
 * classic session, so such a backend names its own upsert in its session conf under {@link
 * #CONF_KEY}, as the class of a static {@code upsert(SparkSession, String path, Dataset<Row>,
 * List<String> keys, List<String> partitionBy, Map<String, String> options)}. {@link Repository}
 * takes this path whenever the key is set, so user code has one path on every backend, and
 * pipeline-core needs no compile-time dependency on the backend.
 */
final class BackendUpsert {
  /** The session conf key naming the backend's upsert class. */
  static final String CONF_KEY = "spark.forgeline.backend.deltaUpsert";

  private static final MethodType SIGNATURE =
      MethodType.methodType(
          void.class,
          SparkSession.class,
          String.class,
          Dataset.class,
          List.class,
          List.class,
          Map.class);

  private BackendUpsert() {}

  /** The backend's upsert class name, or null for classic Spark and Spark Connect. */
  static String hook(SparkSession spark) {
    String name = spark.conf().get(CONF_KEY, "");
    return name.isBlank() ? null : name.trim();
  }

  static void upsert(String hook, SparkSession spark, ConnectorSpec spec, Dataset<Row> updates)
      throws Exception {
    if (spec.path().isEmpty()) {
      throw ConnectorException.unsupported(
          spec,
          "upsert into a catalog table on this backend (" + hook + ")",
          "declare path = ... for " + spec.configPath() + " where tests run on the mock");
    }
    MethodHandle h;
    try {
      h = MethodHandles.publicLookup().findStatic(Class.forName(hook), "upsert", SIGNATURE);
    } catch (ReflectiveOperationException e) {
      throw ConnectorException.unsupported(
          spec,
          "upsert through [" + hook + "] named by " + CONF_KEY,
          "it must have public static void upsert" + SIGNATURE);
    }
    try {
      h.invoke(spark, spec.path().get(), updates, spec.keys(), spec.partitionBy(), spec.options());
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
