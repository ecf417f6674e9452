package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NullType;

/** Joins by condition or by USING columns, in every join type Spark's Dataset API accepts. */
public final class Joins {
  /** The normalized join types. */
  public enum Type {
    INNER,
    LEFT,
    RIGHT,
    FULL,
    LEFT_SEMI,
    LEFT_ANTI,
    CROSS
  }

  private Joins() {}

  /** Parses a join type string as Spark's JoinType does. */
  public static Type parse(String joinType) {
    String t = joinType.toLowerCase(Locale.ROOT).replace("_", "");
    switch (t) {
      case "inner":
        return Type.INNER;
      case "outer", "full", "fullouter":
        return Type.FULL;
      case "leftouter", "left":
        return Type.LEFT;
      case "rightouter", "right":
        return Type.RIGHT;
      case "leftsemi", "semi":
        return Type.LEFT_SEMI;
      case "leftanti", "anti":
        return Type.LEFT_ANTI;
      case "cross":
        return Type.CROSS;
      default:
        throw Errors.unsupportedJoinType(joinType);
    }
  }

  private static List<Field> rightSide(Relation left, Relation right) {
    Set<Long> ids = new HashSet<>();
    for (Field f : left.fields()) {
      ids.add(f.exprId());
    }
    List<Field> out = new ArrayList<>();
    for (Field f : right.fields()) {
      out.add(
          ids.contains(f.exprId())
              ? new Field(f.name(), f.type(), f.nullable(), Field.newId(), f.qualifier())
              : f);
    }
    return out;
  }

  /** A join on a condition (null condition: a cartesian product). */
  public static Relation on(
      Relation left,
      Relation right,
      ColumnNode condition,
      Type type,
      SessionConf conf,
      UdfLookup udfs) {
    List<Field> rightFields = rightSide(left, right);
    List<Field> both = new ArrayList<>(left.fields());
    both.addAll(rightFields);
    java.util.Map<Long, List<Field>> lineage = new java.util.HashMap<>(left.lineage());
    lineage.putAll(right.lineage());
    Scope scope = new Scope(both, lineage, conf.caseSensitive());
    Expr cond = null;
    int width = both.size();
    if (condition != null) {
      Binder b = Binder.rows(scope, conf, udfs);
      cond = b.bind(condition);
      if (!(cond.type() instanceof BooleanType) && !(cond.type() instanceof NullType)) {
        throw Errors.analysis(
            "JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE",
            "joinCondition",
            Errors.sqlExpr(cond.sql()),
            "conditionType",
            Errors.sqlType(cond.type()));
      }
      width = b.width();
    }
    List<Field> out = new ArrayList<>();
    int nl = left.fields().size();
    int nr = rightFields.size();
    boolean semi = type == Type.LEFT_SEMI || type == Type.LEFT_ANTI;
    for (Field f : left.fields()) {
      out.add(type == Type.RIGHT || type == Type.FULL ? f.withNullable(true) : f);
    }
    if (!semi) {
      for (Field f : rightFields) {
        out.add(type == Type.LEFT || type == Type.FULL ? f.withNullable(true) : f);
      }
    }
    Expr c = cond;
    int w = width;
    return Relation.derived(
        out,
        List.of(left, right),
        () -> {
          List<Object[]> lrows = left.rows();
          List<Object[]> rrows = right.rows();
          List<Object[]> result = new ArrayList<>();
          boolean[] rightMatched = new boolean[rrows.size()];
          for (Object[] l : lrows) {
            boolean matched = false;
            for (int j = 0; j < rrows.size(); j++) {
              Object[] row = new Object[Math.max(w, nl + nr)];
              System.arraycopy(l, 0, row, 0, nl);
              System.arraycopy(rrows.get(j), 0, row, nl, nr);
              if (c == null || Boolean.TRUE.equals(c.eval(row))) {
                matched = true;
                rightMatched[j] = true;
                if (semi) {
                  break;
                }
                result.add(java.util.Arrays.copyOf(row, nl + nr));
              }
            }
            if (type == Type.LEFT_SEMI && matched) {
              result.add(l);
            } else if (type == Type.LEFT_ANTI && !matched) {
              result.add(l);
            } else if (!matched && (type == Type.LEFT || type == Type.FULL)) {
              Object[] row = new Object[nl + nr];
              System.arraycopy(l, 0, row, 0, nl);
              result.add(row);
            }
          }
          if (type == Type.RIGHT || type == Type.FULL) {
            if (type == Type.RIGHT) {
              return rightOrdered(lrows, rrows, nl, nr, c, w);
            }
            List<Object[]> unmatched = new ArrayList<>();
            for (int j = 0; j < rrows.size(); j++) {
              if (!rightMatched[j]) {
                Object[] row = new Object[nl + nr];
                System.arraycopy(rrows.get(j), 0, row, nl, nr);
                unmatched.add(row);
              }
            }
            result.addAll(unmatched);
          }
          return result;
        });
  }

