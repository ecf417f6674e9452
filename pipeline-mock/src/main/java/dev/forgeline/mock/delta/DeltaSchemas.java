package dev.forgeline.mock.delta;

import dev.forgeline.mock.engine.Casts;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SessionConf;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Schema rules of Delta writes: new columns only with mergeSchema (appended at the end), a column's
 * type kept unless the data's type casts to it safely, and data written by column name in the
 * table's order, with nulls for table columns the data lacks.
 */
final class DeltaSchemas {
  private DeltaSchemas() {}

  static StructType of(Relation r) {
    StructType st = new StructType();
    for (Field f : r.fields()) {
      st = st.add(f.name(), f.type(), f.nullable());
    }
    return st;
  }

  private static StructField find(StructType t, String name) {
    for (StructField f : t.fields()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  /** The table schema after a write of {@code data} (mergeSchema adds its new columns). */
  static StructType merge(StructType table, StructType data, boolean mergeSchema) {
    StructType out = table;
    List<String> added = new ArrayList<>();
    for (StructField f : data.fields()) {
      StructField existing = find(table, f.name());
      if (existing == null) {
        added.add(f.name());
        out = out.add(f.name(), f.dataType(), true);
      } else if (!existing.dataType().equals(f.dataType())
          && !Casts.canCast(f.dataType(), existing.dataType(), Casts.Mode.ANSI)) {
        throw DeltaErrors.analysis(
            "DELTA_FAILED_TO_MERGE_FIELDS",
            "Failed to merge fields '" + existing.name() + "' and '" + f.name() + "'",
            "currentField",
            existing.name(),
            "updateField",
            f.name());
      }
    }
    if (!added.isEmpty() && !mergeSchema) {
      throw DeltaErrors.schemaMismatch(
          "Table schema:\n"
              + table.treeString()
              + "\nData schema:\n"
              + data.treeString()
              + "\nNew columns: "
              + String.join(", ", added));
    }
    return out;
  }

  /** {@code data} by name in the order and types of {@code schema}. */
  static Relation align(Relation data, StructType schema, SessionConf conf) {
    List<Field> in = data.fields();
    int[] from = new int[schema.length()];
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < from.length; i++) {
      StructField f = schema.fields()[i];
      from[i] = -1;
      for (int j = 0; j < in.size(); j++) {
        if (in.get(j).name().equalsIgnoreCase(f.name())) {
          from[i] = j;
        }
      }
      fields.add(Field.of(f.name(), f.dataType(), f.nullable()));
    }
    List<Object[]> rows = new ArrayList<>();
    for (Object[] r : data.rows()) {
      Object[] out = new Object[from.length];
      for (int i = 0; i < from.length; i++) {
        if (from[i] >= 0) {
          out[i] =
              Casts.cast(
                  r[from[i]],
                  in.get(from[i]).type(),
                  schema.fields()[i].dataType(),
                  Casts.Mode.ANSI,
                  conf.zone());
        }
      }
      rows.add(out);
    }
    return Relation.of(fields, rows);
  }
}
