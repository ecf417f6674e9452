package dev.forgeline.mock;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Names;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.engine.Types;
import dev.forgeline.mock.engine.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.DataTypes;

/** describe() and summary(): per-column statistics rendered as strings, as Spark does. */
final class Summary {
  private static final List<String> DEFAULT =
      List.of("count", "mean", "stddev", "min", "25%", "50%", "75%", "max");

  private Summary() {}

  static Relation describe(MockSparkSession session, Relation in, List<String> cols) {
    return compute(session, in, cols, List.of("count", "mean", "stddev", "min", "max"));
  }

  static Relation summary(MockSparkSession session, Relation in, List<String> stats) {
    return compute(session, in, List.of(), stats.isEmpty() ? DEFAULT : stats);
  }

  private static Relation compute(
      MockSparkSession session, Relation in, List<String> cols, List<String> stats) {
    SessionConf conf = session.sessionConf();
    List<Integer> positions = new ArrayList<>();
    if (cols.isEmpty()) {
      for (int i = 0; i < in.fields().size(); i++) {
        var t = in.fields().get(i).type();
        if (Types.isNumeric(t) || Types.isString(t)) {
          positions.add(i);
        }
      }
    } else {
      for (String c : cols) {
        int idx = -1;
        for (int i = 0; i < in.fields().size(); i++) {
          if (Names.same(in.fields().get(i).name(), c, conf.caseSensitive())) {
            idx = i;
          }
        }
        if (idx < 0) {
          throw Errors.unresolvedColumn(
              List.of(c), in.scope(conf.caseSensitive()).suggestions(List.of(c)));
        }
        positions.add(idx);
      }
    }
    for (String s : stats) {
      String l = s.toLowerCase(Locale.ROOT);
      if (!List.of(
                  "count",
                  "mean",
                  "stddev",
                  "min",
                  "max",
                  "count_distinct",
                  "approx_count_distinct")
              .contains(l)
          && !l.endsWith("%")) {
        throw new IllegalArgumentException(s + " is not a recognised statistic");
      }
    }
    List<Field> out = new ArrayList<>();
    out.add(Field.of("summary", DataTypes.StringType, true));
    for (int p : positions) {
      out.add(Field.of(in.fields().get(p).name(), DataTypes.StringType, true));
    }
    return Relation.derived(
        out,
        List.of(in),
        () -> {
          List<Object[]> rows = new ArrayList<>();
          for (String stat : stats) {
            Object[] r = new Object[positions.size() + 1];
            r[0] = stat;
            for (int k = 0; k < positions.size(); k++) {
              r[k + 1] = statistic(in, positions.get(k), stat.toLowerCase(Locale.ROOT), conf);
            }
            rows.add(r);
          }
          return rows;
        });
  }

  private static String statistic(Relation in, int col, String stat, SessionConf conf) {
    Field f = in.fields().get(col);
    boolean numeric = Types.isNumeric(f.type());
    List<Object> values = new ArrayList<>();
    for (Object[] r : in.rows()) {
      if (r[col] != null) {
        values.add(r[col]);
      }
    }
    switch (stat) {
      case "count":
        return String.valueOf(values.size());
      case "count_distinct", "approx_count_distinct":
        {
          java.util.Set<Object> keys = new java.util.HashSet<>();
          for (Object v : values) {
            keys.add(Values.key(v));
          }
          return String.valueOf(keys.size());
        }
      case "mean":
      case "stddev":
        {
          List<Double> ds = doubles(values, numeric);
          if (ds == null || ds.isEmpty() || stat.equals("stddev") && ds.size() < 2) {
            return null;
          }
          double sum = 0;
          for (double d : ds) {
            sum += d; // plain addition, as Spark's avg adds (a DoubleStream would compensate)
          }
          double mean = sum / ds.size();
          if (stat.equals("mean")) {
            return Values.toDisplayString(mean, DataTypes.DoubleType, conf.zone());
          }
          double[] m = slicedMoments(in, col, numeric);
          double n = m[0];
          double m2 = m[2];
          return Values.toDisplayString(Math.sqrt(m2 / (n - 1)), DataTypes.DoubleType, conf.zone());
        }
      case "min":
      case "max":
        {
          Object best = null;
          for (Object v : values) {
            if (best == null
                || (stat.equals("min")
                    ? Values.compare(v, best) < 0
                    : Values.compare(v, best) > 0)) {
              best = v;
            }
          }
          return best == null ? null : Values.toDisplayString(best, f.type(), conf.zone());
        }
      default:
        {
          if (!numeric || values.isEmpty()) {
            return null;
          }
          double p = Double.parseDouble(stat.substring(0, stat.length() - 1)) / 100.0;
          List<Object> sorted = new ArrayList<>(values);
          sorted.sort(Values::compare);
          int idx = (int) Math.ceil(p * sorted.size()) - 1;
          Object v = sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
          return Values.toDisplayString(v, f.type(), conf.zone());
        }
    }
  }

  /**
   * Count, mean and M2 the way a local[2] Spark computes them for a local relation: the rows are
   * split into two slices, each slice is aggregated with Welford's update, and the two partial
   * results are merged into an empty buffer. This reproduces Spark's last-digit rounding.
   */
  private static double[] slicedMoments(Relation in, int col, boolean numeric) {
    List<Object[]> rows = in.rows();
    int n = rows.size();
    int slices = Math.max(1, Math.min(n, 2));
    double[] acc = {0, 0, 0};
    for (int s = 0; s < slices; s++) {
      int from = (int) ((long) s * n / slices);
      int to = (int) ((long) (s + 1) * n / slices);
      double[] part = {0, 0, 0};
      for (Object[] r : rows.subList(from, to)) {
        Double x = asDouble(r[col], numeric);
        if (x == null) {
          continue;
        }
        part[0]++;
        double delta = x - part[1];
        double deltaN = delta / part[0];
        part[1] += deltaN;
        part[2] += delta * (delta - deltaN);
      }
      double total = acc[0] + part[0];
      if (total > 0) {
        double delta = part[1] - acc[1];
        double deltaN = delta / total;
        acc =
            new double[] {
              total, acc[1] + deltaN * part[0], acc[2] + part[2] + delta * deltaN * acc[0] * part[0]
            };
      }
    }
    return acc;
  }

  private static Double asDouble(Object v, boolean numeric) {
    if (v == null) {
      return null;
    }
    if (numeric) {
      return ((Number) v).doubleValue();
    }
    try {
      return Double.parseDouble(((String) v).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<Double> doubles(List<Object> values, boolean numeric) {
    List<Double> out = new ArrayList<>();
    for (Object v : values) {
      if (numeric) {
        out.add(((Number) v).doubleValue());
      } else {
        try {
          out.add(Double.parseDouble(((String) v).trim()));
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return out;
  }
}
