package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.DataType;

/** UNION (by position and by name), INTERSECT, EXCEPT, DISTINCT and dropDuplicates. */
public final class SetOperations {
  private SetOperations() {}

  /** Column types both sides are widened to; NUM_COLUMNS_MISMATCH / INCOMPATIBLE_COLUMN_TYPE. */
  private static List<DataType> common(Relation a, Relation b, String operator) {
    if (a.fields().size() != b.fields().size()) {
      throw Errors.numColumnsMismatch(operator, a.fields().size(), b.fields().size());
    }
    List<DataType> out = new ArrayList<>();
    for (int i = 0; i < a.fields().size(); i++) {
      DataType x = a.fields().get(i).type();
      DataType y = b.fields().get(i).type();
      DataType w = Types.widerWithStrings(x, y);
      if (w == null && sameShape(x, y)) {
        w = x;
      }
      if (w == null) {
        throw Errors.incompatibleColumnType(operator, i + 1, y, x);
      }
      out.add(w);
    }
    return out;
  }

  /**
   * Same types by position, ignoring struct field names and nullability (Spark keeps the left's).
   */
  private static boolean sameShape(DataType x, DataType y) {
    if (x instanceof org.apache.spark.sql.types.StructType sx
        && y instanceof org.apache.spark.sql.types.StructType sy) {
      if (sx.length() != sy.length()) {
        return false;
      }
      for (int i = 0; i < sx.length(); i++) {
        if (!sameShape(sx.fields()[i].dataType(), sy.fields()[i].dataType())) {
          return false;
        }
      }
      return true;
    }
    if (x instanceof org.apache.spark.sql.types.ArrayType ax
        && y instanceof org.apache.spark.sql.types.ArrayType ay) {
      return sameShape(ax.elementType(), ay.elementType());
    }
    return x.equals(y);
  }

  private static List<Field> output(
      Relation a, Relation b, List<DataType> types, boolean orNullable) {
    return output(a, b, types, orNullable, false);
  }

