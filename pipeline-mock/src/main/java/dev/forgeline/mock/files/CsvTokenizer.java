package dev.forgeline.mock.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields. An unquoted empty field is null; a quoted field keeps its
 * text, with the escape character or a doubled quote standing for a quote inside it. Blank lines
 * and comment lines are skipped. Without multiLine each line is one record, as Spark reads it.
 */
final class CsvTokenizer {
  /** One record: its fields and its raw text (for the corrupt record column). */
  record Record(String[] fields, String raw) {}

  private final char sep;
  private final char quote;
  private final char escape;
  private final char comment;

  CsvTokenizer(Options o) {
    this.sep = o.character("sep", o.character("delimiter", ','));
    this.quote = o.character("quote", '"');
    this.escape = o.character("escape", '\\');
    this.comment = o.character("comment", '\u0000');
  }

  List<Record> records(String text, boolean multiLine) {
    List<Record> out = new ArrayList<>();
    if (multiLine) {
      int[] pos = {0};
      while (pos[0] < text.length()) {
        int start = pos[0];
        List<String> fields = parse(text, pos);
        String raw = text.substring(start, pos[0]).stripTrailing();
        add(out, fields, raw);
      }
      return out;
    }
    for (String line : text.split("\r?\n", -1)) {
      int[] pos = {0};
      add(out, parse(line, pos), line);
    }
    return out;
  }

  private void add(List<Record> out, List<String> fields, String raw) {
    if (raw.isBlank() || (comment != '\u0000' && raw.charAt(0) == comment)) {
      return;
    }
    out.add(new Record(fields.toArray(String[]::new), raw));
  }

  /** Parses one record starting at pos[0]; leaves pos[0] after its line end. */
  private List<String> parse(String s, int[] pos) {
    List<String> fields = new ArrayList<>();
    int i = pos[0];
    int n = s.length();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (i < n) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == escape && escape != quote && i + 1 < n && s.charAt(i + 1) == quote) {
          cur.append(quote);
          i += 2;
          continue;
        }
        if (c == quote) {
          if (i + 1 < n && s.charAt(i + 1) == quote) {
            cur.append(quote);
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        cur.append(c);
        i++;
        continue;
      }
      if (c == quote && quote != '\u0000' && cur.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        i++;
        continue;
      }
      if (c == sep) {
        fields.add(field(cur, wasQuoted));
        cur.setLength(0);
        wasQuoted = false;
        i++;
        continue;
      }
      if (c == '\n' || c == '\r') {
        i++;
        if (c == '\r' && i < n && s.charAt(i) == '\n') {
          i++;
        }
        break;
      }
      cur.append(c);
      i++;
    }
    fields.add(field(cur, wasQuoted));
    pos[0] = i;
    return fields;
  }

  private static String field(StringBuilder cur, boolean wasQuoted) {
    return cur.length() == 0 && !wasQuoted ? null : cur.toString();
  }
}