  private static List<Object[]> rightOrdered(
      List<Object[]> lrows, List<Object[]> rrows, int nl, int nr, Expr c, int w) {
    List<Object[]> result = new ArrayList<>();
    for (Object[] r : rrows) {
      boolean matched = false;
      for (Object[] l : lrows) {
        Object[] row = new Object[Math.max(w, nl + nr)];
        System.arraycopy(l, 0, row, 0, nl);
        System.arraycopy(r, 0, row, nl, nr);
        if (c == null || Boolean.TRUE.equals(c.eval(row))) {
          matched = true;
          result.add(java.util.Arrays.copyOf(row, nl + nr));
        }
      }
      if (!matched) {
        Object[] row = new Object[nl + nr];
        System.arraycopy(r, 0, row, nl, nr);
        result.add(row);
      }
    }
    return result;
  }

  /** A join on USING columns: those columns once, then the rest of the left, then the right. */
  public static Relation using(
      Relation left, Relation right, List<String> columns, Type type, SessionConf conf) {
    boolean cs = conf.caseSensitive();
    List<Integer> li = new ArrayList<>();
    List<Integer> ri = new ArrayList<>();
    List<Field> rightFields = rightSide(left, right);
    for (String c : columns) {
      li.add(indexOf(left.fields(), c, cs, "left"));
      ri.add(indexOf(rightFields, c, cs, "right"));
    }
    List<DataType> keyTypes = new ArrayList<>();
    for (int k = 0; k < columns.size(); k++) {
      DataType lt = left.fields().get(li.get(k)).type();
      DataType rt = rightFields.get(ri.get(k)).type();
      DataType t = Coercion.comparisonType(lt, rt);
      if (t == null) {
        throw Errors.binaryOpDiffTypes("(" + columns.get(k) + " = " + columns.get(k) + ")", lt, rt);
      }
      keyTypes.add(t);
    }
    int nl = left.fields().size();
    int nr = rightFields.size();
    boolean semi = type == Type.LEFT_SEMI || type == Type.LEFT_ANTI;
    List<Field> out = new ArrayList<>();
    for (int k = 0; k < columns.size(); k++) {
      Field lf = left.fields().get(li.get(k));
      Field rf = rightFields.get(ri.get(k));
      Field key = type == Type.RIGHT ? rf : lf;
      if (type == Type.FULL) {
        key =
            new Field(
                lf.name(), keyTypes.get(k), lf.nullable() || rf.nullable(), Field.newId(), null);
      }
      out.add(key);
    }
    for (int i = 0; i < nl; i++) {
      if (!li.contains(i)) {
        Field f = left.fields().get(i);
        out.add(type == Type.RIGHT || type == Type.FULL ? f.withNullable(true) : f);
      }
    }
    if (!semi) {
      for (int i = 0; i < nr; i++) {
        if (!ri.contains(i)) {
          Field f = rightFields.get(i);
          out.add(type == Type.LEFT || type == Type.FULL ? f.withNullable(true) : f);
        }
      }
    }
    return Relation.derived(
        out,
        List.of(left, right),
        () -> {
          List<Object[]> result = new ArrayList<>();
          List<Object[]> lrows = left.rows();
          List<Object[]> rrows = right.rows();
          boolean[] rightMatched = new boolean[rrows.size()];
          List<Object[]> joined = new ArrayList<>();
          for (Object[] l : lrows) {
            boolean matched = false;
            for (int j = 0; j < rrows.size(); j++) {
              if (keysEqual(l, rrows.get(j), li, ri, left, rightFields, keyTypes, conf)) {
                matched = true;
                rightMatched[j] = true;
                if (semi) {
                  break;
                }
                joined.add(assemble(l, rrows.get(j), li, ri, nl, nr, type, semi));
              }
            }
            if (type == Type.LEFT_SEMI && matched || type == Type.LEFT_ANTI && !matched) {
              joined.add(assemble(l, null, li, ri, nl, nr, type, true));
            } else if (!matched && (type == Type.LEFT || type == Type.FULL)) {
              joined.add(assemble(l, null, li, ri, nl, nr, type, false));
            }
          }
          if (type == Type.RIGHT) {
            for (Object[] r : rrows) {
              boolean matched = false;
              for (Object[] l : lrows) {
                if (keysEqual(l, r, li, ri, left, rightFields, keyTypes, conf)) {
                  matched = true;
                  result.add(assemble(l, r, li, ri, nl, nr, type, false));
                }
              }
              if (!matched) {
                result.add(assemble(null, r, li, ri, nl, nr, type, false));
              }
            }
            return result;
          }
          result.addAll(joined);
          if (type == Type.FULL) {
            for (int j = 0; j < rrows.size(); j++) {
              if (!rightMatched[j]) {
                result.add(assemble(null, rrows.get(j), li, ri, nl, nr, type, false));
              }
            }
          }
          return result;
        });
  }

