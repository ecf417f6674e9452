/**
 * The Spark SQL function library of the mock (internal, not API). {@link
 * dev.forgeline.mock.fn.FunctionRegistry} maps the lower-case names found in {@code
 * UnresolvedFunction} nodes to builders; one class per family (StringFunctions, MathFunctions,
 * DateFunctions, CollectionFunctions, HigherOrderFunctions, HashFunctions, ConditionalFunctions,
 * OperatorFunctions, MiscFunctions, JsonFunctions, AggregateFunctions, WindowFunctions).
 *
 * <p>To add a function: pick its family, register it in that class's {@code register} method under
 * the name Spark's {@code functions} uses ({@code r.scalar}, {@code r.aggregate} or {@code
 * r.window}), bind its arguments with {@link dev.forgeline.mock.fn.FnCall} helpers (they apply
 * Spark's implicit casts and raise its type errors), return a {@code Call} with Spark's result type
 * and pretty name, and add a contract-kit case comparing it with real Spark.
 */
package dev.forgeline.mock.fn;
