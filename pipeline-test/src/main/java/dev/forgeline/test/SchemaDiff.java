package dev.forgeline.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Compares two schemas under a {@link Comparison} and renders the difference as a table. */
final class SchemaDiff {
  private SchemaDiff() {}

  /** A column as the comparison sees it: its type with nested nullability, and its own. */
  static String describe(StructField f, boolean nullability) {
    return type(f.dataType(), nullability) + (nullability && !f.nullable() ? " not null" : "");
  }

  /** The type in Spark's short form, with {@code not null} on nested parts when it matters. */
  static String type(DataType t, boolean nullability) {
    if (t instanceof StructType s) {
      List<String> parts = new ArrayList<>();
      for (StructField f : s.fields()) {
        parts.add(f.name() + ": " + describe(f, nullability));
      }
      return "struct<" + String.join(", ", parts) + ">";
    }
    if (t instanceof ArrayType a) {
      return "array<"
          + type(a.elementType(), nullability)
          + (nullability && !a.containsNull() ? " not null" : "")
          + ">";
    }
    if (t instanceof MapType m) {
      return "map<"
          + type(m.keyType(), nullability)
          + ", "
          + type(m.valueType(), nullability)
          + (nullability && !m.valueContainsNull() ? " not null" : "")
          + ">";
    }
    return t.simpleString();
  }

  /** The columns as one line: {@code id int not null, name string}. */
  static String columns(StructType s, boolean nullability) {
    List<String> parts = new ArrayList<>();
    for (StructField f : s.fields()) {
      parts.add(f.name() + " " + describe(f, nullability));
    }
    return String.join(", ", parts);
  }

  /** Whether the schemas are equal under {@code c}. */
  static boolean equal(StructType expected, StructType actual, Comparison c) {
    return diffCount(expected, actual, c) == 0;
  }

  private static int diffCount(StructType expected, StructType actual, Comparison c) {
    int count = 0;
    Map<String, Integer> positions = positions(actual);
    for (int i = 0; i < expected.fields().length; i++) {
      StructField e = expected.fields()[i];
      Integer j = positions.get(e.name());
      if (j == null
          || !describe(e, c.nullability()).equals(describe(actual.fields()[j], c.nullability()))
          || (c.columnOrder() && j != i)) {
        count++;
      }
    }
    Map<String, Integer> own = positions(expected);
    for (StructField a : actual.fields()) {
      if (!own.containsKey(a.name())) {
        count++;
      }
    }
    return count;
  }

  /** The failure message's table: one line per column, marked {@code ! - + ~} where it differs. */
  static String table(StructType expected, StructType actual, Comparison c) {
    TextTable t = new TextTable().row(" ", "column", "expected", "actual");
    Map<String, Integer> positions = positions(actual);
    for (int i = 0; i < expected.fields().length; i++) {
      StructField e = expected.fields()[i];
      String ed = describe(e, c.nullability());
      Integer j = positions.get(e.name());
      if (j == null) {
        t.row("-", e.name(), ed, "(missing)");
        continue;
      }
      String ad = describe(actual.fields()[j], c.nullability());
      if (!ed.equals(ad)) {
        t.row("!", e.name(), ed, ad);
      } else if (c.columnOrder() && j != i) {
        t.row("~", e.name(), ed + " (column " + (i + 1) + ")", ad + " (column " + (j + 1) + ")");
      } else {
        t.row(" ", e.name(), ed, ad);
      }
    }
    Map<String, Integer> own = positions(expected);
    for (StructField a : actual.fields()) {
      if (!own.containsKey(a.name())) {
        t.row("+", a.name(), "(missing)", describe(a, c.nullability()));
      }
    }
    return t.render();
  }

  /** The message of a schema mismatch. */
  static String message(StructType expected, StructType actual, Comparison c) {
    int n = diffCount(expected, actual, c);
    return "Dataset schemas differ ("
        + (c.columnOrder() ? "column order matters" : "any column order")
        + (c.nullability() ? ", nullability matters" : ", nullability ignored")
        + "): "
        + n
        + (n == 1 ? " column differs" : " columns differ")
        + "\n"
        + table(expected, actual, c)
        + "legend: ! type or nullability differs, - missing from actual, + not expected,"
        + " ~ at another position\n";
  }

  /** Fails on duplicate names when columns are matched by name. */
  static Map<String, Integer> positions(StructType s) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < s.fields().length; i++) {
      if (out.putIfAbsent(s.fields()[i].name(), i) != null) {
        throw new IllegalArgumentException(
            "column ["
                + s.fields()[i].name()
                + "] appears twice in schema ["
                + columns(s, true)
                + "]; rename one (for example with withColumnRenamed) before comparing");
      }
    }
    return out;
  }
}
