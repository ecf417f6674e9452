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
    boolean conditionDeterministic = true;
    if (condition != null) {
      Binder b = Binder.rows(scope, conf, udfs);
      cond = b.bind(condition);
      conditionDeterministic = b.deterministic();
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
    EquiKeys keys = EquiKeys.split(cond, nl, nr);
    int w = Math.max(width, nl + nr);
    HashJoin.Key rightKey =
        r -> {
          Object[] scratch = new Object[w];
          System.arraycopy(r, 0, scratch, nl, nr);
          return keys.rightKey(scratch);
        };
    java.util.function.Function<java.util.function.Consumer<Object[]>, HashJoin.Sink> output =
        result ->
            (l, r) -> {
              if (semi) {
                result.accept(l);
                return;
              }
              Object[] row = new Object[nl + nr];
              if (l != null) {
                System.arraycopy(l, 0, row, 0, nl);
              }
              if (r != null) {
                System.arraycopy(r, 0, row, nl, nr);
              }
              result.accept(row);
            };
    // Every type but RIGHT walks the left side once, in order: it streams (the right is indexed).
    Relation.RowSource streamed =
        type == Type.RIGHT || !conditionDeterministic
            ? null
            : sink ->
                HashJoin.probe(
                    type,
                    left::forEachRow,
                    right.snapshot(),
                    keys::leftKey,
                    rightKey,
                    keys.residual(w, nl, nr),
                    output.apply(sink));
    return Relation.derived(
        out,
        List.of(left, right),
        () -> {
          List<Object[]> lrows = left.snapshot();
          List<Object[]> rrows = right.snapshot();
          return guarded(
              type,
              lrows,
              rrows,
              result ->
                  HashJoin.run(
                      type,
                      lrows,
                      rrows,
                      keys::leftKey,
                      rightKey,
                      keys.residual(w, nl, nr),
                      output.apply(result::add)));
        },
        streamed);
  }

  /** Runs a join's matching under the heap guard, collecting its output rows. */
  private static List<Object[]> guarded(
      Type type,
      List<Object[]> lrows,
      List<Object[]> rrows,
      java.util.function.Consumer<List<Object[]>> body) {
    return HeapGuard.run(
        type.name().toLowerCase(Locale.ROOT) + " join",
        (long) lrows.size() + rrows.size(),
        0,
        () -> {
          List<Object[]> result = new ArrayList<>();
          body.accept(result);
          return result;
        });
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
    Casts.Mode mode = conf.ansi() ? Casts.Mode.ANSI : Casts.Mode.LEGACY;
    List<DataType> leftTypes = li.stream().map(i -> left.fields().get(i).type()).toList();
    List<DataType> rightTypes = ri.stream().map(i -> rightFields.get(i).type()).toList();
    return Relation.derived(
        out,
        List.of(left, right),
        () -> {
          List<Object[]> lrows = left.rows();
          List<Object[]> rrows = right.rows();
          return guarded(
              type,
              lrows,
              rrows,
              result ->
                  HashJoin.run(
                      type,
                      lrows,
                      rrows,
                      l -> usingKey(l, li, leftTypes, keyTypes, mode, conf),
                      r -> usingKey(r, ri, rightTypes, keyTypes, mode, conf),
                      null,
                      (l, r) -> result.add(assemble(l, r, li, ri, nl, nr, type, semi))));
        });
  }

  /** The key of a USING join: each column cast to the common type; null cannot match. */
  private static Object usingKey(
      Object[] row,
      List<Integer> positions,
      List<DataType> types,
      List<DataType> keyTypes,
      Casts.Mode mode,
      SessionConf conf) {
    Object[] key = new Object[positions.size()];
    for (int k = 0; k < key.length; k++) {
      Object v =
          Casts.cast(row[positions.get(k)], types.get(k), keyTypes.get(k), mode, conf.zone());
      if (v == null) {
        return HashJoin.NO_KEY;
      }
      key[k] = v;
    }
    return key.length == 1 ? Values.key(key[0]) : Values.key(key);
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