  private static List<Field> output(
      Relation a, Relation b, List<DataType> types, boolean orNullable, boolean and) {
    List<Field> out = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      Field f = a.fields().get(i);
      boolean nullable =
          orNullable
              ? f.nullable() || b.fields().get(i).nullable()
              : and ? f.nullable() && b.fields().get(i).nullable() : f.nullable();
      out.add(new Field(f.name(), types.get(i), nullable, f.exprId(), f.qualifier()));
    }
    return out;
  }

  /** Streams a side's rows, each cast to the common column types. */
  private static void widenEach(
      Relation side,
      List<DataType> to,
      SessionConf conf,
      java.util.function.Consumer<Object[]> sink) {
    List<Field> from = side.fields();
    boolean same = true;
    for (int i = 0; i < to.size(); i++) {
      same &= from.get(i).type().equals(to.get(i));
    }
    if (same) {
      side.forEachRow(sink);
      return;
    }
    side.forEachRow(
        r -> {
          Object[] c = new Object[r.length];
          for (int i = 0; i < r.length; i++) {
            c[i] = Casts.cast(r[i], from.get(i).type(), to.get(i), Casts.Mode.ANSI, conf.zone());
          }
          sink.accept(c);
        });
  }

  private static List<Object[]> widen(
      List<Object[]> rows, List<Field> from, List<DataType> to, SessionConf conf) {
    boolean same = true;
    for (int i = 0; i < to.size(); i++) {
      same &= from.get(i).type().equals(to.get(i));
    }
    if (same) {
      return rows;
    }
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      Object[] c = new Object[r.length];
      for (int i = 0; i < r.length; i++) {
        c[i] = Casts.cast(r[i], from.get(i).type(), to.get(i), Casts.Mode.ANSI, conf.zone());
      }
      out.add(c);
    }
    return out;
  }

  /** UNION ALL by position (Dataset.union keeps duplicates). */
  public static Relation union(Relation a, Relation b, SessionConf conf) {
    List<DataType> types = common(a, b, "UNION");
    return Relation.streamed(
        output(a, b, types, true),
        List.of(a, b),
        sink -> {
          widenEach(a, types, conf, sink);
          widenEach(b, types, conf, sink);
        });
  }

  /** unionByName: reorders the right side by name; missing columns become nulls when allowed. */
  public static Relation unionByName(
      Relation a, Relation b, boolean allowMissing, SessionConf conf) {
    boolean cs = conf.caseSensitive();
    List<Field> leftFields = new ArrayList<>(a.fields());
    List<Integer> mapping = new ArrayList<>();
    for (Field f : leftFields) {
      int idx = -1;
      for (int j = 0; j < b.fields().size(); j++) {
        if (Names.same(b.fields().get(j).name(), f.name(), cs)) {
          idx = j;
          break;
        }
      }
      if (idx < 0 && !allowMissing) {
        throw Errors.analysis(
            "_LEGACY_ERROR_TEMP_1201",
            "colName",
            f.name(),
            "fieldNames",
            String.join(", ", b.fields().stream().map(Field::name).toList()));
      }
      mapping.add(idx);
    }
    List<Integer> extra = new ArrayList<>();
    for (int j = 0; j < b.fields().size(); j++) {
      if (!mapping.contains(j)) {
        if (!allowMissing) {
          throw Errors.analysis(
              "NUM_COLUMNS_MISMATCH",
              "operator",
              "UNION",
              "firstNumColumns",
              String.valueOf(a.fields().size()),
              "invalidOrdinalNum",
              "second",
              "invalidNumColumns",
              String.valueOf(b.fields().size()));
        }
        extra.add(j);
      }
    }
    List<Field> lf = new ArrayList<>(leftFields);
    for (int j : extra) {
      lf.add(b.fields().get(j).withNullable(true).fresh());
    }
    List<Field> rf = new ArrayList<>();
    for (int i = 0; i < mapping.size(); i++) {
      rf.add(
          mapping.get(i) < 0
              ? leftFields.get(i).withNullable(true)
              : b.fields().get(mapping.get(i)));
    }
    for (int j : extra) {
      rf.add(b.fields().get(j));
    }
    List<Field> leftOut = new ArrayList<>();
    for (int i = 0; i < lf.size(); i++) {
      leftOut.add(
          i < leftFields.size() && mapping.get(i) < 0 ? lf.get(i).withNullable(true) : lf.get(i));
    }
    Relation left =
        Relation.derived(
            leftOut,
            List.of(a),
            () -> {
              List<Object[]> out = new ArrayList<>();
              for (Object[] r : a.rows()) {
                out.add(java.util.Arrays.copyOf(r, leftOut.size()));
              }
              return out;
            });
    Relation right =
        Relation.derived(
            rf,
            List.of(b),
            () -> {
              List<Object[]> out = new ArrayList<>();
              for (Object[] r : b.rows()) {
                Object[] c = new Object[rf.size()];
                for (int i = 0; i < mapping.size(); i++) {
                  c[i] = mapping.get(i) < 0 ? null : r[mapping.get(i)];
                }
                for (int k = 0; k < extra.size(); k++) {
                  c[mapping.size() + k] = r[extra.get(k)];
                }
                out.add(c);
              }
              return out;
            });
    return union(left, right, conf);
  }

  /** INTERSECT (distinct) or INTERSECT ALL. */
  public static Relation intersect(Relation a, Relation b, boolean all, SessionConf conf) {
    List<DataType> types = common(a, b, all ? "INTERSECT ALL" : "INTERSECT");
    rejectMaps(a, all(a));
    return Relation.derived(
        output(a, b, types, false, true),
        List.of(a, b),
        () -> {
          Map<List<Object>, Integer> counts = counts(widen(b.rows(), b.fields(), types, conf));
          List<Object[]> out = new ArrayList<>();
          Set<List<Object>> emitted = new HashSet<>();
          for (Object[] r : widen(a.rows(), a.fields(), types, conf)) {
            List<Object> k = Values.key(r);
            Integer c = counts.get(k);
            if (c != null && c > 0) {
              if (all) {
                counts.put(k, c - 1);
                out.add(r);
              } else if (emitted.add(k)) {
                out.add(r);
              }
            }
          }
          return out;
        });
  }

  /** EXCEPT (distinct) or EXCEPT ALL. */
  public static Relation except(Relation a, Relation b, boolean all, SessionConf conf) {
    List<DataType> types = common(a, b, all ? "EXCEPT ALL" : "EXCEPT");
    rejectMaps(a, all(a));
    return Relation.derived(
        output(a, b, types, false),
        List.of(a, b),
        () -> {
          Map<List<Object>, Integer> counts = counts(widen(b.rows(), b.fields(), types, conf));
          List<Object[]> out = new ArrayList<>();
          Set<List<Object>> emitted = new HashSet<>();
          for (Object[] r : widen(a.rows(), a.fields(), types, conf)) {
            List<Object> k = Values.key(r);
            Integer c = counts.get(k);
            if (all) {
              if (c != null && c > 0) {
                counts.put(k, c - 1);
              } else {
                out.add(r);
              }
            } else if (c == null && emitted.add(k)) {
              out.add(r);
            }
          }
          return out;
        });
  }

  private static Map<List<Object>, Integer> counts(List<Object[]> rows) {
    Map<List<Object>, Integer> m = new HashMap<>();
    for (Object[] r : rows) {
      m.merge(Values.key(r), 1, Integer::sum);
    }
    return m;
  }

  private static void rejectMaps(Relation r, List<Integer> positions) {
    for (int p : positions) {
      Field f = r.fields().get(p);
      if (containsMap(f.type())) {
        throw Errors.analysis(
            "UNSUPPORTED_FEATURE.SET_OPERATION_ON_MAP_TYPE",
            "colName",
            Names.quote(f.name()),
            "dataType",
            Errors.sqlType(f.type()));
      }
    }
  }

  private static boolean containsMap(DataType t) {
    if (t instanceof org.apache.spark.sql.types.MapType) {
      return true;
    }
    if (t instanceof org.apache.spark.sql.types.ArrayType at) {
      return containsMap(at.elementType());
    }
    if (t instanceof org.apache.spark.sql.types.StructType st) {
      for (var f : st.fields()) {
        if (containsMap(f.dataType())) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Integer> all(Relation r) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < r.fields().size(); i++) {
      out.add(i);
    }
    return out;
  }

  /** dropDuplicates on the given column positions (all columns for distinct()). */
  public static Relation dropDuplicates(Relation a, List<Integer> positions) {
    rejectMaps(a, positions);
    int[] at = positions.stream().mapToInt(Integer::intValue).toArray();
    return Relation.streamed(
        a.fields(),
        List.of(a),
        sink -> {
          Set<Object> seen = new HashSet<>();
          a.forEachRow(
              r -> {
                Object key;
                if (at.length == 1) {
                  key = Values.key(r[at[0]]);
                } else {
                  Object[] k = new Object[at.length];
                  for (int i = 0; i < k.length; i++) {
                    k[i] = r[at[i]];
                  }
                  key = Values.key(k);
                }
                if (seen.add(key)) {
                  sink.accept(r);
                }
              });
        });
  }
}
