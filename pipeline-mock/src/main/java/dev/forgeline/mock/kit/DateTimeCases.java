package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.events;
import static org.apache.spark.sql.functions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Cases for date and time functions over dates (leap day, year end, epoch) and timestamps parsed in
 * the session time zone, plus the same programs under other session zones.
 */
final class DateTimeCases {

  private DateTimeCases() {}

  /** events with ts parsed to a timestamp in the session zone. */
  static Dataset<Row> stamped(SparkSession sp) {
    return events(sp).withColumn("t", to_timestamp(col("ts")));
  }

  static void addTo(CaseBook book) {
    CaseBook b = book.area("datetime");
    Map<String, Function<Column, Column>> onDate = new LinkedHashMap<>();
    onDate.put("year", c -> year(c));
    onDate.put("quarter", c -> quarter(c));
    onDate.put("month", c -> month(c));
    onDate.put("dayofmonth", c -> dayofmonth(c));
    onDate.put("dayofweek", c -> dayofweek(c));
    onDate.put("dayofyear", c -> dayofyear(c));
    onDate.put("weekofyear", c -> weekofyear(c));
    onDate.put("weekday", c -> weekday(c));
    onDate.put("last-day", c -> last_day(c));
    onDate.put("next-day", c -> next_day(c, "Mon"));
    onDate.put("date-add", c -> date_add(c, 1));
    onDate.put("date-sub", c -> date_sub(c, 365));
    onDate.put("add-months", c -> add_months(c, 1));
    onDate.put("add-months-neg", c -> add_months(c, -12));
    onDate.put("datediff", c -> datediff(c, lit("2024-01-01").cast("date")));
    onDate.put("months-between", c -> months_between(lit("2024-06-15").cast("date"), c));
    onDate.put(
        "months-between-no-round", c -> months_between(lit("2024-06-15").cast("date"), c, false));
    onDate.put("trunc-month", c -> trunc(c, "month"));
    onDate.put("trunc-year", c -> trunc(c, "year"));
    onDate.put("trunc-quarter", c -> trunc(c, "quarter"));
    onDate.put("trunc-week", c -> trunc(c, "week"));
    onDate.put("date-format", c -> date_format(c, "yyyy/MM/dd EEE"));
    onDate.put("date-format-long", c -> date_format(c, "d MMMM yy, D"));
    onDate.put("to-unix", c -> unix_timestamp(c.cast("timestamp")));
    onDate.put("date-to-timestamp", c -> c.cast("timestamp"));
    onDate.put("make-date", c -> make_date(year(c), month(c), lit(1)));
    onDate.put("unix-date", c -> unix_date(c));
    onDate.put("date-diff-fn", c -> date_diff(lit("2025-01-01").cast("date"), c));
    for (Map.Entry<String, Function<Column, Column>> fn : onDate.entrySet()) {
      b.rows(
          "date-" + fn.getKey(),
          fn.getKey() + " of dates incl. leap day and null",
          sp -> events(sp).select(col("k"), col("d"), fn.getValue().apply(col("d"))));
    }
    Map<String, Function<Column, Column>> onTs = new LinkedHashMap<>();
    onTs.put("to-timestamp", c -> to_timestamp(c));
    onTs.put("to-timestamp-pattern", c -> to_timestamp(c, "yyyy-MM-dd HH:mm:ss[.SSS]"));
    onTs.put("to-date", c -> to_date(c));
    onTs.put("to-date-pattern", c -> to_date(c, "yyyy-MM-dd HH:mm:ss[.SSS]"));
    onTs.put("hour", c -> hour(to_timestamp(c)));
    onTs.put("minute", c -> minute(to_timestamp(c)));
    onTs.put("second", c -> second(to_timestamp(c)));
    onTs.put("unix-timestamp", c -> unix_timestamp(to_timestamp(c)));
    onTs.put("unix-timestamp-pattern", c -> unix_timestamp(c, "yyyy-MM-dd HH:mm:ss[.SSS]"));
    onTs.put("from-unixtime", c -> from_unixtime(unix_timestamp(to_timestamp(c))));
    onTs.put(
        "from-unixtime-pattern",
        c -> from_unixtime(unix_timestamp(to_timestamp(c)), "dd.MM.yyyy HH:mm"));
    onTs.put("date-format-ts", c -> date_format(to_timestamp(c), "yyyy-MM-dd'T'HH:mm:ss.SSS"));
    onTs.put("date-format-ampm", c -> date_format(to_timestamp(c), "hh:mm a"));
    onTs.put("date-trunc-hour", c -> date_trunc("hour", to_timestamp(c)));
    onTs.put("date-trunc-day", c -> date_trunc("day", to_timestamp(c)));
    onTs.put("date-trunc-month", c -> date_trunc("month", to_timestamp(c)));
    onTs.put("from-utc", c -> from_utc_timestamp(to_timestamp(c), "America/New_York"));
    onTs.put("to-utc", c -> to_utc_timestamp(to_timestamp(c), "Asia/Kolkata"));
    onTs.put("ts-to-string", c -> to_timestamp(c).cast("string"));
    onTs.put("ts-to-date", c -> to_timestamp(c).cast("date"));
    onTs.put("unix-micros", c -> unix_micros(to_timestamp(c)));
    onTs.put("timestamp-seconds", c -> timestamp_seconds(unix_timestamp(to_timestamp(c))));
    onTs.put("to-timestamp-ntz", c -> to_timestamp_ntz(c));
    onTs.put("ts-plus-interval", c -> to_timestamp(c).plus(expr("INTERVAL 90 MINUTES")));
    for (Map.Entry<String, Function<Column, Column>> fn : onTs.entrySet()) {
      b.rows(
          "ts-" + fn.getKey(),
          fn.getKey() + " of timestamp strings",
          sp -> events(sp).select(col("k"), fn.getValue().apply(col("ts"))));
    }
    for (String zone : new String[] {"America/Los_Angeles", "Asia/Tokyo", "Europe/Berlin"}) {
      String z = zone.substring(zone.indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
      Map<String, String> conf = Map.of("spark.sql.session.timeZone", zone);
      b.withConf(
          "zone-" + z + "-parse",
          "to_timestamp parses in session zone " + zone,
          conf,
          sp ->
              events(sp).select(to_timestamp(col("ts")), unix_timestamp(to_timestamp(col("ts")))));
      b.withConf(
          "zone-" + z + "-format",
          "date_format renders in session zone " + zone,
          conf,
          sp ->
              events(sp)
                  .select(
                      date_format(
                          lit("2024-03-10 10:00:00").cast("timestamp").plus(expr("INTERVAL 1 DAY")),
                          "yyyy-MM-dd HH:mm XXX")));
      b.withConf(
          "zone-" + z + "-hour",
          "hour() in session zone " + zone,
          conf,
          sp -> sp.range(1).select(hour(timestamp_seconds(lit(1_700_000_000L)))));
      b.withConf(
          "zone-" + z + "-to-string",
          "CAST(timestamp AS STRING) in session zone " + zone,
          conf,
          sp -> sp.range(1).select(timestamp_seconds(lit(0L)).cast("string")));
    }
    b.rows(
        "current-date-type",
        "current_date is a non-null date (compared via its type)",
        sp -> sp.range(1).select(current_date().isNotNull(), current_timestamp().isNotNull()));
    b.rows(
        "current-date-schema",
        "current_date and now() schema",
        sp -> sp.range(1).select(current_date(), current_timestamp()).limit(0));
    b.fails(
        "unix-timestamp-fraction",
        "unix_timestamp's default pattern rejects fractions",
        "CANNOT_PARSE_TIMESTAMP",
        sp -> events(sp).select(unix_timestamp(col("ts"))));
    b.fails(
        "to-date-pattern-invalid",
        "to_date with a pattern of an unparseable string",
        "CANNOT_PARSE_TIMESTAMP",
        sp -> sp.range(1).select(to_date(lit("2024-13-45"), "yyyy-MM-dd")));
    b.fails(
        "to-date-invalid",
        "to_date of an invalid date is a failed cast under ANSI",
        "CAST_INVALID_INPUT",
        sp -> sp.range(1).select(to_date(lit("2024-13-45"))));
    b.rows(
        "try-to-timestamp",
        "try_to_timestamp of bad input is null",
        sp -> sp.range(1).select(try_to_timestamp(lit("nope"))));
    b.fails(
        "date-add-string",
        "date_add on a non-date string fails",
        "CAST_INVALID_INPUT",
        sp -> sp.range(1).select(date_add(lit("x"), 1)));
    b.fails(
        "year-of-int",
        "year() of an int",
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        sp -> sp.range(1).select(year(lit(5))));
    b.rows(
        "make-timestamp",
        "make_timestamp builds in the session zone",
        sp ->
            sp.range(1)
                .select(
                    make_timestamp(
                        lit(2024),
                        lit(2),
                        lit(29),
                        lit(13),
                        lit(5),
                        lit(new java.math.BigDecimal("6.5")))));
    b.rows(
        "date-literal",
        "a java.sql.Date literal",
        sp -> sp.range(1).select(lit(java.sql.Date.valueOf("2020-02-02"))));
    b.rows(
        "window-time-bucket",
        "window() buckets timestamps",
        sp ->
            stamped(sp)
                .filter(col("t").isNotNull())
                .select(window(col("t"), "1 hour").getField("start")));
  }
}
