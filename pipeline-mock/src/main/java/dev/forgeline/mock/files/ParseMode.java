package dev.forgeline.mock.files;

import java.util.Locale;

/** How a reader treats a malformed record, as Spark's ParseMode. */
public enum ParseMode {
  /**
   * Keeps the record: the fields that parse, nulls elsewhere, the raw text in the corrupt column.
   */
  PERMISSIVE,
  /** Drops the record. */
  DROPMALFORMED,
  /** Fails the read. */
  FAILFAST;

  /** Spark's lenient lookup: an unknown mode falls back to PERMISSIVE (Spark logs a warning). */
  static ParseMode of(String text) {
    String t = text.toUpperCase(Locale.ROOT);
    for (ParseMode m : values()) {
      if (m.name().equals(t)) {
        return m;
      }
    }
    return PERMISSIVE;
  }
}
