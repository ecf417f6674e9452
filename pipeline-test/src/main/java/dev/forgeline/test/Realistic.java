package dev.forgeline.test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Realistic values for one column, chosen by its type and by words in its name: {@code email},
 * {@code name}, {@code country}, {@code amount}, {@code quantity}, {@code date}/{@code _at} and so
 * on. Values are Spark's external types ({@code java.sql.Date}, {@code java.sql.Timestamp}, {@code
 * BigDecimal}, {@code Row} for structs, {@code List} for arrays, {@code Map} for maps).
 */
final class Realistic {
  private static final String[] FIRST = {
    "Ann", "Bob", "Chloé", "Dmitri", "Eva", "Farid", "Greta", "Hiro", "Ines", "João", "Kofi",
    "Lena", "Mateo", "Nora", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Yuki"
  };
  private static final String[] LAST = {
    "Smith",
    "Müller",
    "Dubois",
    "Rossi",
    "García",
    "Nowak",
    "Jensen",
    "Tanaka",
    "Silva",
    "O'Brien",
    "Kowalski",
    "Haddad",
    "Novak",
    "Berg",
    "Moreau",
    "Costa"
  };
  private static final String[] COUNTRIES = {
    "FR", "DE", "IT", "ES", "GB", "US", "JP", "BR", "IN", "CA", "NL", "SE"
  };
  private static final String[] CITIES = {
    "Paris",
    "Berlin",
    "Milano",
    "Madrid",
    "London",
    "New York",
    "Tokyo",
    "São Paulo",
    "Mumbai",
    "Toronto",
    "Amsterdam",
    "Malmö"
  };
  private static final String[] STATUSES = {"paid", "pending", "shipped", "cancelled", "refunded"};
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "JPY", "CHF"};
  private static final String[] CATEGORIES = {
    "books", "garden", "toys", "electronics", "grocery", "sports", "fashion"
  };
  private static final String[] WORDS = {
    "alpha", "bravo", "delta", "ember", "fjord", "grove", "harbor", "island", "juniper", "kelp",
    "lumen", "meadow", "north", "orbit", "prism", "quartz"
  };
  private static final String[] DOMAINS = {"example.com", "example.org", "example.net"};

  private Realistic() {}

  static Object value(DataType type, String name, SplittableRandom r, long row) {
    String n = name.toLowerCase(Locale.ROOT);
    if (type instanceof StringType) {
      return string(n, r, row);
    }
    if (type instanceof IntegerType) {
      return (int) integral(n, r, row, Integer.MAX_VALUE);
    }
    if (type instanceof LongType) {
      return integral(n, r, row, Long.MAX_VALUE);
    }
    if (type instanceof ShortType) {
      return (short) integral(n, r, row, Short.MAX_VALUE);
    }
    if (type instanceof ByteType) {
      return (byte) integral(n, r, row, Byte.MAX_VALUE);
    }
    if (type instanceof DoubleType) {
      return money(n) ? cents(r, 1000) : round(r.nextDouble(-1000, 1000), 4);
    }
    if (type instanceof FloatType) {
      return (float) (money(n) ? cents(r, 1000) : round(r.nextDouble(-1000, 1000), 2));
    }
    if (type instanceof DecimalType d) {
      return decimal(d, n, r);
    }
    if (type instanceof BooleanType) {
      return r.nextBoolean();
    }
    if (type instanceof DateType) {
      return Date.valueOf(date(n, r));
    }
    if (type instanceof TimestampType) {
      return Timestamp.from(instant(r));
    }
    if (type instanceof TimestampNTZType) {
      return LocalDateTime.ofInstant(instant(r), ZoneOffset.UTC);
    }
    if (type instanceof BinaryType) {
      byte[] b = new byte[r.nextInt(17)];
      r.nextBytes(b);
      return b;
    }
    if (type instanceof ArrayType a) {
      int size = r.nextInt(5);
      List<Object> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(value(a.elementType(), singular(n), r, row));
      }
      return out;
    }
    if (type instanceof MapType m) {
      int size = r.nextInt(4);
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        out.put(value(m.keyType(), n + "_key", r, row), value(m.valueType(), n, r, row));
      }
      return out;
    }
    if (type instanceof StructType s) {
      Object[] values = new Object[s.fields().length];
      for (int i = 0; i < values.length; i++) {
        StructField f = s.fields()[i];
        values[i] = value(f.dataType(), f.name(), r, row);
      }
      return RowFactory.create(values);
    }
    throw new IllegalStateException("checked before generation: " + type);
  }

  private static String string(String n, SplittableRandom r, long row) {
    String first = pick(FIRST, r);
    String last = pick(LAST, r);
    if (n.contains("email") || n.contains("mail")) {
      return ascii(first).toLowerCase(Locale.ROOT)
          + "."
          + ascii(last).toLowerCase(Locale.ROOT)
          + r.nextInt(100)
          + "@"
          + pick(DOMAINS, r);
    }
    if (n.contains("first")) {
      return first;
    }
    if (n.contains("last") || n.contains("surname")) {
      return last;
    }
    if (n.contains("name") || n.contains("customer") || n.contains("user")) {
      return first + " " + last;
    }
    if (n.contains("country")) {
      return pick(COUNTRIES, r);
    }
    if (n.contains("city")) {
      return pick(CITIES, r);
    }
    if (n.contains("status") || n.contains("state")) {
      return pick(STATUSES, r);
    }
    if (n.contains("currency")) {
      return pick(CURRENCIES, r);
    }
    if (n.contains("category") || n.contains("type")) {
      return pick(CATEGORIES, r);
    }
    if (n.contains("phone")) {
      return String.format("+1-555-%04d", r.nextInt(10000));
    }
    if (n.contains("uuid") || n.contains("guid")) {
      return new UUID(r.nextLong(), r.nextLong()).toString();
    }
    if (n.equals("id") || n.endsWith("_id") || n.endsWith("code") || n.endsWith("sku")) {
      String prefix = n.length() >= 3 ? n.substring(0, 3).toUpperCase(Locale.ROOT) : "ID";
      return prefix + "-" + String.format("%05d", n.equals("id") ? row + 1 : r.nextInt(100000));
    }
    return pick(WORDS, r) + "-" + pick(WORDS, r);
  }

  private static long integral(String n, SplittableRandom r, long row, long max) {
    if (n.equals("id")) {
      return Math.min(row + 1, max);
    }
    if (n.endsWith("_id")) {
      return 1 + r.nextLong(Math.min(1000, max));
    }
    if (n.contains("quantity") || n.contains("qty") || n.contains("units") || n.contains("count")) {
      return 1 + r.nextLong(Math.min(20, max));
    }
    if (n.equals("age") || n.endsWith("_age") || n.startsWith("age_")) {
      return 18 + r.nextLong(Math.min(72, max - 18));
    }
    if (n.contains("year")) {
      return Math.min(1990 + r.nextLong(41), max);
    }
    if (money(n)) {
      return 1 + r.nextLong(Math.min(1000, max));
    }
    return r.nextLong(Math.min(10_000, max));
  }

  private static BigDecimal decimal(DecimalType d, String n, SplittableRandom r) {
    double limit = Math.pow(10, d.precision() - d.scale()) - 1;
    double bound = Math.min(money(n) ? 1000 : 10_000, limit);
    double v = bound <= 0 ? 0 : r.nextDouble(0, bound);
    return BigDecimal.valueOf(v).setScale(d.scale(), RoundingMode.DOWN);
  }

  private static LocalDate date(String n, SplittableRandom r) {
    if (n.contains("birth") || n.contains("dob")) {
      return LocalDate.of(1940, 1, 1).plusDays(r.nextInt(365 * 65));
    }
    return LocalDate.of(2020, 1, 1).plusDays(r.nextInt(365 * 6));
  }

  private static Instant instant(SplittableRandom r) {
    return Instant.parse("2020-01-01T00:00:00Z").plusSeconds(r.nextLong(6L * 365 * 24 * 3600));
  }

  private static boolean money(String n) {
    return n.contains("amount")
        || n.contains("price")
        || n.contains("total")
        || n.contains("revenue")
        || n.contains("cost")
        || n.contains("balance");
  }

  private static double cents(SplittableRandom r, int max) {
    return (1 + r.nextInt(max * 100)) / 100.0;
  }

  private static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }

  private static String singular(String n) {
    return n.endsWith("s") ? n.substring(0, n.length() - 1) : n;
  }

  private static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("[^A-Za-z]", "");
  }

  private static String pick(String[] from, SplittableRandom r) {
    return from[r.nextInt(from.length)];
  }
}
