package dev.forgeline.mock.kit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * Compares the outcome of a reference backend (Spark) with a candidate (the mock) and describes
 * every difference as readable lines: schema, rows (ordered or as multisets), text, or error.
 */
final class OutcomeDiff {

  private static final int MAX_ROWS_SHOWN = 12;

  private OutcomeDiff() {}

  static List<String> between(Outcome spark, Outcome mock, double tolerance) {
    List<String> out = new ArrayList<>();
    if (spark instanceof Outcome.Table s && mock instanceof Outcome.Table m) {
      tables(s, m, tolerance, out);
    } else if (spark instanceof Outcome.Text s && mock instanceof Outcome.Text m) {
      texts(s.text(), m.text(), out);
    } else if (spark instanceof Outcome.Failure s && mock instanceof Outcome.Failure m) {
      failures(s, m, out);
    } else {
      out.add("outcome differs: spark " + spark.summary() + ", mock " + mock.summary());
      out.add("  spark: " + describe(spark));
      out.add("  mock : " + describe(mock));
    }
    return out;
  }

  static String describe(Outcome o) {
    if (o instanceof Outcome.Failure f) {
      return f.type() + " [" + f.condition() + "] " + firstLine(f.message());
    } else if (o instanceof Outcome.Table t) {
      return Values.schema(t.schema()) + " | " + t.rows().size() + " rows";
    }
    return firstLine(((Outcome.Text) o).text());
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " ...";
  }

  private static void tables(Outcome.Table s, Outcome.Table m, double tol, List<String> out) {
    String ss = Values.schema(s.schema());
    String ms = Values.schema(m.schema());
    if (!ss.equals(ms)) {
      out.add("schema differs:");
      out.add("  spark: " + ss);
      out.add("  mock : " + ms);
    }
    if (s.ordered()) {
      orderedRows(s.rows(), m.rows(), tol, out);
    } else {
      multisetRows(s.rows(), m.rows(), tol, out);
    }
  }

  private static void orderedRows(List<Row> s, List<Row> m, double tol, List<String> out) {
    int n = Math.min(s.size(), m.size());
    int first = -1;
    for (int i = 0; i < n && first < 0; i++) {
      if (!Values.sameRow(s.get(i), m.get(i), tol)) {
        first = i;
      }
    }
    if (first < 0 && s.size() == m.size()) {
      return;
    }
    out.add("rows differ (ordered; spark " + s.size() + " rows, mock " + m.size() + " rows"
        + (first >= 0 ? ", first difference at row " + first : "") + "):");
    listRows("  spark", s, out);
    listRows("  mock ", m, out);
  }

  private static void multisetRows(List<Row> s, List<Row> m, double tol, List<String> out) {
    List<Row> onlySpark = new ArrayList<>(sorted(s));
    List<Row> onlyMock = new ArrayList<>();
    for (Row r : sorted(m)) {
      int hit = -1;
      for (int i = 0; i < onlySpark.size() && hit < 0; i++) {
        if (Values.sameRow(onlySpark.get(i), r, tol)) {
          hit = i;
        }
      }
      if (hit >= 0) {
        onlySpark.remove(hit);
      } else {
        onlyMock.add(r);
      }
    }
    if (onlySpark.isEmpty() && onlyMock.isEmpty()) {
      return;
    }
    out.add("rows differ (as multisets; spark " + s.size() + " rows, mock " + m.size() + " rows):");
    listRows("  only in spark", onlySpark, out);
    listRows("  only in mock ", onlyMock, out);
  }

  private static List<Row> sorted(List<Row> rows) {
    List<Row> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Values::row));
    return copy;
  }

  private static void listRows(String label, List<Row> rows, List<String> out) {
    out.add(label + " (" + rows.size() + "):");
    for (int i = 0; i < rows.size() && i < MAX_ROWS_SHOWN; i++) {
      out.add("    " + Values.row(rows.get(i)));
    }
    if (rows.size() > MAX_ROWS_SHOWN) {
      out.add("    ... " + (rows.size() - MAX_ROWS_SHOWN) + " more");
    }
  }

  private static void texts(String s, String m, List<String> out) {
    if (s.equals(m)) {
      return;
    }
    List<String> sl = s.lines().toList();
    List<String> ml = m.lines().toList();
    int line = 0;
    while (line < sl.size() && line < ml.size() && sl.get(line).equals(ml.get(line))) {
      line++;
    }
    out.add("text differs from line " + (line + 1) + ":");
    out.add("  spark:");
    sl.forEach(l -> out.add("    |" + l));
    out.add("  mock :");
    ml.forEach(l -> out.add("    |" + l));
    if (sl.equals(ml)) {
      out.add("  (lines equal; line endings or a trailing newline differ)");
    }
  }

  private static void failures(Outcome.Failure s, Outcome.Failure m, List<String> out) {
    if (!s.type().equals(m.type())) {
      out.add("exception type differs: spark " + s.type() + ", mock " + m.type());
    }
    if (!Objects.equals(s.condition(), m.condition())) {
      out.add("error condition differs: spark [" + s.condition() + "], mock [" + m.condition()
          + "]");
    }
    if (!out.isEmpty()) {
      out.add("  spark message: " + firstLine(s.message()));
      out.add("  mock message : " + firstLine(m.message()));
    }
  }
}
