package dev.forgeline.mock.engine;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spark's default date and timestamp text forms, and its lenient ISO parsing used by casts. */
public final class Temporal {
  private static final Pattern DATE =
      Pattern.compile("([+-]?\\d{4,7})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[ T].*)?)?)?");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "([+-]?\\d{4,7})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[ T](\\d{1,2})(?::(\\d{1,2})"
              + "(?::(\\d{1,2})(?:\\.(\\d{0,9}))?)?)?)?)?)?\\s*(.*)");

  private Temporal() {}

  public static String formatDate(LocalDate d) {
    int y = d.getYear();
    String year = y >= 0 && y < 10000 ? String.format("%04d", y) : String.valueOf(y);
    return year + String.format("-%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
  }

  /** yyyy-MM-dd HH:mm:ss[.fraction], trailing zeros of the fraction dropped (Spark's style). */
  public static String formatLocal(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(formatDate(t.toLocalDate()));
    sb.append(String.format(" %02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()));
    int nanos = t.getNano();
    if (nanos != 0) {
      String frac = String.format("%09d", nanos).substring(0, 6);
      frac = frac.replaceAll("0+$", "");
      if (!frac.isEmpty()) {
        sb.append('.').append(frac);
      }
    }
    return sb.toString();
  }

  public static String formatTimestamp(Instant i, ZoneId zone) {
    return formatLocal(LocalDateTime.ofInstant(i, zone));
  }

  /** Spark's stringToDate; null when the text is not a date. */
  public static LocalDate parseDate(String s) {
    Matcher m = DATE.matcher(s.trim());
    if (!m.matches()) {
      return null;
    }
    try {
      int year = Integer.parseInt(m.group(1));
      int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      return LocalDate.of(year, month, day);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** Spark's stringToTimestamp in the given zone; null when the text is not a timestamp. */
  public static Instant parseTimestamp(String s, ZoneId zone) {
    Matcher m = TIMESTAMP.matcher(s.trim());
    if (!m.matches()) {
      return null;
    }
    LocalDateTime local = localOf(m);
    if (local == null) {
      return null;
    }
    String zoneText = m.group(8).trim();
    ZoneId z = zone;
    if (!zoneText.isEmpty()) {
      try {
        z = zoneText.equals("Z") ? ZoneOffset.UTC : ZoneId.of(zoneText, ZoneId.SHORT_IDS);
      } catch (DateTimeException e) {
        return null;
      }
    }
    return local.atZone(z).toInstant();
  }

  /** Parses a timestamp without time zone; null when invalid or when it carries a zone. */
  public static LocalDateTime parseLocal(String s) {
    Matcher m = TIMESTAMP.matcher(s.trim());
    if (!m.matches() || !m.group(8).trim().isEmpty()) {
      return null;
    }
    return localOf(m);
  }

  private static LocalDateTime localOf(Matcher m) {
    try {
      int year = Integer.parseInt(m.group(1));
      int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      int nanos = 0;
      if (m.group(7) != null && !m.group(7).isEmpty()) {
        String frac = (m.group(7) + "000000000").substring(0, 9);
        nanos = Integer.parseInt(frac.substring(0, 6)) * 1000;
      }
      return LocalDateTime.of(
          LocalDate.of(year, month, day), LocalTime.of(hour, minute, second, nanos));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** Truncates to Spark's microsecond precision. */
  public static Instant micros(Instant i) {
    return i.truncatedTo(ChronoUnit.MICROS);
  }

  /** Microseconds since the epoch. */
  public static long toMicros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  public static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }
}