  private static boolean keysEqual(
      Object[] l,
      Object[] r,
      List<Integer> li,
      List<Integer> ri,
      Relation left,
      List<Field> rightFields,
      List<DataType> keyTypes,
      SessionConf conf) {
    for (int k = 0; k < li.size(); k++) {
      Object a =
          Casts.cast(
              l[li.get(k)],
              left.fields().get(li.get(k)).type(),
              keyTypes.get(k),
              conf.ansi() ? Casts.Mode.ANSI : Casts.Mode.LEGACY,
              conf.zone());
      Object b =
          Casts.cast(
              r[ri.get(k)],
              rightFields.get(ri.get(k)).type(),
              keyTypes.get(k),
              conf.ansi() ? Casts.Mode.ANSI : Casts.Mode.LEGACY,
              conf.zone());
      if (a == null || b == null || !Values.equal(a, b)) {
        return false;
      }
    }
    return true;
  }

  private static Object[] assemble(
      Object[] l,
      Object[] r,
      List<Integer> li,
      List<Integer> ri,
      int nl,
      int nr,
      Type type,
      boolean leftOnly) {
    List<Object> out = new ArrayList<>();
    for (int k = 0; k < li.size(); k++) {
      Object lv = l == null ? null : l[li.get(k)];
      Object rv = r == null ? null : r[ri.get(k)];
      out.add(type == Type.RIGHT ? rv : (lv != null || l != null && type != Type.FULL ? lv : rv));
    }
    for (int i = 0; i < nl; i++) {
      if (!li.contains(i)) {
        out.add(l == null ? null : l[i]);
      }
    }
    if (!leftOnly) {
      for (int i = 0; i < nr; i++) {
        if (!ri.contains(i)) {
          out.add(r == null ? null : r[i]);
        }
      }
    }
    return out.toArray();
  }

  private static int indexOf(List<Field> fields, String name, boolean cs, String side) {
    for (int i = 0; i < fields.size(); i++) {
      if (Names.same(fields.get(i).name(), name, cs)) {
        return i;
      }
    }
    throw Errors.unresolvedUsingColumn(
        name, side, fields.stream().map(f -> Names.quote(f.name())).toList());
  }
}
