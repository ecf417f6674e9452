package dev.forgeline.mock;

import dev.forgeline.mock.engine.Casts;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Literals;
import dev.forgeline.mock.engine.Names;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.Scala;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.engine.Types;
import dev.forgeline.mock.engine.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameNaFunctions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import scala.Option;
import scala.Tuple2;
import scala.collection.immutable.Seq;

/** na.drop / na.fill / na.replace over a mock relation. */
final class MockNaFunctions extends DataFrameNaFunctions {
  private final MockSparkSession session;
  private final Relation relation;

  MockNaFunctions(MockSparkSession session, Relation relation) {
    this.session = session;
    this.relation = relation;
  }

  private List<Integer> positions(List<String> cols) {
    SessionConf conf = session.sessionConf();
    List<Integer> out = new ArrayList<>();
    for (String c : cols) {
      if (c.equals("*")) {
        for (int i = 0; i < relation.fields().size(); i++) {
          out.add(i);
        }
        continue;
      }
      int idx = -1;
      for (int i = 0; i < relation.fields().size(); i++) {
        if (Names.same(relation.fields().get(i).name(), c, conf.caseSensitive())) {
          idx = i;
        }
      }
      if (idx < 0) {
        relation.scope(conf.caseSensitive()).resolve(Names.parse(c), null);
      } else {
        out.add(idx);
      }
    }
    return out;
  }

  private List<String> allNames() {
    return relation.fields().stream().map(Field::name).toList();
  }

  private static boolean isNullOrNaN(Object v) {
    return v == null || v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN();
  }

  @Override
  public Dataset<Row> drop(Option<Object> minNonNulls) {
    return drop(minNonNulls, Scala.seq(allNames()));
  }

  @Override
  public Dataset<Row> drop(Option<Object> minNonNulls, Seq<String> cols) {
    List<Integer> pos = positions(Scala.list(cols));
    int min = minNonNulls.isDefined() ? ((Number) minNonNulls.get()).intValue() : pos.size();
    Relation r =
        Relation.derived(
            relation.fields(),
            List.of(relation),
            () -> {
              List<Object[]> out = new ArrayList<>();
              for (Object[] row : relation.rows()) {
                int nonNull = 0;
                for (int p : pos) {
                  if (!isNullOrNaN(row[p])) {
                    nonNull++;
                  }
                }
                if (nonNull >= min) {
                  out.add(row);
                }
              }
              return out;
            });
    return session.wrapRows(r);
  }

  private Dataset<Row> fillWith(Object value, List<String> cols, boolean explicit) {
    List<Integer> pos = positions(cols);
    Map<Integer, Object> values = new LinkedHashMap<>();
    for (int p : pos) {
      values.put(p, value);
    }
    return fillValues(values, !explicit);
  }

  private Dataset<Row> fillValues(Map<Integer, Object> values, boolean skipIncompatible) {
    SessionConf conf = session.sessionConf();
    Map<Integer, Object> internal = new LinkedHashMap<>();
    Map<Integer, DataType> litTypes = new LinkedHashMap<>();
    for (Map.Entry<Integer, Object> e : values.entrySet()) {
      Field f = relation.fields().get(e.getKey());
      Object v = e.getValue();
      DataType t = f.type();
      boolean compatible =
          v instanceof Number
              ? Types.isNumeric(t)
              : v instanceof String
                  ? Types.isString(t)
                  : v instanceof Boolean && t instanceof BooleanType;
      if (!(v instanceof Number || v instanceof String || v instanceof Boolean)) {
        throw new IllegalArgumentException(
            "Unsupported value type " + v.getClass().getName() + " (" + v + ").");
      }
      if (!compatible) {
        continue;
      }
      var lit = Literals.of(v, null);
      internal.put(
          e.getKey(), Casts.cast(lit.value(), lit.type(), t, Casts.Mode.LEGACY, conf.zone()));
      litTypes.put(e.getKey(), lit.type());
    }
    List<Field> fields = new ArrayList<>(relation.fields());
    for (Integer p : internal.keySet()) {
      DataType litType = litTypes.get(p);
      DataType colType = fields.get(p).type();
      boolean castMayBeNull =
          !(Types.isIntegral(litType) && Types.isIntegral(colType))
              && dev.forgeline.mock.engine.CastExpr.castCanBeNull(litType, colType);
      boolean nullable = fields.get(p).nullable() && castMayBeNull;
      fields.set(p, fields.get(p).withNullable(nullable).fresh());
    }
    Relation r =
        Relation.derived(
            fields,
            List.of(relation),
            () -> {
              List<Object[]> out = new ArrayList<>();
              for (Object[] row : relation.rows()) {
                Object[] c = row.clone();
                for (Map.Entry<Integer, Object> e : internal.entrySet()) {
                  if (isNullOrNaN(c[e.getKey()])) {
                    c[e.getKey()] = e.getValue();
                  }
                }
                out.add(c);
              }
              return out;
            });
    return session.wrapRows(r);
  }

