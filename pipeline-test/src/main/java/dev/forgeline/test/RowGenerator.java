package dev.forgeline.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
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
 * Generates rows for a {@code StructType} from a seed: the same seed gives the same rows on every
 * machine, and each column draws from its own random stream, so adding a column leaves the others'
 * values unchanged. Values are realistic by column name and type (names, emails, countries,
 * amounts, quantities, dates), with null ratios per column, nested structs, arrays and maps, keys
 * that join across two tables ({@link KeySpace}), and edge cases on demand. Immutable: each option
 * returns a new generator.
 *
 * <pre>{@code
 * List<Row> rows = RowGenerator.forSchema(ORDERS)
 *     .seed(7)
 *     .nullRatio("email", 0.2)
 *     .withEdgeCases()            // the first rows hold "", NaN, Long.MIN_VALUE, 2024-02-29, ...
 *     .rows(100);
 * Dataset<Row> orders = RowGenerator.forSchema(ORDERS).dataset(spark, 100);
 * }</pre>
 *
 * <p>Supported types: boolean, tinyint, smallint, int, bigint, float, double, decimal, string,
 * binary, date, timestamp, timestamp_ntz, and arrays, maps and structs of them. Any other type is
 * rejected by {@link #forSchema} naming the column.
 *
 * @since 0.1.0
 */
public final class RowGenerator {
  private final StructType schema;
  private final long seed;
  private final Map<String, Double> nullRatios;
  private final Map<String, KeySpace> unique;
  private final Map<String, KeySpace> foreign;
  private final boolean edgeCases;

  private RowGenerator(
      StructType schema,
      long seed,
      Map<String, Double> nullRatios,
      Map<String, KeySpace> unique,
      Map<String, KeySpace> foreign,
      boolean edgeCases) {
    this.schema = schema;
    this.seed = seed;
    this.nullRatios = Map.copyOf(nullRatios);
    this.unique = Map.copyOf(unique);
    this.foreign = Map.copyOf(foreign);
    this.edgeCases = edgeCases;
  }

  /**
   * A generator for {@code schema} with seed 0, no nulls and no edge cases.
   *
   * @throws IllegalArgumentException naming every column whose type cannot be generated
   */
  public static RowGenerator forSchema(StructType schema) {
    Objects.requireNonNull(schema, "schema");
    List<String> unsupported = new ArrayList<>();
    for (StructField f : schema.fields()) {
      check(f.name(), f.dataType(), unsupported);
    }
    if (!unsupported.isEmpty()) {
      throw new IllegalArgumentException(
          "RowGenerator cannot generate "
              + String.join(", ", unsupported)
              + "; it supports boolean, tinyint, smallint, int, bigint, float, double, decimal,"
              + " string, binary, date, timestamp, timestamp_ntz and arrays, maps and structs of"
              + " them. Build those columns yourself, for example with withColumn after"
              + " generating the others.");
    }
    return new RowGenerator(schema, 0, Map.of(), Map.of(), Map.of(), false);
  }

  /** A copy using {@code seed}. */
  public RowGenerator seed(long seed) {
    return new RowGenerator(schema, seed, nullRatios, unique, foreign, edgeCases);
  }

  /** A copy where every nullable top-level column is null with probability {@code ratio}. */
  public RowGenerator nullRatio(double ratio) {
    RowGenerator g = this;
    for (StructField f : schema.fields()) {
      if (f.nullable()) {
        g = g.nullRatio(f.name(), ratio);
      }
    }
    return g;
  }

  /**
   * A copy where the top-level {@code column} is null with probability {@code ratio}.
   *
   * @throws IllegalArgumentException when the column is unknown or not nullable, or the ratio is
   *     outside [0, 1]
   */
  public RowGenerator nullRatio(String column, double ratio) {
    StructField f = field(column);
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException(
          "null ratio of column [" + column + "] was [" + ratio + "] but must be in [0, 1]");
    }
    if (!f.nullable() && ratio > 0) {
      throw new IllegalArgumentException(
          "column ["
              + column
              + "] is not nullable, so it cannot be null with ratio ["
              + ratio
              + "]; make it nullable in the schema or leave its ratio at 0");
    }
    Map<String, Double> m = new LinkedHashMap<>(nullRatios);
    m.put(column, ratio);
    return new RowGenerator(schema, seed, m, unique, foreign, edgeCases);
  }

  /**
   * A copy where row {@code i} of the integral or string {@code column} holds key {@code i} of
   * {@code keys}: each key once, so at most {@code keys.size()} rows can be generated.
   */
  public RowGenerator uniqueKeys(String column, KeySpace keys) {
    requireKeyColumn(column, keys);
    Map<String, KeySpace> m = new LinkedHashMap<>(unique);
    m.put(column, keys);
    return new RowGenerator(schema, seed, nullRatios, m, foreign, edgeCases);
  }

  /** A copy where the integral or string {@code column} draws its values from {@code keys}. */
  public RowGenerator keysFrom(String column, KeySpace keys) {
    requireKeyColumn(column, keys);
    Map<String, KeySpace> m = new LinkedHashMap<>(foreign);
    m.put(column, keys);
    return new RowGenerator(schema, seed, nullRatios, unique, m, edgeCases);
  }

  /**
   * A copy whose first rows are edge cases: row {@code k} gives every column its {@code k}-th edge
   * value (cycling), until each column's list is used up. Key columns keep their keys.
   */
  public RowGenerator withEdgeCases() {
    return new RowGenerator(schema, seed, nullRatios, unique, foreign, true);
  }

  /** How many edge-case rows {@link #withEdgeCases()} puts first. */
  public int edgeCaseRows() {
    int n = 0;
    for (StructField f : schema.fields()) {
      n = Math.max(n, EdgeCases.of(f.dataType(), f.nullable()).size());
    }
    return n;
  }

  /** The schema the rows follow. */
  public StructType schema() {
    return schema;
  }

  /**
   * {@code count} rows; with edge cases, the first {@link #edgeCaseRows()} of them (or all, when
   * fewer) are edge cases.
   */
  public List<Row> rows(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count was [" + count + "] but must be >= 0");
    }
    unique.forEach(
        (column, keys) -> {
          if (count > keys.size()) {
            throw new IllegalArgumentException(
                count
                    + " rows asked for, but unique keys of column ["
                    + column
                    + "] come from a key space of "
                    + keys.size()
                    + "; ask for fewer rows or a larger KeySpace");
          }
        });
    StructField[] fields = schema.fields();
    SplittableRandom[] streams = new SplittableRandom[fields.length];
    List<List<Object>> edges = new ArrayList<>(fields.length);
    for (int i = 0; i < fields.length; i++) {
      streams[i] = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + fields[i].name().hashCode());
      edges.add(edgeCases ? EdgeCases.of(fields[i].dataType(), fields[i].nullable()) : List.of());
    }
    int edgeRows = edgeCases ? Math.min(count, edgeCaseRows()) : 0;
    List<Row> out = new ArrayList<>(count);
    for (int row = 0; row < count; row++) {
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] = value(fields[i], streams[i], row, row < edgeRows ? edges.get(i) : null);
      }
      out.add(RowFactory.create(values));
    }
    return out;
  }

  /** {@code count} rows as a Dataset of {@code spark}, with the generator's schema. */
  public Dataset<Row> dataset(SparkSession spark, int count) {
    return spark.createDataFrame(rows(count), schema);
  }

  private Object value(StructField f, SplittableRandom r, int row, List<Object> edges) {
    String name = f.name();
    KeySpace u = unique.get(name);
    if (u != null) {
      return key(f.dataType(), u, row);
    }
    KeySpace k = foreign.get(name);
    if (k != null) {
      return key(f.dataType(), k, r.nextInt(k.size()));
    }
    if (edges != null && !edges.isEmpty()) {
      return edges.get(row % edges.size());
    }
    double ratio = nullRatios.getOrDefault(name, 0.0);
    if (ratio > 0 && r.nextDouble() < ratio) {
      return null;
    }
    return Realistic.value(f.dataType(), name, r, row);
  }

  private static Object key(DataType type, KeySpace keys, int index) {
    if (type instanceof StringType) {
      return keys.stringKey(index);
    }
    long k = index + 1L;
    if (type instanceof IntegerType) {
      return (int) k;
    }
    if (type instanceof ShortType) {
      return (short) k;
    }
    if (type instanceof ByteType) {
      return (byte) k;
    }
    return k;
  }

  private void requireKeyColumn(String column, KeySpace keys) {
    Objects.requireNonNull(keys, "keys");
    DataType t = field(column).dataType();
    boolean ok =
        t instanceof StringType
            || t instanceof LongType
            || t instanceof IntegerType
            || (t instanceof ShortType && keys.size() <= Short.MAX_VALUE)
            || (t instanceof ByteType && keys.size() <= Byte.MAX_VALUE);
    if (!ok) {
      throw new IllegalArgumentException(
          "column ["
              + column
              + "] of type ["
              + t.simpleString()
              + "] cannot hold "
              + keys.size()
              + " keys; key columns are string, bigint, int, or smallint/tinyint for small key"
              + " spaces");
    }
  }

  private StructField field(String column) {
    Objects.requireNonNull(column, "column");
    for (StructField f : schema.fields()) {
      if (f.name().equals(column)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "no column ["
            + column
            + "] in schema ["
            + SchemaDiff.columns(schema, true)
            + "]; options name top-level columns");
  }

  private static void check(String path, DataType t, List<String> unsupported) {
    if (t instanceof StructType s) {
      for (StructField f : s.fields()) {
        check(path + "." + f.name(), f.dataType(), unsupported);
      }
    } else if (t instanceof ArrayType a) {
      check(path + "[]", a.elementType(), unsupported);
    } else if (t instanceof MapType m) {
      check(path + "{key}", m.keyType(), unsupported);
      check(path + "{value}", m.valueType(), unsupported);
    } else if (!(t instanceof BooleanType
        || t instanceof ByteType
        || t instanceof ShortType
        || t instanceof IntegerType
        || t instanceof LongType
        || t instanceof FloatType
        || t instanceof DoubleType
        || t instanceof DecimalType
        || t instanceof StringType
        || t instanceof BinaryType
        || t instanceof DateType
        || t instanceof TimestampType
        || t instanceof TimestampNTZType)) {
      unsupported.add("column [" + path + "] of type [" + t.simpleString() + "]");
    }
  }
}
