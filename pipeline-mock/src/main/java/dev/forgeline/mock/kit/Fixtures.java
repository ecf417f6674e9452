package dev.forgeline.mock.kit;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The small input frames kit programs start from, built with {@code createDataFrame} so every
 * backend sees the same rows. Nulls, ties, duplicates and empty strings are deliberate.
 */
final class Fixtures {

  static final StructType PEOPLE =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("name", DataTypes.StringType)
          .add("age", DataTypes.IntegerType)
          .add("dept", DataTypes.StringType)
          .add("salary", DataTypes.DoubleType);

  static final StructType DEPTS =
      new StructType().add("dept", DataTypes.StringType).add("floor", DataTypes.IntegerType);

  static final StructType NUMS =
      new StructType()
          .add("i", DataTypes.IntegerType)
          .add("l", DataTypes.LongType)
          .add("d", DataTypes.DoubleType)
          .add("dec", DataTypes.createDecimalType(10, 2))
          .add("s", DataTypes.ShortType)
          .add("b", DataTypes.ByteType)
          .add("f", DataTypes.FloatType);

  static final StructType TEXTS =
      new StructType().add("k", DataTypes.IntegerType).add("s", DataTypes.StringType);

  static final StructType EVENTS =
      new StructType()
          .add("k", DataTypes.IntegerType)
          .add("d", DataTypes.DateType)
          .add("ts", DataTypes.StringType);

  static final StructType NESTED =
      new StructType()
          .add("k", DataTypes.IntegerType)
          .add("arr", DataTypes.createArrayType(DataTypes.IntegerType))
          .add("tags", DataTypes.createArrayType(DataTypes.StringType))
          .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
          .add(
              "st",
              new StructType().add("x", DataTypes.IntegerType).add("y", DataTypes.StringType));

  static final StructType SALES =
      new StructType()
          .add("region", DataTypes.StringType)
          .add("year", DataTypes.IntegerType)
          .add("product", DataTypes.StringType)
          .add("amount", DataTypes.LongType);

  private Fixtures() {}

  static Dataset<Row> frame(SparkSession spark, StructType schema, Object[]... rows) {
    List<Row> list = Arrays.stream(rows).map(RowFactory::create).toList();
    return spark.createDataFrame(list, schema);
  }

  static Dataset<Row> people(SparkSession spark) {
    return frame(
        spark,
        PEOPLE,
        new Object[] {1, "Alice", 34, "eng", 5200.5},
        new Object[] {2, "Bob", null, "ops", 4100.0},
        new Object[] {3, "Carol", 29, "eng", 6100.25},
        new Object[] {4, "Dan", 41, null, 3900.0},
        new Object[] {5, "Eve", 29, "ops", null},
        new Object[] {6, null, 52, "hr", 7300.75});
  }

  static Dataset<Row> emptyPeople(SparkSession spark) {
    return frame(spark, PEOPLE);
  }

  static Dataset<Row> depts(SparkSession spark) {
    return frame(
        spark,
        DEPTS,
        new Object[] {"eng", 3},
        new Object[] {"ops", 1},
        new Object[] {"fin", 2},
        new Object[] {null, 9});
  }

  static Dataset<Row> nums(SparkSession spark) {
    return frame(
        spark,
        NUMS,
        new Object[] {7, 10_000_000_000L, 2.5, new BigDecimal("12.34"), (short) 3, (byte) 1, 1.5f},
        new Object[] {-3, -4L, -0.5, new BigDecimal("-0.05"), (short) -2, (byte) -7, -2.25f},
        new Object[] {0, 0L, 0.0, new BigDecimal("0.00"), (short) 0, (byte) 0, 0.0f},
        new Object[] {null, null, null, null, null, null, null},
        new Object[] {
          2147483647, 9L, 1e10, new BigDecimal("99999999.99"), (short) 32767, (byte) 127, 3.4e38f
        });
  }

  static Dataset<Row> texts(SparkSession spark) {
    return frame(
        spark,
        TEXTS,
        new Object[] {1, "  Hello World  "},
        new Object[] {2, "spark,sql,api"},
        new Object[] {3, ""},
        new Object[] {4, null},
        new Object[] {5, "Ünïcödé ß"},
        new Object[] {6, "abc123def45"});
  }

  static Dataset<Row> events(SparkSession spark) {
    return frame(
        spark,
        EVENTS,
        new Object[] {1, Date.valueOf("2024-02-29"), "2024-02-29 23:59:59"},
        new Object[] {2, Date.valueOf("2023-12-31"), "2023-12-31 00:00:00.125"},
        new Object[] {3, Date.valueOf("1970-01-01"), "1970-01-01 00:00:01"},
        new Object[] {4, null, null},
        new Object[] {5, Date.valueOf("2024-03-31"), "2024-03-10 02:30:00"});
  }

  static Dataset<Row> nested(SparkSession spark) {
    return frame(
        spark,
        NESTED,
        new Object[] {
          1, seq(3, 1, 2), seq("a", "b"), map("x", 1, "y", 2), RowFactory.create(1, "p")
        },
        new Object[] {2, seq(), seq("c"), map(), RowFactory.create(2, null)},
        new Object[] {3, null, null, null, null},
        new Object[] {
          4, seq(5, null, 5), seq("d", null), map("z", null), RowFactory.create(null, "q")
        });
  }

  static Dataset<Row> sales(SparkSession spark) {
    return frame(
        spark,
        SALES,
        new Object[] {"north", 2023, "apples", 10L},
        new Object[] {"north", 2023, "pears", 4L},
        new Object[] {"north", 2024, "apples", 12L},
        new Object[] {"south", 2023, "apples", 7L},
        new Object[] {"south", 2024, "pears", 9L},
        new Object[] {"south", 2024, "pears", 1L},
        new Object[] {null, 2024, "apples", 3L});
  }

  static scala.collection.immutable.Seq<Object> seq(Object... items) {
    return scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(items)).toList();
  }

  static scala.collection.immutable.Map<Object, Object> map(Object... kv) {
    java.util.LinkedHashMap<Object, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return scala.collection.immutable.Map.from(scala.jdk.javaapi.CollectionConverters.asScala(m));
  }
}