  @Override
  public Dataset<Row> fill(long value) {
    return fillWith(value, allNames(), false);
  }

  @Override
  public Dataset<Row> fill(double value) {
    return fillWith(value, allNames(), false);
  }

  @Override
  public Dataset<Row> fill(String value) {
    return fillWith(value, allNames(), false);
  }

  @Override
  public Dataset<Row> fill(long value, Seq<String> cols) {
    return fillWith(value, Scala.list(cols), true);
  }

  @Override
  public Dataset<Row> fill(double value, Seq<String> cols) {
    return fillWith(value, Scala.list(cols), true);
  }

  @Override
  public Dataset<Row> fill(String value, Seq<String> cols) {
    return fillWith(value, Scala.list(cols), true);
  }

  @Override
  public Dataset<Row> fill(boolean value) {
    return fillWith(value, allNames(), false);
  }

  @Override
  public Dataset<Row> fill(boolean value, Seq<String> cols) {
    return fillWith(value, Scala.list(cols), true);
  }

  @Override
  public Dataset<Row> fillMap(Seq<Tuple2<String, Object>> values) {
    Map<Integer, Object> byPos = new LinkedHashMap<>();
    for (Tuple2<String, Object> t : Scala.list(values)) {
      for (int p : positions(List.of(t._1()))) {
        byPos.put(p, t._2());
      }
    }
    return fillValues(byPos, false);
  }

  @Override
  public <T> Dataset<Row> replace(String col, scala.collection.immutable.Map<T, T> replacement) {
    return replace(Scala.seq(List.of(col)), replacement);
  }

  @Override
  public <T> Dataset<Row> replace(
      Seq<String> cols, scala.collection.immutable.Map<T, T> replacement) {
    List<Integer> pos = positions(Scala.list(cols));
    Map<T, T> map = Scala.javaMap(replacement);
    SessionConf conf = session.sessionConf();
    List<Integer> applicable = new ArrayList<>();
    List<Map<Object, Object>> perColumn = new ArrayList<>();
    for (int p : pos) {
      DataType t = relation.fields().get(p).type();
      Map<Object, Object> m = new LinkedHashMap<>();
      for (Map.Entry<T, T> e : map.entrySet()) {
        Object k = e.getKey();
        boolean ok =
            k instanceof Number
                ? Types.isNumeric(t)
                : k instanceof String
                    ? Types.isString(t)
                    : k instanceof Boolean && t instanceof BooleanType;
        if (!ok) {
          continue;
        }
        var kl = Literals.of(k, null);
        var vl = Literals.of(e.getValue(), null);
        m.put(
            Values.key(Casts.cast(kl.value(), kl.type(), t, Casts.Mode.LEGACY, conf.zone())),
            e.getValue() == null
                ? null
                : Casts.cast(vl.value(), vl.type(), t, Casts.Mode.LEGACY, conf.zone()));
      }
      if (!m.isEmpty()) {
        applicable.add(p);
        perColumn.add(m);
      }
    }
    Relation r =
        Relation.derived(
            relation.fields(),
            List.of(relation),
            () -> {
              List<Object[]> out = new ArrayList<>();
              for (Object[] row : relation.rows()) {
                Object[] c = row.clone();
                for (int k = 0; k < applicable.size(); k++) {
                  int p = applicable.get(k);
                  Object key = Values.key(c[p]);
                  if (c[p] != null && perColumn.get(k).containsKey(key)) {
                    c[p] = perColumn.get(k).get(key);
                  }
                }
                out.add(c);
              }
              return out;
            });
    return session.wrapRows(r);
  }
}
