package dev.forgeline.test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
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
 * The strict fixture check: exact Java types and nullability at every level, all problems at once.
 */
final class StrictCheck {
  private static final int MAX_LISTED = 20;

  private final List<String> problems = new ArrayList<>();

  private StrictCheck() {}

  static void requireFits(StructType schema, List<Row> rows) {
    StrictCheck c = new StrictCheck();
    for (int i = 0; i < rows.size(); i++) {
      c.row("row " + (i + 1), schema, rows.get(i));
    }
    if (c.problems.isEmpty()) {
      return;
    }
    StringBuilder b =
        new StringBuilder("Fixture rows do not fit the schema [")
            .append(SchemaDiff.columns(schema, true))
            .append("] (strict mode): ")
            .append(c.problems.size())
            .append(c.problems.size() == 1 ? " problem\n" : " problems\n");
    for (int k = 0; k < Math.min(MAX_LISTED, c.problems.size()); k++) {
      b.append(k + 1).append(") ").append(c.problems.get(k)).append('\n');
    }
    if (c.problems.size() > MAX_LISTED) {
      b.append("... and ").append(c.problems.size() - MAX_LISTED).append(" more\n");
    }
    b.append(
        "hint: give each value the Java type Spark uses for its column (int -> Integer, bigint"
            + " -> Long, decimal -> BigDecimal, date -> java.sql.Date or LocalDate, timestamp ->"
            + " java.sql.Timestamp or Instant, struct -> Row, array -> List, map -> Map), or make"
            + " the column nullable.");
    throw new IllegalArgumentException(b.toString());
  }

  private void row(String where, StructType schema, Row row) {
    if (row.length() != schema.fields().length) {
      problems.add(
          where
              + ": "
              + row.length()
              + " values, but the schema has "
              + schema.fields().length
              + " columns");
      return;
    }
    for (int i = 0; i < row.length(); i++) {
      StructField f = schema.fields()[i];
      value(where + ", column [" + f.name() + "]", f.dataType(), f.nullable(), row.get(i));
    }
  }

  private void value(String where, DataType type, boolean nullable, Object v) {
    if (v == null) {
      if (!nullable) {
        problems.add(where + ": null, but it is not nullable");
      }
      return;
    }
    if (type instanceof StructType s) {
      if (v instanceof Row r) {
        row(where, s, r);
      } else {
        wrongType(where, type, v, "Row");
      }
    } else if (type instanceof ArrayType a) {
      if (v instanceof List<?> l) {
        for (int k = 0; k < l.size(); k++) {
          value(where + "[" + k + "]", a.elementType(), a.containsNull(), l.get(k));
        }
      } else {
        wrongType(where, type, v, "java.util.List");
      }
    } else if (type instanceof MapType m) {
      if (v instanceof Map<?, ?> map) {
        for (var e : map.entrySet()) {
          value(where + "{key}", m.keyType(), false, e.getKey());
          value(where + "{" + e.getKey() + "}", m.valueType(), m.valueContainsNull(), e.getValue());
        }
      } else {
        wrongType(where, type, v, "java.util.Map");
      }
    } else if (type instanceof DecimalType d) {
      if (!(v instanceof BigDecimal b)) {
        wrongType(where, type, v, "java.math.BigDecimal");
      } else if (b.scale() > d.scale() || b.precision() - b.scale() > d.precision() - d.scale()) {
        problems.add(
            where
                + ": ["
                + b.toPlainString()
                + "] does not fit "
                + type.simpleString()
                + " without rounding");
      }
    } else {
      String wanted = expected(type);
      if (!fits(type, v)) {
        wrongType(where, type, v, wanted);
      }
    }
  }

  private void wrongType(String where, DataType type, Object v, String wanted) {
    problems.add(
        where
            + ": ["
            + Values.render(v)
            + "] is a "
            + v.getClass().getName()
            + ", but "
            + type.simpleString()
            + " wants "
            + wanted);
  }

  /** A column type and the Java types Spark accepts for it. */
  private record Rule(Class<? extends DataType> type, List<Class<?>> accepted) {
    String names() {
      return String.join(" or ", accepted.stream().map(Class::getName).toList())
          .replace("[B", "byte[]");
    }
  }

  private static final List<Rule> RULES =
      List.of(
          new Rule(BooleanType.class, List.of(Boolean.class)),
          new Rule(ByteType.class, List.of(Byte.class)),
          new Rule(ShortType.class, List.of(Short.class)),
          new Rule(IntegerType.class, List.of(Integer.class)),
          new Rule(LongType.class, List.of(Long.class)),
          new Rule(FloatType.class, List.of(Float.class)),
          new Rule(DoubleType.class, List.of(Double.class)),
          new Rule(StringType.class, List.of(String.class)),
          new Rule(BinaryType.class, List.of(byte[].class)),
          new Rule(DateType.class, List.of(java.sql.Date.class, java.time.LocalDate.class)),
          new Rule(TimestampType.class, List.of(java.sql.Timestamp.class, java.time.Instant.class)),
          new Rule(TimestampNTZType.class, List.of(java.time.LocalDateTime.class)));

  private static Rule rule(DataType t) {
    for (Rule r : RULES) {
      if (r.type().isInstance(t)) {
        return r;
      }
    }
    return null; // other types are left to the session
  }

  private static boolean fits(DataType t, Object v) {
    Rule r = rule(t);
    return r == null || r.accepted().stream().anyMatch(c -> c.isInstance(v));
  }

  private static String expected(DataType t) {
    Rule r = rule(t);
    return r == null ? t.simpleString() : r.names();
  }
}
