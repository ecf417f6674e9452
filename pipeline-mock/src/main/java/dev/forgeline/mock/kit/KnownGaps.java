package dev.forgeline.mock.kit;

import java.util.Map;

/**
 * The one list of kit cases the mock does not pass yet, case id to reason (the first difference
 * the kit reports), as {@code Map.entry("area.name", "reason")}. Keep it honest and short: the
 * kit's test fails when a listed case starts passing, so every fix shrinks it.
 * {@code ContractKitTest} writes every differing case with its first difference to
 * {@code contract-kit-differences.tsv} in the build dir.
 */
final class KnownGaps {

  static final Map<String, String> ALL = Map.ofEntries(
      Map.entry("edge-parse.to-date-format", "to_date(literal, pattern) is not nullable on"
          + " Spark (constant-folded), nullable on the mock"),
      Map.entry("edge-overflow.byte-overflow", "tinyint + tinyint overflow: Spark raises"
          + " [BINARY_ARITHMETIC_OVERFLOW], the mock [ARITHMETIC_OVERFLOW]"),
      Map.entry("edge-collections.distinct-map", "distinct over a map column: Spark raises"
          + " [UNSUPPORTED_FEATURE.SET_OPERATION_ON_MAP_TYPE], the mock returns rows"),
      Map.entry("edge-misc.split-empty-pattern", "split('abc', '') is [a, b, c] on Spark, the"
          + " mock adds a trailing empty string"),
      Map.entry("edge-misc.union-struct-names", "union of structs with different field names:"
          + " Spark keeps the left names, the mock raises [INCOMPATIBLE_COLUMN_TYPE]"),
      Map.entry("edge-misc.lag-default-widening", "lag(int, 1, 1.5) is int on Spark (default"
          + " cast to the input type), double on the mock"));

  private KnownGaps() {}
}
