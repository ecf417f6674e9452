package dev.forgeline.mock;

import dev.forgeline.mock.engine.Encoding;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Joins;
import dev.forgeline.mock.engine.Relation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * joinWith: each joined row becomes a pair column {@code _1, _2}, each side a struct of its columns
 * (or its single value for a non-struct encoder), null where an outer join found no match.
 */
final class TypedJoin {
  private TypedJoin() {}

  static Relation pair(
      Relation left,
      Relation right,
      Relation joined,
      Joins.Type type,
      Encoder<?> leftEncoder,
      Encoder<?> rightEncoder) {
    int nl = left.fields().size();
    int nr = right.fields().size();
    boolean leftStruct = Encoding.agnostic(leftEncoder).isStruct();
    boolean rightStruct = Encoding.agnostic(rightEncoder).isStruct();
    boolean leftNullable = type == Joins.Type.RIGHT || type == Joins.Type.FULL;
    boolean rightNullable = type == Joins.Type.LEFT || type == Joins.Type.FULL;
    List<Field> fields =
        List.of(
            side("_1", left, leftStruct, leftNullable),
            side("_2", right, rightStruct, rightNullable));
    return Relation.derived(
        fields,
        List.of(joined),
        () -> {
          List<Object[]> out = new ArrayList<>();
          for (Object[] row : joined.rows()) {
            Object[] l = Arrays.copyOfRange(row, 0, nl);
            Object[] r = Arrays.copyOfRange(row, nl, nl + nr);
            out.add(
                new Object[] {
                  value(l, leftStruct, leftNullable), value(r, rightStruct, rightNullable)
                });
          }
          return out;
        });
  }

  private static Field side(String name, Relation r, boolean struct, boolean nullable) {
    if (!struct) {
      Field f = r.fields().get(0);
      return Field.of(name, f.type(), nullable || f.nullable());
    }
    StructField[] sf = new StructField[r.fields().size()];
    for (int i = 0; i < sf.length; i++) {
      sf[i] = r.fields().get(i).toStructField();
    }
    return Field.of(name, new StructType(sf), nullable);
  }

  private static Object value(Object[] side, boolean struct, boolean outer) {
    if (outer && Arrays.stream(side).allMatch(v -> v == null)) {
      return null;
    }
    return struct ? side : side[0];
  }
}
