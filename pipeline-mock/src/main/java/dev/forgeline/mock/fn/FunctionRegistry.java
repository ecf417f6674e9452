package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.Aggregate;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.WindowCall;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one table of Spark SQL functions the mock implements, keyed by the lower-case name that
 * Spark's {@code functions} put into {@code UnresolvedFunction} nodes. Each family class registers
 * its functions in {@code register}; see the package documentation for how to add one.
 */
public final class FunctionRegistry {
  /** Builds a scalar expression from a call. */
  @FunctionalInterface
  public interface ScalarBuilder {
    Expr build(FnCall call);
  }

  /** Builds an aggregate from a call. */
  @FunctionalInterface
  public interface AggregateBuilder {
    Aggregate build(FnCall call);
  }

  /** Builds a ranking or offset window function (row_number, lag ...) from a call. */
  @FunctionalInterface
  public interface WindowBuilder {
    WindowCall.Function build(FnCall call);
  }

  /** Where a family puts its functions. */
  public interface Registrar {
    void scalar(String name, ScalarBuilder builder);

    void aggregate(String name, AggregateBuilder builder);

    void window(String name, WindowBuilder builder);
  }

  private static final Map<String, ScalarBuilder> SCALARS = new HashMap<>();
  private static final Map<String, AggregateBuilder> AGGREGATES = new HashMap<>();
  private static final Map<String, WindowBuilder> WINDOWS = new HashMap<>();

  static {
    Registrar r =
        new Registrar() {
          @Override
          public void scalar(String name, ScalarBuilder builder) {
            SCALARS.put(name, builder);
          }

          @Override
          public void aggregate(String name, AggregateBuilder builder) {
            AGGREGATES.put(name, builder);
          }

          @Override
          public void window(String name, WindowBuilder builder) {
            WINDOWS.put(name, builder);
          }
        };
    OperatorFunctions.register(r);
    ConditionalFunctions.register(r);
    StringFunctions.register(r);
    MathFunctions.register(r);
    DateFunctions.register(r);
    CollectionFunctions.register(r);
    HigherOrderFunctions.register(r);
    HashFunctions.register(r);
    AggregateFunctions.register(r);
    WindowFunctions.register(r);
    MiscFunctions.register(r);
    JsonFunctions.register(r);
  }

  private FunctionRegistry() {}

  /**
   * Loads the table. Sessions call this when they are created, so the one-off cost of loading every
   * family (about a hundred milliseconds on a cold JVM) is part of starting the first session, as
   * building Spark's function registry is part of starting a SparkSession, and not charged to
   * whichever query happens to call a function first.
   */
  public static void load() {
    // Class initialization has done the work by the time this runs.
  }

  /** Binds a call to a scalar, aggregate (in an aggregation) or errors as Spark does. */
  public static Expr bind(FnCall call) {
    String name = call.lowerName();
    if (dev.forgeline.mock.engine.Generators.isGenerator(name)) {
      throw Errors.analysis(
          "UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS", "expression", Errors.sqlExpr(call.sql()));
    }
    ScalarBuilder scalar = SCALARS.get(name);
    if (scalar != null) {
      return scalar.build(call);
    }
    AggregateBuilder agg = AGGREGATES.get(name);
    if (agg != null) {
      call.binder().enterAggregate();
      Aggregate built;
      try {
        built = agg.build(call);
      } finally {
        call.binder().exitAggregate();
      }
      return call.binder().addAggregate(built);
    }
    if (WINDOWS.containsKey(name)) {
      throw Errors.analysis(
          "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", "funcName", Errors.sqlExpr(name));
    }
    throw Errors.unresolvedRoutine(call.name());
  }

  /** The aggregate builder for a name, or null. */
  public static AggregateBuilder aggregate(String lowerName) {
    return AGGREGATES.get(lowerName);
  }

  /** The window-only builder for a name, or null. */
  public static WindowBuilder window(String lowerName) {
    return WINDOWS.get(lowerName);
  }

  /** Every implemented function name (operators included), lower case, sorted. */
  public static Set<String> names() {
    Set<String> all = new TreeSet<>();
    all.addAll(SCALARS.keySet());
    all.addAll(AGGREGATES.keySet());
    all.addAll(WINDOWS.keySet());
    all.addAll(
        java.util.List.of(
            "explode",
            "explode_outer",
            "posexplode",
            "posexplode_outer",
            "inline",
            "inline_outer"));
    return Collections.unmodifiableSet(all);
  }
}
