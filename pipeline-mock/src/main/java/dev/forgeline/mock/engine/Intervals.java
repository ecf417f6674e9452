package dev.forgeline.mock.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** ANSI day-time intervals (internally a {@link Duration}): literals and timestamp arithmetic. */
public final class Intervals {
  private Intervals() {}

  /** Spark's SQL text of a day-time interval literal, e.g. {@code INTERVAL '90' MINUTE}. */
  public static String sql(Duration d, DayTimeIntervalType t) {
    byte start = t.startField();
    byte end = t.endField();
    if (start == end) {
      long v =
          switch (start) {
            case 0 -> d.toDays();
            case 1 -> d.toHours();
            case 2 -> d.toMinutes();
            default -> d.getSeconds();
          };
      return "INTERVAL '"
          + v
          + "' "
          + DayTimeIntervalType.fieldToString(start).toUpperCase(java.util.Locale.ROOT);
    }
    long secs = Math.abs(d.getSeconds());
    String body =
        (d.isNegative() ? "-" : "")
            + secs / 86400
            + " "
            + String.format("%02d:%02d:%02d", secs % 86400 / 3600, secs % 3600 / 60, secs % 60);
    return "INTERVAL '"
        + body
        + "' "
        + DayTimeIntervalType.fieldToString(start).toUpperCase(java.util.Locale.ROOT)
        + " TO "
        + DayTimeIntervalType.fieldToString(end).toUpperCase(java.util.Locale.ROOT);
  }

  /** timestamp +/- day-time interval (exact microseconds), or null when not interval arithmetic. */
  public static Expr arithmetic(char op, Expr l, Expr r, SessionConf conf) {
    DataType lt = l.type();
    DataType rt = r.type();
    if (!(rt instanceof DayTimeIntervalType) && !(lt instanceof DayTimeIntervalType)) {
      return null;
    }
    Expr ts = rt instanceof DayTimeIntervalType ? l : r;
    Expr iv = rt instanceof DayTimeIntervalType ? r : l;
    if (op == '-' && ts == r) {
      throw Errors.binaryOpDiffTypes(l.sql() + " - " + r.sql(), lt, rt);
    }
    String sql = l.sql() + " " + op + " " + r.sql();
    Expr timestamp =
        ts.type() instanceof TimestampType || ts.type() instanceof TimestampNTZType
            ? ts
            : CastExpr.implicit(
                ts, org.apache.spark.sql.types.DataTypes.TimestampType, conf.ansi(), conf.zone());
    if (!(timestamp.type() instanceof TimestampType
        || timestamp.type() instanceof TimestampNTZType)) {
      throw Errors.binaryOpDiffTypes(sql, lt, rt);
    }
    int sign = op == '+' ? 1 : -1;
    return Call.strict(
        sql,
        timestamp.type(),
        List.of(timestamp, iv),
        a -> {
          Duration d = sign > 0 ? (Duration) a[1] : ((Duration) a[1]).negated();
          return a[0] instanceof Instant i ? i.plus(d) : ((LocalDateTime) a[0]).plus(d);
        });
  }
}
