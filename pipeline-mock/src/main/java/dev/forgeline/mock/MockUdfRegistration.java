package dev.forgeline.mock;

import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.engine.UdfLookup;
import dev.forgeline.mock.engine.Udfs;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.UDFRegistration;
import org.apache.spark.sql.expressions.SparkUserDefinedFunction;
import org.apache.spark.sql.expressions.UserDefinedAggregateFunction;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;

/** spark.udf(): registered Java and Scala UDFs, callable by name with {@code call_udf}. */
@SuppressWarnings("deprecation")
final class MockUdfRegistration extends UDFRegistration implements UdfLookup {
  private final Map<String, SparkUserDefinedFunction> functions = new ConcurrentHashMap<>();

  @Override
  @Unsupported
  public void registerJava(String name, String className, DataType returnType) {
    throw MockSparkSession.unsupported("UDFRegistration.registerJava(String, String, DataType)");
  }

  @Override
  @Unsupported
  public UserDefinedAggregateFunction register(String name, UserDefinedAggregateFunction udaf) {
    throw MockSparkSession.unsupported(
        "UDFRegistration.register(String, UserDefinedAggregateFunction)");
  }

  @Override
  public UserDefinedFunction register(
      String name, UserDefinedFunction udf, String source, boolean deterministic) {
    if (!(udf instanceof SparkUserDefinedFunction f)) {
      throw MockSparkSession.unsupported("registering a " + udf.getClass().getName());
    }
    UserDefinedFunction named = udf.withName(name);
    functions.put(name.toLowerCase(Locale.ROOT), (SparkUserDefinedFunction) named);
    return named;
  }

  @Override
  public boolean has(String name) {
    return functions.containsKey(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public Expr bind(String name, List<Expr> args, SessionConf conf) {
    return Udfs.call(functions.get(name.toLowerCase(Locale.ROOT)), name, args, conf);
  }
}
