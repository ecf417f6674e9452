package dev.forgeline.mock;

import dev.forgeline.mock.engine.Binder;
import dev.forgeline.mock.engine.ColumnRef;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Names;
import dev.forgeline.mock.engine.Projections;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.Scope;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.engine.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.UnresolvedAttribute;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Column-level reshaping: withColumns, renames, drops and unpivot. */
final class Reshape {
  private Reshape() {}

  static Relation withColumns(
      MockSparkSession session, Relation in, List<String> names, List<ColumnNode> cols) {
    if (names.size() != cols.size()) {
      throw new IllegalArgumentException(
          "requirement failed: The size of column names: "
              + names.size()
              + " isn't equal to the size of columns: "
              + cols.size());
    }
    if (names.contains(null)) {
      throw Errors.nullName();
    }
    SessionConf conf = session.sessionConf();
    boolean cs = conf.caseSensitive();
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(Names.key(n, cs))) {
        throw Errors.analysis(
            "COLUMN_ALREADY_EXISTS", "columnName", Names.quote(n.toLowerCase(Locale.ROOT)));
      }
    }
    Binder b = Binder.projection(in.scope(cs), conf, session.udfRegistry());
    List<Expr> bound = new ArrayList<>();
    List<dev.forgeline.mock.engine.Generators.Bound> generators = new ArrayList<>();
    for (ColumnNode c : cols) {
      var g = dev.forgeline.mock.engine.Generators.match(c);
      if (g != null) {
        List<Binder.Named> produced = new ArrayList<>();
        generators.add(dev.forgeline.mock.engine.Generators.bind(b, c, g, produced));
        if (produced.size() != 1) {
          throw Errors.analysis(
              "UDTF_ALIAS_NUMBER_MISMATCH",
              "aliasesSize",
              "1",
              "aliasesNames",
              names.get(bound.size()));
        }
        bound.add(produced.get(0).expr());
      } else {
        bound.add(b.bind(c));
      }
    }
    List<Binder.Named> out = new ArrayList<>();
    boolean[] used = new boolean[names.size()];
    for (int i = 0; i < in.fields().size(); i++) {
      Field f = in.fields().get(i);
      int replaced = -1;
      for (int k = 0; k < names.size(); k++) {
        if (Names.same(names.get(k), f.name(), cs)) {
          replaced = k;
        }
      }
      if (replaced >= 0) {
        used[replaced] = true;
        out.add(new Binder.Named(names.get(replaced), bound.get(replaced), null));
      } else {
        out.add(new Binder.Named(f.name(), new ColumnRef(i, f), f));
      }
    }
    for (int k = 0; k < names.size(); k++) {
      if (!used[k]) {
        out.add(new Binder.Named(names.get(k), bound.get(k), null));
      }
    }
    return Projections.project(in, b, out, generators);
  }

  static Relation rename(
      MockSparkSession session, Relation in, List<String> existing, List<String> newNames) {
    boolean cs = session.sessionConf().caseSensitive();
    List<Field> out = new ArrayList<>();
    for (int k = 0; k < existing.size(); k++) {
      if (newNames.get(k) == null) {
        for (Field f : in.fields()) {
          if (existing.get(k) != null && Names.same(f.name(), existing.get(k), cs)) {
            throw Errors.nullName();
          }
        }
      }
    }
    for (Field f : in.fields()) {
      Field r = f;
      for (int k = 0; k < existing.size(); k++) {
        if (Names.same(r.name(), existing.get(k), cs)) {
          r = r.withName(newNames.get(k));
        }
      }
      out.add(r);
    }
    return Relation.derived(out, List.of(in), in::rows);
  }

  private static Relation keep(Relation in, List<Integer> keep) {
    List<Field> out = new ArrayList<>();
    for (int i : keep) {
      out.add(in.fields().get(i));
    }
    return Relation.derived(
        out,
        List.of(in),
        () -> {
          List<Object[]> rows = new ArrayList<>();
          for (Object[] r : in.rows()) {
            Object[] c = new Object[keep.size()];
            for (int k = 0; k < c.length; k++) {
              c[k] = r[keep.get(k)];
            }
            rows.add(c);
          }
          return rows;
        });
  }

  static Relation dropNames(MockSparkSession session, Relation in, List<String> names) {
    boolean cs = session.sessionConf().caseSensitive();
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < in.fields().size(); i++) {
      boolean drop = false;
      for (String n : names) {
        drop |= Names.same(in.fields().get(i).name(), n, cs);
      }
      if (!drop) {
        keep.add(i);
      }
    }
    return keep(in, keep);
  }

  static Relation dropColumns(MockSparkSession session, Relation in, List<ColumnNode> cols) {
    SessionConf conf = session.sessionConf();
    Scope scope = in.scope(conf.caseSensitive());
    Set<Long> ids = new HashSet<>();
    for (ColumnNode c : cols) {
      if (c instanceof UnresolvedAttribute attr) {
        Long planId = attr.planId().isDefined() ? (Long) attr.planId().get() : null;
        Scope.Resolved r =
            planId == null
                ? scope.tryResolve(dev.forgeline.mock.engine.Scala.list(attr.nameParts()))
                : scope.resolve(dev.forgeline.mock.engine.Scala.list(attr.nameParts()), planId);
        if (r != null && r.nestedPath().isEmpty()) {
          ids.add(r.field().exprId());
        }
      }
    }
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < in.fields().size(); i++) {
      if (!ids.contains(in.fields().get(i).exprId())) {
        keep.add(i);
      }
    }
    return keep(in, keep);
  }

  static Relation unpivot(
      MockSparkSession session,
      Relation in,
      Column[] ids,
      Column[] values,
      String variableName,
      String valueName) {
    SessionConf conf = session.sessionConf();
    Binder b = Binder.rows(in.scope(conf.caseSensitive()), conf, session.udfRegistry());
    List<Binder.Named> idCols = new ArrayList<>();
    for (Column c : ids) {
      idCols.addAll(b.bindNamed(c.node()));
    }
    List<Binder.Named> valueCols = new ArrayList<>();
    if (values == null) {
      Set<Long> idIds = new HashSet<>();
      for (Binder.Named n : idCols) {
        if (n.passthrough() != null) {
          idIds.add(n.passthrough().exprId());
        }
      }
      for (int i = 0; i < in.fields().size(); i++) {
        Field f = in.fields().get(i);
        if (!idIds.contains(f.exprId())) {
          valueCols.add(new Binder.Named(f.name(), new ColumnRef(i, f), f));
        }
      }
    } else {
      for (Column c : values) {
        valueCols.addAll(b.bindNamed(c.node()));
      }
    }
    if (valueCols.isEmpty()) {
      throw Errors.analysis("UNPIVOT_REQUIRES_VALUE_COLUMNS");
    }
    List<DataType> types = valueCols.stream().map(n -> n.expr().type()).toList();
    DataType t = Types.widerOf(types, false);
    if (t == null) {
      throw Errors.analysis(
          "UNPIVOT_VALUE_DATA_TYPE_MISMATCH",
          "types",
          String.join(", ", types.stream().map(Errors::sqlType).toList()));
    }
    List<Field> out = new ArrayList<>(Projections.outputFields(idCols));
    out.add(Field.of(variableName, DataTypes.StringType, false));
    out.add(Field.of(valueName, t, valueCols.stream().anyMatch(n -> n.expr().nullable())));
    DataType valueType = t;
    return Relation.derived(
        out,
        List.of(in),
        () -> {
          List<Object[]> rows = new ArrayList<>();
          for (Object[] r : in.rows()) {
            Object[] ext = java.util.Arrays.copyOf(r, Math.max(r.length, b.width()));
            for (Binder.Named v : valueCols) {
              Object[] o = new Object[idCols.size() + 2];
              for (int i = 0; i < idCols.size(); i++) {
                o[i] = idCols.get(i).expr().eval(ext);
              }
              o[idCols.size()] = v.name();
              o[idCols.size() + 1] =
                  dev.forgeline.mock.engine.Casts.cast(
                      v.expr().eval(ext),
                      v.expr().type(),
                      valueType,
                      dev.forgeline.mock.engine.Casts.Mode.ANSI,
                      conf.zone());
              rows.add(o);
            }
          }
          return rows;
        });
  }
}
