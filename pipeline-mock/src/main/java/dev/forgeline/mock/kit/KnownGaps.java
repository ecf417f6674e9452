package dev.forgeline.mock.kit;

import java.util.Map;

/**
 * The one list of kit cases the mock does not pass yet, case id to reason (the first difference
 * the kit reports). Keep it honest and short: the kit's test fails when a listed case starts
 * passing, so every fix shrinks it. {@code ContractKitTest} writes every differing case with its
 * first difference to {@code contract-kit-differences.tsv} in the build dir.
 */
final class KnownGaps {

  /**
   * describe()/summary() print stddev as a string, so the kit's tolerance cannot apply: Spark
   * merges per-partition moments (six local rows make two partitions on local[2]) and its last
   * digits differ from the mock's (Spark 9.721111047611789, mock 9.72111104761179).
   */
  private static final String STDDEV_DIGITS = "stddev string differs in the last digits: Spark"
      + " merges partial moments of its two input partitions; the mock does not reproduce that";

  static final Map<String, String> ALL = Map.ofEntries(
      gap("describe.describe-all", STDDEV_DIGITS),
      gap("describe.describe-some", STDDEV_DIGITS),
      gap("describe.summary-default", STDDEV_DIGITS));

  private KnownGaps() {}

  private static Map.Entry<String, String> gap(String id, String reason) {
    return Map.entry(id, reason);
  }
}
