package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.Call;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.Lit;
import dev.forgeline.mock.engine.Names;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.engine.Temporal;
import dev.forgeline.mock.engine.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** Date and time functions, in the session time zone, with Spark's datetime patterns. */
final class DateFunctions {
  private static final ConcurrentHashMap<String, DateTimeFormatter> FORMATTERS =
      new ConcurrentHashMap<>();

  private DateFunctions() {}

  static DateTimeFormatter formatter(String pattern) {
    return FORMATTERS.computeIfAbsent(
        pattern,
        p -> {
          try {
            return DateTimeFormatter.ofPattern(p, Locale.US).withResolverStyle(ResolverStyle.SMART);
          } catch (IllegalArgumentException e) {
            throw Errors.analysis(
                "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER",
                "c",
                p.isEmpty() ? "" : p.substring(0, 1),
                "pattern",
                p);
          }
        });
  }

  static void register(FunctionRegistry.Registrar r) {
    r.scalar(
        "current_date",
        c -> {
          c.arity(0, 0);
          LocalDate d = LocalDateTime.ofInstant(c.conf().now(), c.conf().zone()).toLocalDate();
          return new Lit(d, DataTypes.DateType, "current_date()");
        });
    r.scalar(
        "curdate",
        c ->
            new Lit(
                LocalDateTime.ofInstant(c.conf().now(), c.conf().zone()).toLocalDate(),
                DataTypes.DateType,
                "curdate()"));
    r.scalar(
        "current_timestamp",
        c ->
            new Lit(
                Temporal.micros(c.conf().now()), DataTypes.TimestampType, "current_timestamp()"));
    r.scalar(
        "now", c -> new Lit(Temporal.micros(c.conf().now()), DataTypes.TimestampType, "now()"));
    r.scalar(
        "localtimestamp",
        c ->
            new Lit(
                LocalDateTime.ofInstant(c.conf().now(), c.conf().zone())
                    .truncatedTo(ChronoUnit.MICROS),
                DataTypes.TimestampNTZType,
                "localtimestamp()"));
    r.scalar(
        "current_timezone",
        c -> new Lit(c.conf().zone().getId(), DataTypes.StringType, "current_timezone()"));
    r.scalar("to_date", DateFunctions::toDate);
    r.scalar("to_timestamp", DateFunctions::toTimestamp);
    r.scalar("date_format", DateFunctions::dateFormat);
    r.scalar("date_add", c -> addDays(c, 1));
    r.scalar("dateadd", c -> addDays(c, 1));
    r.scalar("date_sub", c -> addDays(c, -1));
    r.scalar("datediff", DateFunctions::datediff);
    r.scalar("date_diff", DateFunctions::datediff);
    r.scalar(
        "add_months",
        c -> {
          c.arity(2, 2);
          return Call.strict(
              c.sql(),
              DataTypes.DateType,
              List.of(date(c, 0), c.integer(1)),
              a -> ((LocalDate) a[0]).plusMonths((Integer) a[1]));
        });
    r.scalar("months_between", DateFunctions::monthsBetween);
    r.scalar(
        "last_day",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.DateType,
              List.of(date(c, 0)),
              a -> ((LocalDate) a[0]).with(TemporalAdjusters.lastDayOfMonth()));
        });
    r.scalar("next_day", DateFunctions::nextDay);
    r.scalar("trunc", DateFunctions::trunc);
    r.scalar("date_trunc", DateFunctions::dateTrunc);
    datePart(r, "year", d -> d.getYear());
    datePart(r, "month", d -> d.getMonthValue());
    datePart(r, "dayofmonth", d -> d.getDayOfMonth());
    datePart(r, "day", d -> d.getDayOfMonth());
    datePart(r, "dayofyear", d -> d.getDayOfYear());
    datePart(r, "dayofweek", d -> d.getDayOfWeek().getValue() % 7 + 1);
    datePart(r, "weekday", d -> d.getDayOfWeek().getValue() - 1);
    datePart(r, "weekofyear", d -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    datePart(r, "quarter", d -> d.get(IsoFields.QUARTER_OF_YEAR));
    timePart(r, "hour", t -> t.getHour());
    timePart(r, "minute", t -> t.getMinute());
    timePart(r, "second", t -> t.getSecond());
    r.scalar("unix_timestamp", c -> unixTimestamp(c, "unix_timestamp"));
    r.scalar("to_unix_timestamp", c -> unixTimestamp(c, "to_unix_timestamp"));
    r.scalar("from_unixtime", DateFunctions::fromUnixtime);
    r.scalar(
        "timestamp_seconds",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.TimestampType,
              List.of(c.arg(0)),
              a -> {
                java.math.BigDecimal s =
                    dev.forgeline.mock.engine.Arithmetic.toBigDecimal((Number) a[0]);
                return Temporal.fromMicros(s.movePointRight(6).longValue());
              });
        });
    r.scalar(
        "unix_seconds",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.LongType,
              List.of(timestamp(c, 0)),
              a -> Math.floorDiv(Temporal.toMicros((Instant) a[0]), 1_000_000L));
        });
    r.scalar(
        "make_date",
        c -> {
          c.arity(3, 3);
          boolean ansi = c.conf().ansi();
          return Call.strictNullable(
              c.sql(),
              DataTypes.DateType,
              List.of(c.integer(0), c.integer(1), c.integer(2)),
              a -> {
                try {
                  return LocalDate.of((Integer) a[0], (Integer) a[1], (Integer) a[2]);
                } catch (java.time.DateTimeException e) {
                  if (ansi) {
                    throw new org.apache.spark.SparkDateTimeException(
                        "DATETIME_FIELD_OUT_OF_BOUNDS.WITH_SUGGESTION",
                        dev.forgeline.mock.engine.Scala.map(
                            java.util.Map.of(
                                "rangeMessage",
                                e.getMessage(),
                                "ansiConfig",
                                "\"spark.sql.ansi.enabled\"")),
                        new org.apache.spark.QueryContext[0],
                        "");
                  }
                  return null;
                }
              });
        });
    r.scalar(
        "unix_date",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.IntegerType,
              List.of(date(c, 0)),
              a -> (int) ((LocalDate) a[0]).toEpochDay());
        });
    r.scalar(
        "date_from_unix_date",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.DateType,
              List.of(c.integer(0)),
              a -> LocalDate.ofEpochDay((Integer) a[0]));
        });
    r.scalar(
        "unix_micros",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.LongType,
              List.of(timestamp(c, 0)),
              a -> Temporal.toMicros((Instant) a[0]));
        });
    r.scalar(
        "unix_millis",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.LongType,
              List.of(timestamp(c, 0)),
              a -> Math.floorDiv(Temporal.toMicros((Instant) a[0]), 1000L));
        });
    r.scalar(
        "timestamp_micros",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.TimestampType,
              List.of(c.expect(0, DataTypes.LongType, "\"BIGINT\"")),
              a -> Temporal.fromMicros((Long) a[0]));
        });
    r.scalar(
        "timestamp_millis",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.TimestampType,
              List.of(c.expect(0, DataTypes.LongType, "\"BIGINT\"")),
              a -> Temporal.fromMicros(Math.multiplyExact((Long) a[0], 1000L)));
        });
    r.scalar(
        "to_timestamp_ntz",
        c -> {
          c.arity(1, 2);
          if (c.arity() == 1) {
            Expr e =
                c.arg(0).type() instanceof TimestampNTZType
                    ? c.arg(0)
                    : c.expect(0, DataTypes.TimestampNTZType, "\"TIMESTAMP_NTZ\"");
            return Call.strict(c.sql(), DataTypes.TimestampNTZType, List.of(e), a -> a[0]);
          }
          SessionConf conf = c.conf();
          return Call.strictNullable(
              c.sql(),
              DataTypes.TimestampNTZType,
              List.of(c.string(0), c.string(1)),
              a -> {
                Instant i =
                    parse(
                        (String) a[0],
                        (String) a[1],
                        new SessionConf(
                            java.time.ZoneOffset.UTC,
                            conf.ansi(),
                            conf.caseSensitive(),
                            conf.java8Api(),
                            conf.now()),
                        "try_to_timestamp");
                return i == null ? null : LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
              });
        });
    r.scalar(
        "try_to_timestamp",
        c -> {
          c.arity(1, 2);
          SessionConf conf = c.conf();
          SessionConf lenient =
              new SessionConf(
                  conf.zone(), false, conf.caseSensitive(), conf.java8Api(), conf.now());
          Expr s = c.string(0);
          if (c.arity() == 1) {
            return Call.strictNullable(
                c.sql(),
                DataTypes.TimestampType,
                List.of(s),
                a -> Temporal.parseTimestamp((String) a[0], conf.zone()));
          }
          return Call.strictNullable(
              c.sql(),
              DataTypes.TimestampType,
              List.of(s, c.string(1)),
              a -> parse((String) a[0], (String) a[1], lenient, "try_to_timestamp"));
        });
    r.scalar(
        "make_timestamp",
        c -> {
          c.arity(6, 7);
          List<Expr> args = new ArrayList<>();
          for (int i = 0; i < 5; i++) {
            args.add(c.integer(i));
          }
          args.add(
              c.expect(5, new org.apache.spark.sql.types.DecimalType(16, 6), "\"DECIMAL(16,6)\""));
          ZoneId zone = c.conf().zone();
          boolean ansi = c.conf().ansi();
          if (c.arity() == 7) {
            args.add(c.string(6));
          }
          return Call.strict(
              c.sql(),
              DataTypes.TimestampType,
              args,
              a -> {
                java.math.BigDecimal sec = (java.math.BigDecimal) a[5];
                try {
                  int whole = sec.intValue();
                  int micros =
                      sec.subtract(java.math.BigDecimal.valueOf(whole))
                          .movePointRight(6)
                          .intValue();
                  LocalDateTime t =
                      LocalDateTime.of(
                          (Integer) a[0],
                          (Integer) a[1],
                          (Integer) a[2],
                          (Integer) a[3],
                          (Integer) a[4],
                          whole == 60 ? 0 : whole,
                          micros * 1000);
                  if (whole == 60) {
                    t = t.plusMinutes(1);
                  }
                  ZoneId z = a.length > 6 ? ZoneId.of((String) a[6], ZoneId.SHORT_IDS) : zone;
                  return t.atZone(z).toInstant();
                } catch (java.time.DateTimeException e) {
                  if (ansi) {
                    throw new org.apache.spark.SparkDateTimeException(
                        "DATETIME_FIELD_OUT_OF_BOUNDS.WITH_SUGGESTION",
                        dev.forgeline.mock.engine.Scala.map(
                            java.util.Map.of(
                                "rangeMessage",
                                String.valueOf(e.getMessage()),
                                "ansiConfig",
                                "\"spark.sql.ansi.enabled\"")),
                        new org.apache.spark.QueryContext[0],
                        "");
                  }
                  return null;
                }
              });
        });
    r.scalar("window", DateFunctions::timeWindow);
    r.scalar(
        "dayname",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.StringType,
              List.of(date(c, 0)),
              a ->
                  ((LocalDate) a[0])
                      .getDayOfWeek()
                      .getDisplayName(java.time.format.TextStyle.SHORT, Locale.US));
        });
    r.scalar(
        "monthname",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.StringType,
              List.of(date(c, 0)),
              a ->
                  ((LocalDate) a[0])
                      .getMonth()
                      .getDisplayName(java.time.format.TextStyle.SHORT, Locale.US));
        });
    r.scalar("date_part", DateFunctions::datePartByName);
    r.scalar("datepart", DateFunctions::datePartByName);
    r.scalar("extract", DateFunctions::datePartByName);
    r.scalar(
        "try_to_date",
        c -> {
          c.arity(1, 2);
          SessionConf conf = c.conf();
          SessionConf lenient =
              new SessionConf(
                  conf.zone(), false, conf.caseSensitive(), conf.java8Api(), conf.now());
          Expr s = c.string(0);
          if (c.arity() == 1) {
            return Call.strictNullable(
                c.sql(), DataTypes.DateType, List.of(s), a -> Temporal.parseDate((String) a[0]));
          }
          return Call.strictNullable(
              c.sql(),
              DataTypes.DateType,
              List.of(s, c.string(1)),
              a -> {
                Instant i = parse((String) a[0], (String) a[1], lenient, "try_to_date");
                return i == null ? null : LocalDateTime.ofInstant(i, conf.zone()).toLocalDate();
              });
        });
    r.scalar("from_utc_timestamp", c -> utcShift(c, true));
    r.scalar("to_utc_timestamp", c -> utcShift(c, false));
  }

  /** Argument i as a date (timestamps truncated in the session zone, strings cast). */
  static Expr date(FnCall c, int i) {
    Expr e = c.arg(i);
    if (e.type() instanceof DateType) {
      return e;
    }
    return c.expect(i, DataTypes.DateType, "\"DATE\"");
  }

  static Expr timestamp(FnCall c, int i) {
    Expr e = c.arg(i);
    if (e.type() instanceof TimestampType) {
      return e;
    }
    return c.expect(i, DataTypes.TimestampType, "\"TIMESTAMP\"");
  }

  /** {@code date + int} and {@code date - int}, as Spark rewrites them to date_add/date_sub. */
  static Expr dateArithmetic(FnCall c, char op, Expr l, Expr r, String sql) {
    if (l.type() instanceof DateType && Types.isIntegral(r.type())) {
      Expr days = c.integer(1);
      int sign = op == '+' ? 1 : -1;
      return Call.strict(
          sql,
          DataTypes.DateType,
          List.of(l, days),
          a -> ((LocalDate) a[0]).plusDays(sign * (long) (Integer) a[1]));
    }
    if (op == '+' && r.type() instanceof DateType && Types.isIntegral(l.type())) {
      Expr days = c.integer(0);
      return Call.strict(
          sql,
          DataTypes.DateType,
          List.of(r, days),
          a -> ((LocalDate) a[0]).plusDays((Integer) a[1]));
    }
    if (op == '-' && l.type() instanceof DateType && r.type() instanceof DateType) {
      throw NotSupportedHolder.intervals(sql);
    }
    return null;
  }

  /** Holder for the unsupported interval results. */
  private static final class NotSupportedHolder {
    static UnsupportedOperationException intervals(String sql) {
      return dev.forgeline.mock.engine.NotSupported.method("interval results such as " + sql);
    }
  }

  private static Expr toDate(FnCall c) {
    c.arity(1, 2);
    if (c.arity() == 1) {
      Expr e = c.arg(0);
      if (e.type() instanceof DateType) {
        return Call.strict(c.sql(), DataTypes.DateType, List.of(e), a -> a[0]);
      }
      Expr cast = c.expect(0, DataTypes.DateType, "\"DATE\"");
      return Call.strict(c.sql(), DataTypes.DateType, List.of(cast), a -> a[0]);
    }
    Expr s = c.string(0);
    Expr f = c.string(1);
    SessionConf conf = c.conf();
    Call.Fn body =
        a -> {
          Instant i = parse((String) a[0], (String) a[1], conf, "try_to_date");
          return i == null ? null : LocalDateTime.ofInstant(i, conf.zone()).toLocalDate();
        };
    if (conf.ansi()) {
      return Call.strict(c.sql(), DataTypes.DateType, List.of(s, f), body);
    }
    return Call.strictNullable(
        c.sql(),
        DataTypes.DateType,
        List.of(s, f),
        a -> {
          Instant i = parse((String) a[0], (String) a[1], conf, "try_to_date");
          return i == null ? null : LocalDateTime.ofInstant(i, conf.zone()).toLocalDate();
        });
  }

  private static Expr toTimestamp(FnCall c) {
    c.arity(1, 2);
    if (c.arity() == 1) {
      Expr cast =
          c.arg(0).type() instanceof TimestampType
              ? c.arg(0)
              : c.expect(0, DataTypes.TimestampType, "\"TIMESTAMP\"");
      return Call.strict(c.sql(), DataTypes.TimestampType, List.of(cast), a -> a[0]);
    }
    Expr s = c.string(0);
    Expr f = c.string(1);
    SessionConf conf = c.conf();
    if (conf.ansi()) {
      return Call.strict(
          c.sql(),
          DataTypes.TimestampType,
          List.of(s, f),
          a -> parse((String) a[0], (String) a[1], conf, "try_to_timestamp"));
    }
    return Call.strictNullable(
        c.sql(),
        DataTypes.TimestampType,
        List.of(s, f),
        a -> parse((String) a[0], (String) a[1], conf, "try_to_timestamp"));
  }

  /** Parses with a Spark datetime pattern; ANSI raises CANNOT_PARSE_TIMESTAMP. */
  static Instant parse(String s, String pattern, SessionConf conf, String tryFunction) {
    try {
      TemporalAccessor t = formatter(pattern).parse(s);
      LocalDate date =
          t.isSupported(ChronoField.EPOCH_DAY)
              ? LocalDate.ofEpochDay(t.getLong(ChronoField.EPOCH_DAY))
              : LocalDate.of(
                  t.isSupported(ChronoField.YEAR) ? t.get(ChronoField.YEAR) : 1970,
                  t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 1,
                  t.isSupported(ChronoField.DAY_OF_MONTH) ? t.get(ChronoField.DAY_OF_MONTH) : 1);
      int hour = t.isSupported(ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY) : 0;
      int minute =
          t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0;
      int second =
          t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0;
      int nano = t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0;
      LocalDateTime ldt = date.atTime(hour, minute, second, nano);
      ZoneId zone = conf.zone();
      if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
        zone = java.time.ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS));
      }
      return Temporal.micros(ldt.atZone(zone).toInstant());
    } catch (java.time.DateTimeException e) {
      if (conf.ansi()) {
        throw Errors.cannotParseTimestamp(
            "Text '" + s + "' could not be parsed" + suffix(e), tryFunction);
      }
      return null;
    }
  }

  private static String suffix(RuntimeException e) {
    String m = e.getMessage();
    int idx = m == null ? -1 : m.indexOf("could not be parsed");
    return idx < 0 ? "" : m.substring(idx + "could not be parsed".length());
  }

  private static Expr dateFormat(FnCall c) {
    c.arity(2, 2);
    Expr t =
        c.arg(0).type() instanceof DateType || c.arg(0).type() instanceof TimestampNTZType
            ? c.arg(0)
            : timestamp(c, 0);
    Expr f = c.string(1);
    ZoneId zone = c.conf().zone();
    return Call.strict(
        c.sql(),
        DataTypes.StringType,
        List.of(t, f),
        a -> {
          DateTimeFormatter fmt = formatter((String) a[1]);
          if (a[0] instanceof LocalDate d) {
            return fmt.format(d.atStartOfDay(zone));
          }
          if (a[0] instanceof LocalDateTime ldt) {
            return fmt.format(ldt.atZone(zone));
          }
          return fmt.format(ZonedDateTime.ofInstant((Instant) a[0], zone));
        });
  }

  private static Expr addDays(FnCall c, int sign) {
    c.arity(2, 2);
    Expr days = c.arg(1);
    if (!Types.isIntegral(days.type())
        && !Types.isString(days.type())
        && !(days.type() instanceof org.apache.spark.sql.types.NullType)) {
      throw Errors.unexpectedInputType(
          c.sql(), 2, "(\"INT\" or \"SMALLINT\" or \"TINYINT\")", days.sql(), days.type());
    }
    return Call.strict(
        c.sql(),
        DataTypes.DateType,
        List.of(date(c, 0), c.integer(1)),
        a -> ((LocalDate) a[0]).plusDays(sign * (long) (Integer) a[1]));
  }

  private static Expr datediff(FnCall c) {
    c.arity(2, 2);
    return Call.strict(
        c.sql(),
        DataTypes.IntegerType,
        List.of(date(c, 0), date(c, 1)),
        a -> (int) ChronoUnit.DAYS.between((LocalDate) a[1], (LocalDate) a[0]));
  }

  private static Expr monthsBetween(FnCall c) {
    c.arity(2, 3);
    List<Expr> args = new ArrayList<>(List.of(timestamp(c, 0), timestamp(c, 1)));
    boolean roundOff =
        c.arity() < 3 || Boolean.TRUE.equals(c.constant(2, "roundOff", "\"BOOLEAN\""));
    ZoneId zone = c.conf().zone();
    String sql = "months_between(" + c.arg(0).sql() + ", " + c.arg(1).sql() + ", " + roundOff + ")";
    return Call.strict(
        sql,
        DataTypes.DoubleType,
        args,
        a -> {
          LocalDateTime t1 = LocalDateTime.ofInstant((Instant) a[0], zone);
          LocalDateTime t2 = LocalDateTime.ofInstant((Instant) a[1], zone);
          int months1 = t1.getYear() * 12 + t1.getMonthValue();
          int months2 = t2.getYear() * 12 + t2.getMonthValue();
          boolean lastDay1 = t1.getDayOfMonth() == t1.toLocalDate().lengthOfMonth();
          boolean lastDay2 = t2.getDayOfMonth() == t2.toLocalDate().lengthOfMonth();
          double diff;
          if (t1.getDayOfMonth() == t2.getDayOfMonth() || lastDay1 && lastDay2) {
            diff = months1 - months2;
          } else {
            long sec1 = (t1.getDayOfMonth() - 1) * 86400L + t1.toLocalTime().toSecondOfDay();
            long sec2 = (t2.getDayOfMonth() - 1) * 86400L + t2.toLocalTime().toSecondOfDay();
            diff = months1 - months2 + (sec1 - sec2) / (31.0 * 86400);
          }
          if (roundOff) {
            return Math.round(diff * 1e8) / 1e8;
          }
          return diff;
        });
  }

  private static Expr nextDay(FnCall c) {
    c.arity(2, 2);
    boolean ansi = c.conf().ansi();
    return Call.strictNullable(
        c.sql(),
        DataTypes.DateType,
        List.of(date(c, 0), c.string(1)),
        a -> {
          String s = ((String) a[1]).trim().toUpperCase(Locale.ROOT);
          DayOfWeek target = null;
          for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name();
            if (s.equals(full)
                || s.equals(full.substring(0, 2))
                || s.equals(full.substring(0, 3))) {
              target = d;
            }
          }
          if (target == null) {
            if (ansi) {
              throw new org.apache.spark.SparkIllegalArgumentException(
                  "ILLEGAL_DAY_OF_WEEK",
                  dev.forgeline.mock.engine.Scala.map(java.util.Map.of("string", (String) a[1])));
            }
            return null;
          }
          return ((LocalDate) a[0]).with(TemporalAdjusters.next(target));
        });
  }

  private static Expr trunc(FnCall c) {
    c.arity(2, 2);
    return Call.strictNullable(
        c.sql(),
        DataTypes.DateType,
        List.of(date(c, 0), c.string(1)),
        a -> {
          LocalDate d = (LocalDate) a[0];
          switch (((String) a[1]).toUpperCase(Locale.ROOT)) {
            case "YEAR", "YYYY", "YY":
              return d.withDayOfYear(1);
            case "QUARTER":
              return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case "MONTH", "MM", "MON":
              return d.withDayOfMonth(1);
            case "WEEK":
              return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default:
              return null;
          }
        });
  }

  private static Expr dateTrunc(FnCall c) {
    c.arity(2, 2);
    ZoneId zone = c.conf().zone();
    return Call.strictNullable(
        c.sql(),
        DataTypes.TimestampType,
        List.of(c.string(0), timestamp(c, 1)),
        a -> {
          LocalDateTime t = LocalDateTime.ofInstant((Instant) a[1], zone);
          LocalDateTime r;
          switch (((String) a[0]).toUpperCase(Locale.ROOT)) {
            case "YEAR", "YYYY", "YY":
              r = t.toLocalDate().withDayOfYear(1).atStartOfDay();
              break;
            case "QUARTER":
              r = LocalDate.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
              break;
            case "MONTH", "MM", "MON":
              r = t.toLocalDate().withDayOfMonth(1).atStartOfDay();
              break;
            case "WEEK":
              r =
                  t.toLocalDate()
                      .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                      .atStartOfDay();
              break;
            case "DAY", "DD":
              r = t.truncatedTo(ChronoUnit.DAYS);
              break;
            case "HOUR":
              r = t.truncatedTo(ChronoUnit.HOURS);
              break;
            case "MINUTE":
              r = t.truncatedTo(ChronoUnit.MINUTES);
              break;
            case "SECOND":
              r = t.truncatedTo(ChronoUnit.SECONDS);
              break;
            case "MILLISECOND":
              r = t.truncatedTo(ChronoUnit.MILLIS);
              break;
            case "MICROSECOND":
              r = t.truncatedTo(ChronoUnit.MICROS);
              break;
            default:
              return null;
          }
          return r.atZone(zone).toInstant();
        });
  }

  private static void datePart(
      FunctionRegistry.Registrar r, String name, Function<LocalDate, Integer> f) {
    r.scalar(
        name,
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(), DataTypes.IntegerType, List.of(date(c, 0)), a -> f.apply((LocalDate) a[0]));
        });
  }

  private static void timePart(
      FunctionRegistry.Registrar r, String name, Function<LocalDateTime, Integer> f) {
    r.scalar(
        name,
        c -> {
          c.arity(1, 1);
          ZoneId zone = c.conf().zone();
          Expr e = c.arg(0).type() instanceof TimestampNTZType ? c.arg(0) : timestamp(c, 0);
          return Call.strict(
              c.sql(),
              DataTypes.IntegerType,
              List.of(e),
              a ->
                  a[0] instanceof LocalDateTime l
                      ? f.apply(l)
                      : f.apply(LocalDateTime.ofInstant((Instant) a[0], zone)));
        });
  }

  private static Expr unixTimestamp(FnCall c, String name) {
    c.arity(0, 2);
    SessionConf conf = c.conf();
    if (c.arity() == 0) {
      long now = Math.floorDiv(Temporal.toMicros(conf.now()), 1_000_000L);
      return new Lit(now, DataTypes.LongType, name + "(current_timestamp(), yyyy-MM-dd HH:mm:ss)");
    }
    Expr e = c.arg(0);
    String fmt =
        c.arity() == 2 ? (String) c.constant(1, "format", "\"STRING\"") : "yyyy-MM-dd HH:mm:ss";
    String sql = name + "(" + e.sql() + ", " + fmt + ")";
    if (e.type() instanceof TimestampType || e.type() instanceof DateType) {
      Expr t = timestamp(c, 0);
      return Call.strict(
          sql,
          DataTypes.LongType,
          List.of(t),
          a -> Math.floorDiv(Temporal.toMicros((Instant) a[0]), 1_000_000L));
    }
    Expr s = c.string(0);
    return Call.strictNullable(
        sql,
        DataTypes.LongType,
        List.of(s),
        a -> {
          Instant i = parse((String) a[0], fmt, conf, "try_to_timestamp");
          return i == null ? null : i.getEpochSecond();
        });
  }

  private static Expr fromUnixtime(FnCall c) {
    c.arity(1, 2);
    Expr secs = c.expect(0, DataTypes.LongType, "\"BIGINT\"");
    Expr fmt =
        c.arity() == 2
            ? c.string(1)
            : new Lit("yyyy-MM-dd HH:mm:ss", DataTypes.StringType, "yyyy-MM-dd HH:mm:ss");
    String sql = "from_unixtime(" + c.arg(0).sql() + ", " + fmt.sql() + ")";
    ZoneId zone = c.conf().zone();
    return Call.strict(
        sql,
        DataTypes.StringType,
        List.of(secs, fmt),
        a ->
            formatter((String) a[1])
                .format(ZonedDateTime.ofInstant(Instant.ofEpochSecond((Long) a[0]), zone)));
  }

  /** date_part / extract with a constant field name (YEAR, MONTH, DAY, HOUR, ...). */
  private static Expr datePartByName(FnCall c) {
    c.arity(2, 2);
    String field = String.valueOf(c.constant(0, "field", "\"STRING\"")).toUpperCase(Locale.ROOT);
    Expr source = c.arg(1);
    ZoneId zone = c.conf().zone();
    boolean time =
        switch (field) {
          case "HOUR",
              "H",
              "HOURS",
              "HR",
              "HRS",
              "MINUTE",
              "M",
              "MIN",
              "MINS",
              "MINUTES",
              "SECOND",
              "S",
              "SEC",
              "SECONDS",
              "SECS" ->
              true;
          default -> false;
        };
    Expr arg =
        time ? (source.type() instanceof TimestampNTZType ? source : timestamp(c, 1)) : date(c, 1);
    DataType out =
        field.startsWith("S")
            ? new org.apache.spark.sql.types.DecimalType(8, 6)
            : DataTypes.IntegerType;
    return Call.strictNullable(
        c.sql(),
        out,
        List.of(arg),
        a -> {
          if (time) {
            LocalDateTime t =
                a[0] instanceof LocalDateTime l ? l : LocalDateTime.ofInstant((Instant) a[0], zone);
            if (field.startsWith("H")) {
              return t.getHour();
            }
            if (field.startsWith("M")) {
              return t.getMinute();
            }
            return java.math.BigDecimal.valueOf(t.getSecond() * 1_000_000L + t.getNano() / 1000, 6);
          }
          LocalDate d = (LocalDate) a[0];
          switch (field) {
            case "YEAR", "Y", "YEARS", "YR", "YRS":
              return d.getYear();
            case "QUARTER", "QTR":
              return d.get(IsoFields.QUARTER_OF_YEAR);
            case "MONTH", "MON", "MONS", "MONTHS":
              return d.getMonthValue();
            case "WEEK", "W", "WEEKS":
              return d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "DAY", "D", "DAYS":
              return d.getDayOfMonth();
            case "DAYOFWEEK", "DOW":
              return d.getDayOfWeek().getValue() % 7 + 1;
            case "DOY":
              return d.getDayOfYear();
            default:
              throw Errors.analysis(
                  "INVALID_EXTRACT_FIELD",
                  "field",
                  Names.quote(field),
                  "expr",
                  Errors.sqlExpr(source.sql()));
          }
        });
  }

  private static long intervalMicros(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    if (parts.length != 2) {
      throw dev.forgeline.mock.engine.NotSupported.method("window durations like '" + text + "'");
    }
    long n = Long.parseLong(parts[0]);
    String unit = parts[1].endsWith("s") ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
    long per =
        switch (unit) {
          case "microsecond" -> 1L;
          case "millisecond" -> 1000L;
          case "second" -> 1_000_000L;
          case "minute" -> 60_000_000L;
          case "hour" -> 3_600_000_000L;
          case "day" -> 86_400_000_000L;
          case "week" -> 7 * 86_400_000_000L;
          default ->
              throw dev.forgeline.mock.engine.NotSupported.method(
                  "window durations in " + parts[1]);
        };
    return n * per;
  }

  /** window(ts, duration[, slide[, start]]) for tumbling windows: struct(start, end). */
  private static Expr timeWindow(FnCall c) {
    c.arity(2, 4);
    Expr t = timestamp(c, 0);
    long width = intervalMicros((String) c.constant(1, "windowDuration", "\"STRING\""));
    long slide =
        c.arity() >= 3
            ? intervalMicros((String) c.constant(2, "slideDuration", "\"STRING\""))
            : width;
    long start =
        c.arity() >= 4 ? intervalMicros((String) c.constant(3, "startTime", "\"STRING\"")) : 0;
    if (slide != width) {
      throw dev.forgeline.mock.engine.NotSupported.method(
          "sliding windows (window with a slide duration)");
    }
    org.apache.spark.sql.types.StructType st =
        new org.apache.spark.sql.types.StructType()
            .add("start", DataTypes.TimestampType, true)
            .add("end", DataTypes.TimestampType, true);
    return Call.strict(
        "window",
        st,
        List.of(t),
        a -> {
          long micros = Temporal.toMicros((Instant) a[0]);
          long s = micros - Math.floorMod(micros - start, width);
          return new Object[] {Temporal.fromMicros(s), Temporal.fromMicros(s + width)};
        });
  }

  private static Expr utcShift(FnCall c, boolean fromUtc) {
    c.arity(2, 2);
    return Call.strict(
        c.sql(),
        DataTypes.TimestampType,
        List.of(timestamp(c, 0), c.string(1)),
        a -> {
          ZoneId tz = ZoneId.of((String) a[1], ZoneId.SHORT_IDS);
          Instant i = (Instant) a[0];
          LocalDateTime utc = LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
          if (fromUtc) {
            return LocalDateTime.ofInstant(i, tz).atZone(java.time.ZoneOffset.UTC).toInstant();
          }
          return utc.atZone(tz).toInstant();
        });
  }
}
