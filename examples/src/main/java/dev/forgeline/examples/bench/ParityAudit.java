package dev.forgeline.examples.bench;

import dev.forgeline.examples.bench.mock.ApiSurface;
import dev.forgeline.examples.bench.mock.FunctionSurface;
import dev.forgeline.examples.bench.mock.Sessions;
import dev.forgeline.mock.MockCapabilities;
import dev.forgeline.mock.kit.CaseResult;
import dev.forgeline.mock.kit.ContractKit;
import dev.forgeline.mock.kit.KitCase;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * The mock's parity audit ({@code examples/bench parity-audit}): abstract methods implemented vs
 * total per Spark class, {@code functions} methods supported vs total, and kit cases passing on
 * both backends. Its output feeds docs/mock.md.
 *
 * @since 0.1.0
 */
public final class ParityAudit implements Benchmark {

  /**
   * Spark's column node kinds the mock's binder evaluates itself (issue 3's list, plus SQL
   * expression strings); a {@code functions} method building one of them ({@code col}, {@code lit},
   * {@code when}, {@code asc}, {@code expr} ...) counts as supported. The kit's cases check these
   * nodes against Spark.
   */
  static final List<String> CORE_NODES =
      List.of(
          "UnresolvedAttribute",
          "Literal",
          "Alias",
          "Cast",
          "SortOrder",
          "Window",
          "CaseWhenOtherwise",
          "UnresolvedStar",
          "UnresolvedExtractValue",
          "UnresolvedRegex",
          "LambdaFunction",
          "InvokeInlineUserDefinedFunction",
          "SqlExpression");

  @Override
  public String name() {
    return "parity-audit";
  }

  @Override
  public String description() {
    return "mock vs Spark: abstract methods implemented, functions supported, kit cases passing";
  }

  /** Runs the audit alone, printing figures to standard out. */
  public static void main(String[] args) throws Exception {
    Bench.main(new String[] {"parity-audit"});
  }

  @Override
  public void run(Results results, PrintStream log) {
    SparkSession mock = Sessions.mock();
    Map<Class<?>, Function<SparkSession, Object>> probes = probes();
    ApiSurface.Audit dataset = null;
    for (Map.Entry<Class<?>, Function<SparkSession, Object>> p : probes.entrySet()) {
      Class<?> impl = implementation(p.getValue(), mock, log, p.getKey());
      ApiSurface.Audit a = ApiSurface.audit(p.getKey(), impl);
      System.out.printf(
          "api %-32s implemented %4d of %4d%s%n",
          p.getKey().getSimpleName(),
          a.implemented(),
          a.total(),
          impl == null ? "  (not provided by the mock)" : "");
      if (p.getKey() == Dataset.class) {
        dataset = a;
        a.missing().forEach(m -> log.println("  Dataset missing: " + m));
      }
    }
    results.put("dataset_methods_implemented", dataset.implemented());
    results.put("dataset_methods_total", dataset.total());

    Map<String, Set<String>> byMethod = FunctionSurface.sqlNamesByMethod();
    Set<String> names = new java.util.TreeSet<>(MockCapabilities.supportedFunctions());
    CORE_NODES.forEach(n -> names.add(FunctionSurface.NODE_PREFIX + n));
    Set<String> supported = FunctionSurface.supportedMethods(byMethod, names);
    List<String> unsupported = new ArrayList<>(byMethod.keySet());
    unsupported.removeAll(supported);
    log.println("functions not supported: " + unsupported);
    results.put("functions_supported", supported.size());
    results.put("functions_total", byMethod.size());

    Set<String> kinds = SqlStatementSurface.grammarKinds();
    Set<String> runs = SqlStatementSurface.supportedKinds(log);
    System.out.printf(
        "sql statement kinds supported %d of %d: %s%n", runs.size(), kinds.size(), runs);
    results.put("sql_statement_kinds_supported", runs.size());
    results.put("sql_statement_kinds_total", kinds.size());

    SparkSession spark = Sessions.localSpark();
    Map<String, int[]> byArea = new TreeMap<>();
    int passing = 0;
    for (KitCase c : ContractKit.cases()) {
      CaseResult r = ContractKit.compare(c, spark, Sessions.mock());
      int[] counts = byArea.computeIfAbsent(c.area(), k -> new int[2]);
      counts[1]++;
      if (r.passesBoth()) {
        passing++;
        counts[0]++;
      } else {
        String gap = ContractKit.knownGaps().containsKey(c.id()) ? "known gap" : "NOT a known gap";
        System.out.printf("kit differs %s (%s): %s%n", c.id(), gap, r.headline());
      }
    }
    byArea.forEach(
        (area, n) -> System.out.printf("kit %-24s passing %4d of %4d%n", area, n[0], n[1]));
    results.put("kit_cases_passing_both", passing);
    results.put("kit_cases_total", ContractKit.cases().size());
  }

  private static Class<?> implementation(
      Function<SparkSession, Object> probe, SparkSession mock, PrintStream log, Class<?> api) {
    try {
      Object o = probe.apply(mock);
      return o == null ? null : o.getClass();
    } catch (RuntimeException e) {
      log.println("  " + api.getSimpleName() + " unavailable on the mock: " + e.getMessage());
      return null;
    }
  }

  /** How to reach each abstract class from a session. */
  private static Map<Class<?>, Function<SparkSession, Object>> probes() {
    Map<Class<?>, Function<SparkSession, Object>> p = new LinkedHashMap<>();
    p.put(SparkSession.class, s -> s);
    p.put(Dataset.class, s -> s.range(1).toDF());
    p.put(org.apache.spark.sql.RelationalGroupedDataset.class, s -> s.range(1).groupBy());
    p.put(org.apache.spark.sql.DataFrameNaFunctions.class, s -> s.range(1).na());
    p.put(org.apache.spark.sql.DataFrameStatFunctions.class, s -> s.range(1).stat());
    p.put(org.apache.spark.sql.RuntimeConfig.class, SparkSession::conf);
    p.put(org.apache.spark.sql.DataFrameReader.class, SparkSession::read);
    p.put(org.apache.spark.sql.DataFrameWriter.class, s -> s.range(1).write());
    p.put(org.apache.spark.sql.DataFrameWriterV2.class, s -> s.range(1).writeTo("t"));
    p.put(org.apache.spark.sql.catalog.Catalog.class, SparkSession::catalog);
    p.put(org.apache.spark.sql.UDFRegistration.class, SparkSession::udf);
    p.put(
        org.apache.spark.sql.KeyValueGroupedDataset.class,
        s ->
            s.range(1)
                .groupByKey(
                    (org.apache.spark.api.java.function.MapFunction<Long, Long>) v -> v,
                    org.apache.spark.sql.Encoders.LONG()));
    return p;
  }
}
