package dev.forgeline.mock.engine;

import java.util.Locale;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.ErrorCapturingMultiUnitsIntervalContext;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.IdentifierContext;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.IntervalContext;
import org.apache.spark.sql.catalyst.trees.CurrentOrigin;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.Literal;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DayTimeIntervalType;
import scala.Option;

/** The literal forms of SQL text: numbers with their suffixes, quoted strings, intervals. */
public final class SqlLiterals {
  private SqlLiterals() {}

  /** A numeric literal as Spark types it: int, bigint, decimal, or a suffixed type. */
  public static Object number(String raw) {
    String t = raw.toUpperCase(Locale.ROOT);
    try {
      if (t.endsWith("BD")) {
        return new java.math.BigDecimal(t.substring(0, t.length() - 2));
      }
      if (t.endsWith("L")) {
        return Long.parseLong(t.substring(0, t.length() - 1));
      }
      if (t.endsWith("S")) {
        return Short.parseShort(t.substring(0, t.length() - 1));
      }
      if (t.endsWith("Y")) {
        return Byte.parseByte(t.substring(0, t.length() - 1));
      }
      if (t.endsWith("D")) {
        return Double.parseDouble(t.substring(0, t.length() - 1));
      }
      if (t.endsWith("F")) {
        return Float.parseFloat(t.substring(0, t.length() - 1));
      }
      if (t.contains("E")) {
        return Double.parseDouble(t);
      }
      if (t.contains(".")) {
        return new java.math.BigDecimal(t);
      }
      java.math.BigInteger v = new java.math.BigInteger(t);
      if (v.bitLength() < 32) {
        return v.intValue();
      }
      if (v.bitLength() < 64) {
        return v.longValue();
      }
      return new java.math.BigDecimal(v);
    } catch (NumberFormatException e) {
      throw Errors.analysis(
          "INVALID_NUMERIC_LITERAL_RANGE",
          "rawStrippedQualifier",
          raw,
          "minValue",
          "",
          "maxValue",
          "",
          "typeName",
          "");
    }
  }

  /** The text of a quoted SQL string with its escapes resolved. */
  public static String unquote(String quoted) {
    char quote = quoted.charAt(0);
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (ch == quote && i + 1 < body.length() && body.charAt(i + 1) == quote) {
        sb.append(quote);
        i++;
      } else if (ch == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        switch (n) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '0' -> sb.append('\0');
          default -> sb.append(n);
        }
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** An identifier without its back quotes. */
  public static String identifier(IdentifierContext id) {
    return identifier(id.getText());
  }

  /** An identifier's text without its back quotes. */
  public static String identifier(String t) {
    if (t.startsWith("`") && t.endsWith("`") && t.length() >= 2) {
      return t.substring(1, t.length() - 1).replace("``", "`");
    }
    return t;
  }

  /**
   * A single-unit day-time interval literal (INTERVAL 90 MINUTES, INTERVAL '1' DAY), or null when
   * the interval has another shape.
   */
  static ColumnNode dayTimeInterval(IntervalContext ctx) {
    ErrorCapturingMultiUnitsIntervalContext multi = ctx.errorCapturingMultiUnitsInterval();
    if (multi == null
        || multi.body == null
        || multi.body.intervalValue().size() != 1
        || multi.unitToUnitInterval() != null) {
      return null;
    }
    String valueText = multi.body.intervalValue(0).getText();
    if (valueText.startsWith("'")) {
      valueText = unquote(valueText);
    }
    String unit = multi.body.unit.get(0).getText().toUpperCase(Locale.ROOT);
    if (unit.endsWith("S")) {
      unit = unit.substring(0, unit.length() - 1);
    }
    byte field;
    java.time.temporal.ChronoUnit chrono;
    switch (unit) {
      case "DAY" -> {
        field = DayTimeIntervalType.DAY();
        chrono = java.time.temporal.ChronoUnit.DAYS;
      }
      case "HOUR" -> {
        field = DayTimeIntervalType.HOUR();
        chrono = java.time.temporal.ChronoUnit.HOURS;
      }
      case "MINUTE" -> {
        field = DayTimeIntervalType.MINUTE();
        chrono = java.time.temporal.ChronoUnit.MINUTES;
      }
      case "SECOND" -> {
        field = DayTimeIntervalType.SECOND();
        chrono = java.time.temporal.ChronoUnit.SECONDS;
      }
      default -> {
        return null;
      }
    }
    long amount;
    try {
      amount = Long.parseLong(valueText.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    java.time.Duration d = java.time.Duration.of(amount, chrono);
    DataType t = DayTimeIntervalType.apply(field, field);
    return new Literal(d, Option.apply(t), CurrentOrigin.get());
  }
}
