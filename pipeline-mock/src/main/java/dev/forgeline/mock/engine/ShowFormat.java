package dev.forgeline.mock.engine;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Spark's {@code Dataset.show} text, byte for byte: padding, truncation, vertical mode, footer. */
public final class ShowFormat {
  private ShowFormat() {}

  private static String escape(String s) {
    return s.replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
        .replace("\f", "\\f")
        .replace("\b", "\\b")
        .replace("\u000B", "\\v")
        .replace("\u0007", "\\a");
  }

  private static String truncate(String s, int truncate) {
    if (truncate > 0 && s.length() > truncate) {
      return truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
    }
    return s;
  }

  private static String pad(String s, int width, boolean left, char with) {
    if (s.length() >= width) {
      return s;
    }
    String fill = String.valueOf(with).repeat(width - s.length());
    return left ? fill + s : s + fill;
  }

  /** The text show(numRows, truncate, vertical) prints (without println's final newline). */
  public static String format(
      List<Field> fields,
      List<Object[]> rows,
      int numRows,
      int truncate,
      boolean vertical,
      ZoneId zone) {
    int n = Math.max(numRows, 0);
    boolean hasMore = rows.size() > n;
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (Field f : fields) {
      header.add(truncate(escape(f.name()), truncate));
    }
    table.add(header);
    for (int r = 0; r < Math.min(n, rows.size()); r++) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        String s = Values.toPrettyString(rows.get(r)[i], fields.get(i).type(), zone);
        cells.add(truncate(escape(s), truncate));
      }
      table.add(cells);
    }
    StringBuilder sb = new StringBuilder();
    if (!vertical) {
      int[] widths = new int[fields.size()];
      for (List<String> row : table) {
        for (int i = 0; i < row.size(); i++) {
          widths[i] = Math.max(Math.max(widths[i], 3), row.get(i).length());
        }
      }
      StringBuilder sep = new StringBuilder("+");
      for (int w : widths) {
        sep.append("-".repeat(Math.max(w, 3))).append('+');
      }
      if (widths.length == 0) {
        sep.append('+');
      }
      sep.append('\n');
      sb.append(sep);
      for (int r = 0; r < table.size(); r++) {
        sb.append('|');
        for (int i = 0; i < widths.length; i++) {
          sb.append(pad(table.get(r).get(i), Math.max(widths[i], 3), truncate > 0, ' '))
              .append('|');
        }
        if (widths.length == 0) {
          sb.append('|');
        }
        sb.append('\n');
        if (r == 0) {
          sb.append(sep);
        }
      }
      sb.append(sep);
    } else {
      int nameWidth = 0;
      for (String h : header) {
        nameWidth = Math.max(nameWidth, h.length());
      }
      int dataWidth = 0;
      for (int r = 1; r < table.size(); r++) {
        for (String c : table.get(r)) {
          dataWidth = Math.max(dataWidth, c.length());
        }
      }
      for (int r = 1; r < table.size(); r++) {
        sb.append(pad("-RECORD " + (r - 1), nameWidth + dataWidth + 5, false, '-')).append('\n');
        List<String> row = table.get(r);
        for (int j = 0; j < row.size(); j++) {
          sb.append(' ')
              .append(pad(header.get(j), nameWidth, false, ' '))
              .append(" | ")
              .append(pad(row.get(j), dataWidth, false, ' '))
              .append(" \n");
        }
      }
      if (table.size() == 1) {
        sb.append("(0 rows)\n");
      }
    }
    if (hasMore) {
      sb.append("only showing top ").append(n).append(n == 1 ? " row" : " rows");
    }
    return sb.toString();
  }
}
