package dev.forgeline.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class whose tests get a {@code SparkSession}: as a parameter of a test,
 * {@code @BeforeEach} or {@code @AfterEach} method, or in any non-final instance field of type
 * {@code SparkSession}. The session is the mock unless {@link Backend} says {@code spark}.
 *
 * <pre>{@code
 * @SparkTest
 * class RevenueTest {
 *   SparkSession spark;                       // injected before each test
 *
 *   @Test
 *   void sumsPaidOrders() {
 *     Dataset<Row> orders = spark.createDataFrame(rows, schema);
 *     assertDatasetEquals(expected, Revenue.of(orders));
 *   }
 * }
 * }</pre>
 *
 * <p>Equivalent to {@code @ExtendWith(SparkExtension.class)} with the default isolation.
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SparkExtension.class)
public @interface SparkTest {

  /** Whether each test gets its own session or the class shares one. */
  Isolation isolation() default Isolation.PER_TEST;

  /**
   * How tests of a class share sessions.
   *
   * @since 0.1.0
   */
  enum Isolation {
    /**
     * Each test gets a fresh session: its own temp views, conf and catalog. On the mock a new
     * session; on Spark a {@code newSession()} of the JVM's shared session whose current database
     * is a fresh one, dropped after the test.
     */
    PER_TEST,
    /**
     * The tests of a class share one session, which {@code @BeforeAll} methods and static fields
     * receive too. Tests see each other's temp views and tables.
     */
    PER_CLASS
  }
}
