package dev.forgeline.test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;

/** Equality of Row values under a {@link Comparison}, and their one-line rendering. */
final class Values {
  private Values() {}

  static boolean rowsEqual(Object[] expected, Object[] actual, Comparison c) {
    if (expected.length != actual.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (!equal(expected[i], actual[i], c)) {
        return false;
      }
    }
    return true;
  }

  static boolean equal(Object e, Object a, Comparison c) {
    if (e == null || a == null) {
      return e == a;
    }
    if (isFloating(e) || isFloating(a)) {
      if (!(e instanceof Number ne) || !(a instanceof Number na)) {
        return false;
      }
      return doublesEqual(ne.doubleValue(), na.doubleValue(), c);
    }
    if (e instanceof BigDecimal be && a instanceof BigDecimal ba) {
      return be.compareTo(ba) == 0 || within(be.subtract(ba).abs(), be, ba, c);
    }
    if (isIntegral(e) && isIntegral(a)) {
      long le = ((Number) e).longValue();
      long la = ((Number) a).longValue();
      return le == la
          || within(BigDecimal.valueOf(le).subtract(BigDecimal.valueOf(la)).abs(), le, la, c);
    }
    Instant ie = instant(e);
    Instant ia = instant(a);
    if (ie != null && ia != null) {
      return Duration.between(ie, ia).abs().compareTo(c.timestampTolerance()) <= 0;
    }
    if (e instanceof byte[] be && a instanceof byte[] ba) {
      return Arrays.equals(be, ba);
    }
    if (e instanceof Row re && a instanceof Row ra) {
      return rowsEqual(fields(re), fields(ra), c);
    }
    List<Object> le = list(e);
    List<Object> la = list(a);
    if (le != null && la != null) {
      return rowsEqual(le.toArray(), la.toArray(), c);
    }
    Map<Object, Object> me = map(e);
    Map<Object, Object> ma = map(a);
    if (me != null && ma != null) {
      if (!me.keySet().equals(ma.keySet())) {
        return false;
      }
      for (var entry : me.entrySet()) {
        if (!equal(entry.getValue(), ma.get(entry.getKey()), c)) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(e, a);
  }

  private static boolean doublesEqual(double e, double a, Comparison c) {
    if (Double.isNaN(e) || Double.isNaN(a)) {
      return Double.isNaN(e) && Double.isNaN(a) && c.nanEqual();
    }
    if (e == a) {
      return true;
    }
    if (Double.isInfinite(e) || Double.isInfinite(a)) {
      return false;
    }
    double diff = Math.abs(e - a);
    return diff <= c.absoluteTolerance()
        || diff <= c.relativeTolerance() * Math.max(Math.abs(e), Math.abs(a));
  }

  private static boolean within(BigDecimal diff, Object e, Object a, Comparison c) {
    if (diff.compareTo(BigDecimal.valueOf(c.absoluteTolerance())) <= 0) {
      return true;
    }
    BigDecimal larger = new BigDecimal(e.toString()).abs().max(new BigDecimal(a.toString()).abs());
    return diff.compareTo(larger.multiply(BigDecimal.valueOf(c.relativeTolerance()))) <= 0;
  }

  private static boolean isFloating(Object o) {
    return o instanceof Double || o instanceof Float;
  }

  private static boolean isIntegral(Object o) {
    return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte;
  }

  private static Instant instant(Object o) {
    if (o instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    return null;
  }

  static Object[] fields(Row r) {
    Object[] out = new Object[r.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.get(i);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    if (o instanceof List<?> l) {
      return (List<Object>) l;
    }
    if (o instanceof scala.collection.Seq<?> s) {
      List<Object> out = new ArrayList<>();
      Iterator<?> it = scala.jdk.javaapi.CollectionConverters.asJava(s.iterator());
      it.forEachRemaining(out::add);
      return out;
    }
    if (o instanceof Object[] a) {
      return Arrays.asList(a);
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> map(Object o) {
    if (o instanceof Map<?, ?> m) {
      return (Map<Object, Object>) m;
    }
    if (o instanceof scala.collection.Map<?, ?> m) {
      return new LinkedHashMap<>(scala.jdk.javaapi.CollectionConverters.asJava(m));
    }
    return null;
  }

  /** One value as a failure message shows it: strings quoted and escaped, timestamps in UTC. */
  static String render(Object o) {
    if (o == null) {
      return "null";
    }
    if (o instanceof String s) {
      return quote(s);
    }
    if (o instanceof BigDecimal b) {
      return b.toPlainString();
    }
    Instant i = o instanceof LocalDateTime ? null : instant(o);
    if (i != null) {
      return i.toString();
    }
    if (o instanceof byte[] b) {
      StringBuilder s = new StringBuilder("0x");
      for (byte x : b) {
        s.append(String.format("%02X", x));
      }
      return s.toString();
    }
    if (o instanceof Row r) {
      return "{" + join(fields(r)) + "}";
    }
    List<Object> l = list(o);
    if (l != null) {
      return "[" + join(l.toArray()) + "]";
    }
    Map<Object, Object> m = map(o);
    if (m != null) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, v) -> parts.add(render(k) + " -> " + render(v)));
      return "{" + String.join(", ", parts) + "}";
    }
    return String.valueOf(o);
  }

  static String join(Object[] values) {
    List<String> parts = new ArrayList<>(values.length);
    for (Object v : values) {
      parts.add(render(v));
    }
    return String.join(", ", parts);
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (Character.isISOControl(ch)) {
            b.append(String.format("\\u%04X", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
