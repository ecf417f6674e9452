package dev.forgeline.mock;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Names;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.Scala;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.engine.Types;
import dev.forgeline.mock.engine.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameStatFunctions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.immutable.Seq;

/** df.stat(): exact quantiles, covariance, correlation, crosstab and stratified sampling. */
final class MockStatFunctions extends DataFrameStatFunctions {
  private final MockSparkSession session;
  private final Relation relation;

  MockStatFunctions(MockSparkSession session, Relation relation) {
    this.session = session;
    this.relation = relation;
  }

  private int index(String name) {
    SessionConf conf = session.sessionConf();
    for (int i = 0; i < relation.fields().size(); i++) {
      if (Names.same(relation.fields().get(i).name(), name, conf.caseSensitive())) {
        return i;
      }
    }
    relation.scope(conf.caseSensitive()).resolve(List.of(name), null);
    throw Errors.unresolvedColumn(List.of(name), List.of());
  }

  private int numericIndex(String name) {
    int i = index(name);
    if (!Types.isNumeric(relation.fields().get(i).type())) {
      throw new IllegalArgumentException(
          "requirement failed: Currently " + name + " is not of numeric type.");
    }
    return i;
  }

  @Override
  public Dataset<Row> df() {
    return session.wrapRows(relation);
  }

  @Override
  public double[][] approxQuantile(String[] cols, double[] probabilities, double relativeError) {
    double[][] out = new double[cols.length][];
    for (int c = 0; c < cols.length; c++) {
      int idx = numericIndex(cols[c]);
      List<Double> values = new ArrayList<>();
      for (Object[] r : relation.rows()) {
        if (r[idx] != null && !(r[idx] instanceof Double d && d.isNaN())) {
          values.add(((Number) r[idx]).doubleValue());
        }
      }
      values.sort(Double::compare);
      out[c] = new double[values.isEmpty() ? 0 : probabilities.length];
      for (int p = 0; p < out[c].length; p++) {
        int rank = (int) Math.ceil(probabilities[p] * values.size()) - 1;
        out[c][p] = values.get(Math.max(0, Math.min(values.size() - 1, rank)));
      }
    }
    return out;
  }

  private dev.forgeline.mock.engine.Comoments moments(String a, String b) {
    int x = numericIndex(a);
    int y = numericIndex(b);
    List<double[]> pairs = new ArrayList<>();
    for (Object[] r : relation.rows()) {
      if (r[x] != null && r[y] != null) {
        pairs.add(new double[] {((Number) r[x]).doubleValue(), ((Number) r[y]).doubleValue()});
      }
    }
    return dev.forgeline.mock.engine.Comoments.of(pairs);
  }

  @Override
  public double cov(String col1, String col2) {
    return moments(col1, col2).covariance(true);
  }

  @Override
  public double corr(String col1, String col2, String method) {
    if (!method.equals("pearson")) {
      throw new IllegalArgumentException(
          "requirement failed: Currently only the calculation of the Pearson "
              + "Correlation coefficient is supported.");
    }
    return moments(col1, col2).correlation();
  }

  @Override
  public Dataset<Row> crosstab(String col1, String col2) {
    int a = index(col1);
    int b = index(col2);
    SessionConf conf = session.sessionConf();
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    Set<String> columns = new LinkedHashSet<>();
    for (Object[] r : relation.rows()) {
      String x = Values.toDisplayString(r[a], relation.fields().get(a).type(), conf.zone());
      String y = Values.toDisplayString(r[b], relation.fields().get(b).type(), conf.zone());
      columns.add(y);
      counts.computeIfAbsent(x, k -> new LinkedHashMap<>()).merge(y, 1L, Long::sum);
    }
    List<String> sortedColumns = new ArrayList<>(columns);
    sortedColumns.sort(String::compareTo);
    List<Field> fields = new ArrayList<>();
    fields.add(Field.of(col1 + "_" + col2, DataTypes.StringType, true));
    for (String c : sortedColumns) {
      fields.add(Field.of(c, DataTypes.LongType, false));
    }
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Long>> e : counts.entrySet()) {
      Object[] r = new Object[fields.size()];
      r[0] = e.getKey();
      for (int i = 0; i < sortedColumns.size(); i++) {
        r[i + 1] = e.getValue().getOrDefault(sortedColumns.get(i), 0L);
      }
      rows.add(r);
    }
    return session.wrapRows(Relation.of(fields, rows));
  }

  @Override
  @Unsupported
  public Dataset<Row> freqItems(Seq<String> cols, double support) {
    throw MockSparkSession.unsupported("DataFrameStatFunctions.freqItems(Seq, double)");
  }

  @Override
  public <T> Dataset<Row> sampleBy(
      Column col, scala.collection.immutable.Map<T, Object> fractions, long seed) {
    Map<T, Object> f = Scala.javaMap(fractions);
    Map<Object, Double> byKey = new LinkedHashMap<>();
    for (Map.Entry<T, Object> e : f.entrySet()) {
      byKey.put(
          Values.key(dev.forgeline.mock.engine.Literals.of(e.getKey(), null).value()),
          ((Number) e.getValue()).doubleValue());
    }
    SessionConf conf = session.sessionConf();
    var binder =
        dev.forgeline.mock.engine.Binder.rows(
            relation.scope(conf.caseSensitive()), conf, session.udfRegistry());
    var expr = binder.bind(col.node());
    Relation r =
        Relation.derived(
            relation.fields(),
            List.of(relation),
            () -> {
              Random rnd = new Random(seed);
              List<Object[]> out = new ArrayList<>();
              for (Object[] row : relation.rows()) {
                Object k =
                    Values.key(
                        expr.eval(
                            java.util.Arrays.copyOf(row, Math.max(row.length, binder.width()))));
                Double fraction = byKey.get(k);
                if (fraction != null && rnd.nextDouble() < fraction) {
                  out.add(row);
                }
              }
              return out;
            });
    return session.wrapRows(r);
  }
}
