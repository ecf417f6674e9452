package dev.forgeline.mock.kit;

import java.util.Map;
import java.util.WeakHashMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.execution.SparkSqlParser;

/**
 * The Spark session a case runs on as the reference. A case that needs Spark's own SQL parser
 * ({@link KitCase#needsSparkParser()}) given a classic session whose parser an extension replaced
 * runs on a session of the same SparkContext without extensions, made once per given session: Delta
 * 4.3.1's injected parser inherits Spark 4.1's default {@code parsePlanWithParameters}, which drops
 * the arguments of {@code spark.sql(query, args)} (Spark then raises UNBOUND_SQL_PARAMETER;
 * delta-io/delta#7640), and the mock follows Spark's own parser. Every runner of the kit (its test,
 * the parity audit) gets the same answer this way.
 */
final class ReferenceSessions {

  private static final Map<SparkSession, SparkSession> WITHOUT_EXTENSIONS = new WeakHashMap<>();

  private ReferenceSessions() {}

  static SparkSession forCase(KitCase kitCase, SparkSession spark) {
    if (!kitCase.needsSparkParser()
        || !(spark instanceof org.apache.spark.sql.classic.SparkSession classic)
        || classic.sessionState().sqlParser() instanceof SparkSqlParser) {
      return spark;
    }
    synchronized (WITHOUT_EXTENSIONS) {
      return WITHOUT_EXTENSIONS.computeIfAbsent(spark, s -> withoutExtensions(classic));
    }
  }

  /**
   * A session on the same SparkContext with no extensions: the primary constructor takes the
   * extensions as given, while the one-argument constructor would apply spark.sql.extensions again.
   */
  private static SparkSession withoutExtensions(org.apache.spark.sql.classic.SparkSession spark) {
    scala.collection.immutable.Map<String, String> none =
        scala.collection.immutable.Map$.MODULE$.empty();
    return new org.apache.spark.sql.classic.SparkSession(
        spark.sparkContext(),
        scala.Option.empty(),
        scala.Option.empty(),
        new SparkSessionExtensions(),
        none,
        none);
  }
}
