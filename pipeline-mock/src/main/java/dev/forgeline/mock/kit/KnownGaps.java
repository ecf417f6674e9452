package dev.forgeline.mock.kit;

import java.util.Map;

/**
 * The one list of kit cases the mock does not pass yet, case id to reason (the first difference the
 * kit reports), as {@code Map.entry("area.name", "reason")}. Keep it honest and short: the kit's
 * test fails when a listed case starts passing, so every fix shrinks it. {@code ContractKitTest}
 * writes every differing case with its first difference to {@code contract-kit-differences.tsv} in
 * the build dir.
 */
final class KnownGaps {

  static final Map<String, String> ALL =
      Map.ofEntries(
          Map.entry(
              "expr-literals.typed-timestamp",
              "TIMESTAMP '...' in an expression string is cast at run time (nullable); only"
                  + " spark.sql statements know the session zone to make it a literal"),
          Map.entry(
              "expr-literals.array-subscript",
              "array(...)[i] of literals is nullable on the mock, not on Spark (constant folding)"),
          Map.entry(
              "expr-lambdas.array-sort-comparator",
              "array_sort's comparator lambda inside an expression string does not bind on the"
                  + " mock (INVALID_LAMBDA_FUNCTION_CALL)"),
          Map.entry(
              "nullability.map-value-nullability",
              "a filter on a column the projection dropped runs before the projection on the"
                  + " mock, so map() never sees the null key Spark fails on"),
          Map.entry(
              "reader-schema.varchar-preserved",
              "files read with CHAR/VARCHAR kept by spark.sql.preserveCharVarcharTypeInfo: Spark"
                  + " checks (EXCEED_LIMIT_LENGTH) and pads the values, the mock says it does not"
                  + " support it"));

  private KnownGaps() {}
}
