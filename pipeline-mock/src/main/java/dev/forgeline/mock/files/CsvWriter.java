package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Temporal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** Renders rows as CSV lines with Spark's writer defaults. */
final class CsvWriter {
  private static final DateTimeFormatter DEFAULT_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.US);
  private static final DateTimeFormatter DEFAULT_NTZ =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.US);

  private final char sep;
  private final char quote;
  private final char escape;
  private final String nullValue;
  private final String emptyValue;
  private final boolean trimLeading;
  private final boolean trimTrailing;
  private final boolean quoteAll;
  private final DateTimeFormatter dateFormat;
  private final DateTimeFormatter timestampFormat;
  private final ZoneId zone;

  CsvWriter(Options o, ZoneId zone) {
    this.sep = o.character("sep", o.character("delimiter", ','));
    this.quote = o.character("quote", '"');
    this.escape = o.character("escape", '\\');
    this.nullValue = o.get("nullValue", "");
    this.emptyValue = o.get("emptyValue", "\"\"");
    this.trimLeading = o.bool("ignoreLeadingWhiteSpace", true);
    this.trimTrailing = o.bool("ignoreTrailingWhiteSpace", true);
    this.quoteAll = o.bool("quoteAll", false);
    String df = o.get("dateFormat", null);
    this.dateFormat = df == null ? null : DateTimeFormatter.ofPattern(df, Locale.US);
    String tf = o.get("timestampFormat", null);
    this.timestampFormat =
        tf == null ? DEFAULT_TIMESTAMP : DateTimeFormatter.ofPattern(tf, Locale.US);
    this.zone = zone;
  }

  /** A cell's text before quoting, or null for a null value. */
  String render(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type instanceof DateType) {
      LocalDate d = (LocalDate) v;
      return dateFormat == null ? Temporal.formatDate(d) : dateFormat.format(d);
    }
    if (type instanceof TimestampType) {
      return timestampFormat.format(((Instant) v).atZone(zone));
    }
    if (type instanceof TimestampNTZType) {
      return DEFAULT_NTZ.format((LocalDateTime) v);
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (v instanceof Double || v instanceof Float || v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof String s) {
      return s;
    }
    throw dev.forgeline.mock.engine.NotSupported.method(
        "writing a " + type.sql() + " column as csv (Spark rejects it too)");
  }

  void line(StringBuilder sb, String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(sep);
      }
      String c = cells[i];
      if (c == null) {
        sb.append(nullValue);
        continue;
      }
      if (trimLeading) {
        c = c.stripLeading();
      }
      if (trimTrailing) {
        c = c.stripTrailing();
      }
      if (c.isEmpty()) {
        sb.append(emptyValue);
        continue;
      }
      if (quoteAll || needsQuotes(c)) {
        sb.append(quote);
        for (int k = 0; k < c.length(); k++) {
          char ch = c.charAt(k);
          if (ch == quote || ch == escape) {
            sb.append(escape);
          }
          sb.append(ch);
        }
        sb.append(quote);
      } else {
        sb.append(c);
      }
    }
    sb.append('\n');
  }

  private boolean needsQuotes(String c) {
    for (int k = 0; k < c.length(); k++) {
      char ch = c.charAt(k);
      if (ch == sep || ch == quote || ch == '\n' || ch == '\r' || ch == escape) {
        return true;
      }
    }
    return c.charAt(0) == '#';
  }
}
