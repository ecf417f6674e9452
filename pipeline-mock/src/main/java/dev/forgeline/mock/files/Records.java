package dev.forgeline.mock.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Collects the records of one read and applies the parse mode to malformed ones, as Spark's
 * FailureSafeParser: PERMISSIVE keeps the fields that parsed and puts the raw text in the corrupt
 * record column when the schema has one, DROPMALFORMED drops the record, FAILFAST fails the read.
 */
final class Records {
  private final ParseMode mode;
  private final int corruptIndex;
  private final List<Object[]> rows = new ArrayList<>();

  Records(ParseMode mode, StructType schema, Options options) {
    this.mode = mode;
    String corrupt = options.get("columnNameOfCorruptRecord", "_corrupt_record");
    int found = -1;
    for (int i = 0; i < schema.fields().length; i++) {
      if (schema.fields()[i].name().equals(corrupt)) {
        found = i;
      }
    }
    this.corruptIndex = found;
  }

  /** The index of the corrupt record column in the read schema, or -1. */
  int corruptIndex() {
    return corruptIndex;
  }

  void good(Object[] row) {
    rows.add(row);
  }

  /** A malformed record: {@code partial} holds what parsed (may be null), {@code raw} its text. */
  void malformed(Object[] partial, String raw, Path file, int width) {
    switch (mode) {
      case FAILFAST:
        throw FileErrors.malformedRecord(raw, file);
      case DROPMALFORMED:
        return;
      default:
        Object[] row = partial == null ? new Object[width] : partial;
        if (corruptIndex >= 0) {
          row[corruptIndex] = raw;
        }
        rows.add(row);
    }
  }

  List<Object[]> rows() {
    return rows;
  }
}
