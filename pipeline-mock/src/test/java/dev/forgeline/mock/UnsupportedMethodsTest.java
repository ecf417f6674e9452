package dev.forgeline.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Every method marked {@link Unsupported} throws the mock's one UnsupportedOperationException. */
class UnsupportedMethodsTest {

  private static Object defaultValue(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return 'x';
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == double.class) {
      return 0.0;
    }
    if (type == float.class) {
      return 0.0f;
    }
    if (type == short.class) {
      return (short) 0;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    return 0;
  }

  @Test
  void everyUnsupportedMethodThrowsANamedError() throws Exception {
    MockSparkSession spark = MockSparkSession.create();
    Dataset<Row> df = spark.range(3).toDF();
    List<Object> targets =
        List.of(
            spark,
            df,
            df.na(),
            df.stat(),
            df.groupBy(),
            spark.read(),
            df.write(),
            spark.catalog(),
            spark.udf(),
            spark.conf(),
            MockSparkSession.builder(),
            df.groupByKey(
                (org.apache.spark.api.java.function.MapFunction<Row, Long>) r -> r.getLong(0),
                org.apache.spark.sql.Encoders.LONG()));
    int checked = 0;
    for (Object target : targets) {
      for (Method m : target.getClass().getDeclaredMethods()) {
        if (!m.isAnnotationPresent(Unsupported.class)) {
          continue;
        }
        Object[] args = new Object[m.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
          args[i] = defaultValue(m.getParameterTypes()[i]);
        }
        m.setAccessible(true);
        try {
          m.invoke(target, args);
          throw new AssertionError(m + " did not throw");
        } catch (InvocationTargetException e) {
          Throwable cause = e.getCause();
          assertInstanceOf(UnsupportedOperationException.class, cause, m.toString());
          assertTrue(
              cause.getMessage().startsWith("MockSparkSession does not support "),
              cause.getMessage());
          assertTrue(
              cause.getMessage().endsWith("; run this test on a local SparkSession"),
              cause.getMessage());
        }
        checked++;
      }
    }
    assertTrue(checked > 60, "checked " + checked);
    assertEquals(true, MockCapabilities.supportedFunctions().contains("row_number"));
  }
}
