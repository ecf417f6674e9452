package dev.forgeline.mock.kit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

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

  /** One line naming the first difference, for gap lists and summaries; empty if none. */
  static String headline(Outcome spark, Outcome mock, double tolerance) {
    if (between(spark, mock, tolerance).isEmpty()) {
      return "";
    }
    if (spark instanceof Outcome.Table s && mock instanceof Outcome.Table m) {
      String schema = schemaHeadline(s.schema(), m.schema());
      return schema != null ? schema : rowsHeadline(s, m, tolerance);
    } else if (spark instanceof Outcome.Text s && mock instanceof Outcome.Text m) {
      List<String> sl = s.text().lines().toList();
      List<String> ml = m.text().lines().toList();
      int i = 0;
      while (i < sl.size() && i < ml.size() && sl.get(i).equals(ml.get(i))) {
        i++;
      }
      return "printed text differs at line "
          + (i + 1)
          + ": Spark ["
          + at(sl, i)
          + "], mock ["
          + at(ml, i)
          + "]";
    } else if (spark instanceof Outcome.Failure s && mock instanceof Outcome.Failure m) {
      return "Spark raises " + brief(s) + ", the mock " + brief(m);
    } else if (mock instanceof Outcome.Failure m) {
      return "the mock fails: " + brief(m) + " " + clip(firstLine(m.message()), 140);
    } else if (spark instanceof Outcome.Failure s) {
      return "Spark raises " + brief(s) + ", the mock returns " + mock.summary();
    }
    return "Spark returns " + spark.summary() + ", the mock " + mock.summary();
  }

  private static String schemaHeadline(StructType s, StructType m) {
    StructField[] sf = s.fields();
    StructField[] mf = m.fields();
    for (int i = 0; i < Math.min(sf.length, mf.length); i++) {
      if (!sf[i].name().equals(mf[i].name())) {
        return "column "
            + (i + 1)
            + " is named ["
            + clip(sf[i].name(), 80)
            + "] on Spark, ["
            + clip(mf[i].name(), 80)
            + "] on the mock";
      }
      String st = Values.type(sf[i].dataType());
      String mt = Values.type(mf[i].dataType());
      if (!st.equals(mt)) {
        return "column ["
            + clip(sf[i].name(), 60)
            + "] is "
            + st
            + " on Spark, "
            + mt
            + " on the mock";
      }
      if (sf[i].nullable() != mf[i].nullable()) {
        return "column ["
            + clip(sf[i].name(), 60)
            + "] is "
            + (sf[i].nullable() ? "" : "not ")
            + "nullable on Spark, "
            + (mf[i].nullable() ? "" : "not ")
            + "nullable on the mock";
      }
    }
    if (sf.length != mf.length) {
      return "Spark returns " + sf.length + " columns, the mock " + mf.length;
    }
    return null;
  }

  private static String rowsHeadline(Outcome.Table s, Outcome.Table m, double tol) {
    if (s.rows().size() != m.rows().size()) {
      return "Spark returns " + s.rows().size() + " rows, the mock " + m.rows().size();
    }
    List<Row> sr = s.ordered() ? s.rows() : sorted(s.rows());
    List<Row> mr = m.ordered() ? m.rows() : sorted(m.rows());
    for (int i = 0; i < sr.size(); i++) {
      if (!Values.sameRow(sr.get(i), mr.get(i), tol)) {
        return "values differ: Spark "
            + clip(Values.row(sr.get(i)), 100)
            + ", mock "
            + clip(Values.row(mr.get(i)), 100);
      }
    }
    return "rows differ";
  }

  private static String brief(Outcome.Failure f) {
    String type = f.type().substring(f.type().lastIndexOf('.') + 1);
    return type + (f.condition() == null ? "" : " [" + f.condition() + "]");
  }

  private static String at(List<String> lines, int i) {
    return i < lines.size() ? clip(lines.get(i), 80) : "<end>";
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
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
    out.add(
        "rows differ (ordered; spark "
            + s.size()
            + " rows, mock "
            + m.size()
            + " rows"
            + (first >= 0 ? ", first difference at row " + first : "")
            + "):");
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
      out.add(
          "error condition differs: spark [" + s.condition() + "], mock [" + m.condition() + "]");
    }
    if (!out.isEmpty()) {
      out.add("  spark message: " + firstLine(s.message()));
      out.add("  mock message : " + firstLine(m.message()));
    }
  }
}
