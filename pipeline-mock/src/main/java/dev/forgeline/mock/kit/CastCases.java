package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.events;
import static dev.forgeline.mock.kit.Fixtures.frame;
import static dev.forgeline.mock.kit.Fixtures.nums;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Cases for casts: valid casts to every atomic type, ANSI errors (invalid input, overflow,
 * forbidden pairs), {@code try_cast}, decimal precision and scale, and legacy (non-ANSI) mode.
 */
final class CastCases {

  private static final StructType STRINGS =
      new StructType()
          .add("s_int", DataTypes.StringType)
          .add("s_dec", DataTypes.StringType)
          .add("s_bool", DataTypes.StringType)
          .add("s_date", DataTypes.StringType)
          .add("s_ts", DataTypes.StringType)
          .add("s_bad", DataTypes.StringType);

  private static final String[] TARGETS = {
    "tinyint",
    "smallint",
    "int",
    "bigint",
    "float",
    "double",
    "decimal(5,2)",
    "decimal(38,10)",
    "string",
    "boolean",
    "date",
    "timestamp",
    "timestamp_ntz",
    "binary"
  };

  private CastCases() {}

  static Dataset<Row> strings(SparkSession sp) {
    return frame(
        sp,
        STRINGS,
        new Object[] {"42", "3.99", "true", "2024-02-29", "2024-02-29 12:34:56.789", "abc"},
        new Object[] {" -7 ", "-0.005", "FALSE", "1999-12-31", "1999-12-31T23:59:59", "1e3x"},
        new Object[] {null, null, null, null, null, null});
  }

  static void addTo(CaseBook book) {
    CaseBook b = book.area("cast");
    fromStrings(b);
    fromNumbers(b);
    decimals(b);
    tryAndLegacy(b);
  }

  private static void fromStrings(CaseBook b) {
    valid(
        b,
        "string-int",
        CastCases::strings,
        "s_int",
        "tinyint",
        "smallint",
        "int",
        "bigint",
        "float",
        "double",
        "decimal(5,2)",
        "decimal(38,10)",
        "string",
        "binary");
    valid(
        b,
        "string-dec",
        CastCases::strings,
        "s_dec",
        "float",
        "double",
        "decimal(5,2)",
        "decimal(3,1)",
        "decimal(38,10)");
    valid(b, "string-bool", CastCases::strings, "s_bool", "boolean");
    valid(b, "string-date", CastCases::strings, "s_date", "date", "timestamp", "timestamp_ntz");
    valid(b, "string-ts", CastCases::strings, "s_ts", "timestamp", "date", "timestamp_ntz");
    for (String t :
        new String[] {
          "tinyint", "int", "bigint", "double", "decimal(5,2)", "boolean", "date", "timestamp"
        }) {
      b.fails(
          "string-bad-to-" + slug(t),
          "CAST of 'abc' AS " + t + " fails under ANSI",
          "CAST_INVALID_INPUT",
          sp -> strings(sp).select(col("s_bad").cast(t)));
    }
    b.fails(
        "string-int-to-boolean",
        "CAST('42' AS BOOLEAN) fails under ANSI",
        "CAST_INVALID_INPUT",
        sp -> strings(sp).select(col("s_int").cast("boolean")));
    b.fails(
        "string-dec-to-int",
        "CAST('3.99' AS INT) fails under ANSI",
        "CAST_INVALID_INPUT",
        sp -> strings(sp).select(col("s_dec").cast("int")));
    b.fails(
        "string-date-to-int",
        "CAST('2024-02-29' AS INT) fails",
        "CAST_INVALID_INPUT",
        sp -> strings(sp).select(col("s_date").cast("int")));
  }

  private static void fromNumbers(CaseBook b) {
    valid(
        b,
        "int",
        Fixtures::nums,
        "i",
        "bigint",
        "float",
        "double",
        "decimal(12,2)",
        "string",
        "boolean");
    valid(b, "long", Fixtures::nums, "l", "double", "float", "string", "decimal(20,0)");
    valid(b, "double", Fixtures::nums, "d", "float", "string", "bigint", "decimal(20,3)");
    valid(
        b,
        "decimal",
        Fixtures::nums,
        "dec",
        "double",
        "string",
        "bigint",
        "decimal(20,4)",
        "decimal(11,1)");
    valid(b, "short", Fixtures::nums, "s", "int", "double", "string");
    b.fails(
        "short-overflow-to-tinyint",
        "CAST(32767S AS TINYINT) overflows",
        "CAST_OVERFLOW",
        sp -> nums(sp).select(col("s").cast("tinyint")));
    valid(b, "byte", Fixtures::nums, "b", "smallint", "string", "decimal(3,0)", "boolean");
    valid(b, "float", Fixtures::nums, "f", "double", "string");
    valid(b, "date", Fixtures::events, "d", "string", "timestamp", "timestamp_ntz", "date");
    b.fails(
        "int-overflow-to-smallint",
        "CAST(2147483647 AS SMALLINT) overflows",
        "CAST_OVERFLOW",
        sp -> nums(sp).select(col("i").cast("smallint")));
    b.fails(
        "long-overflow-to-int",
        "CAST(10000000000L AS INT) overflows",
        "CAST_OVERFLOW",
        sp -> nums(sp).select(col("l").cast("int")));
    b.fails(
        "double-overflow-to-int",
        "CAST(1e10 AS INT) overflows",
        "CAST_OVERFLOW",
        sp -> nums(sp).select(col("d").cast("int")));
    b.fails(
        "float-overflow-to-long",
        "CAST(3.4e38f AS BIGINT) overflows",
        "CAST_OVERFLOW",
        sp -> nums(sp).select(col("f").cast("bigint")));
    b.fails(
        "date-to-int",
        "CAST(date AS INT) is not allowed",
        "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION",
        sp -> events(sp).select(col("d").cast("int")));
    b.fails(
        "int-to-date",
        "CAST(int AS DATE) is not allowed",
        "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION",
        sp -> nums(sp).select(col("i").cast("date")));
    b.fails(
        "array-to-int",
        "CAST(array AS INT) is not allowed",
        "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION",
        sp -> Fixtures.nested(sp).select(col("arr").cast("int")));
    b.rows(
        "array-to-string",
        "CAST(array<int> AS STRING) renders brackets",
        sp -> Fixtures.nested(sp).select(col("arr").cast("string")));
    b.rows(
        "struct-to-string",
        "CAST(struct AS STRING) renders braces",
        sp -> Fixtures.nested(sp).select(col("st").cast("string")));
    b.rows(
        "map-to-string",
        "CAST(map AS STRING)",
        sp -> Fixtures.nested(sp).select(col("m").cast("string")));
    b.rows(
        "array-int-to-array-string",
        "CAST(array<int> AS array<string>)",
        sp -> Fixtures.nested(sp).select(col("arr").cast("array<string>")));
    b.rows(
        "datatype-object",
        "cast(DataType) with a DecimalType object",
        sp -> nums(sp).select(col("i").cast(DataTypes.createDecimalType(13, 3))));
    b.rows(
        "alias-name",
        "a cast column is named after its input",
        sp -> nums(sp).select(col("i").cast("string"), col("d").cast(DataTypes.LongType)));
    b.rows(
        "bool-to-numbers",
        "CAST(boolean AS INT/DOUBLE/STRING)",
        sp ->
            strings(sp)
                .select(
                    col("s_bool").cast("boolean").cast("int"),
                    col("s_bool").cast("boolean").cast("double"),
                    col("s_bool").cast("boolean").cast("string")));
    b.rows(
        "timestamp-to-string",
        "CAST(timestamp AS STRING) in the session zone",
        sp -> strings(sp).select(col("s_ts").cast("timestamp").cast("string")));
    b.rows(
        "timestamp-to-long",
        "CAST(timestamp AS BIGINT) is epoch seconds",
        sp -> strings(sp).select(col("s_ts").cast("timestamp").cast("bigint")));
    b.rows(
        "timestamp-to-double",
        "CAST(timestamp AS DOUBLE) keeps fractions",
        sp -> strings(sp).select(col("s_ts").cast("timestamp").cast("double")));
    b.rows(
        "double-to-string-forms",
        "CAST(double AS STRING) of small, large and negative zero",
        sp ->
            sp.range(1)
                .select(
                    lit(1e-5).cast("string"),
                    lit(1.0e7).cast("string"),
                    lit(123456789.125).cast("string"),
                    lit(-0.0).cast("string"),
                    lit(1e21).cast("string")));
    b.rows(
        "binary-to-string",
        "CAST(binary AS STRING) decodes UTF-8",
        sp -> strings(sp).select(col("s_int").cast("binary").cast("string")));
  }

  private static void decimals(CaseBook b) {
    b.fails(
        "decimal-overflow",
        "CAST('3.99' AS DECIMAL(2,2)) overflows",
        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        sp -> strings(sp).select(col("s_dec").cast("decimal(2,2)")));
    b.fails(
        "decimal-precision-loss",
        "CAST(99999999.99 AS DECIMAL(4,1)) overflows",
        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        sp -> nums(sp).select(col("dec").cast("decimal(4,1)")));
    b.fails(
        "double-to-small-decimal",
        "CAST(1e10 AS DECIMAL(10,2)) overflows",
        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        sp -> nums(sp).select(col("d").cast("decimal(10,2)")));
    b.rows(
        "decimal-rounding",
        "casting to a smaller scale rounds half up",
        sp ->
            sp.range(1)
                .select(
                    lit("2.345").cast("decimal(4,2)"),
                    lit("-2.345").cast("decimal(4,2)"),
                    lit("2.344").cast("decimal(4,2)"),
                    lit("0.5").cast("decimal(1,0)")));
    b.rows(
        "decimal-literal-type",
        "a BigDecimal literal keeps its precision and scale",
        sp -> sp.range(1).select(lit(new java.math.BigDecimal("123.450"))));
    b.rows(
        "decimal-to-int-truncates",
        "CAST(decimal AS INT) truncates toward zero",
        sp ->
            sp.range(1)
                .select(
                    lit(new java.math.BigDecimal("-7.9")).cast("int"),
                    lit(new java.math.BigDecimal("7.9")).cast("int")));
    b.rows(
        "double-to-int-truncates",
        "CAST(double AS INT) truncates toward zero",
        sp -> sp.range(1).select(lit(-2.7).cast("int"), lit(2.7).cast("int")));
  }

  private static void tryAndLegacy(CaseBook b) {
    for (String t :
        new String[] {"int", "bigint", "double", "decimal(5,2)", "date", "timestamp", "boolean"}) {
      b.rows(
          "try-bad-to-" + slug(t),
          "try_cast of 'abc' AS " + t + " is null",
          sp -> strings(sp).select(col("s_bad").try_cast(t)));
    }
    b.rows(
        "try-overflow",
        "try_cast of 10000000000L AS INT is null",
        sp -> nums(sp).select(col("l").try_cast("int")));
    b.rows(
        "try-valid",
        "try_cast of valid input equals cast",
        sp -> strings(sp).select(col("s_int").try_cast("int"), col("s_date").try_cast("date")));
    b.rows(
        "try-decimal-overflow",
        "try_cast to a too small decimal is null",
        sp -> strings(sp).select(col("s_dec").try_cast("decimal(2,2)")));
    Map<String, String> legacy = Map.of("spark.sql.ansi.enabled", "false");
    b.withConf(
        "legacy-bad-int",
        "non-ANSI: CAST('abc' AS INT) is null",
        legacy,
        sp -> strings(sp).select(col("s_bad").cast("int")));
    b.withConf(
        "legacy-overflow",
        "non-ANSI: CAST(10000000000L AS INT) wraps around",
        legacy,
        sp -> nums(sp).select(col("l").cast("int")));
    b.withConf(
        "legacy-dec-to-int",
        "non-ANSI: CAST('3.99' AS INT) truncates",
        legacy,
        sp -> strings(sp).select(col("s_dec").cast("int")));
    b.withConf(
        "legacy-decimal-overflow",
        "non-ANSI: decimal overflow is null",
        legacy,
        sp -> strings(sp).select(col("s_dec").cast("decimal(2,2)")));
    b.withConf(
        "legacy-bad-date",
        "non-ANSI: CAST('abc' AS DATE) is null",
        legacy,
        sp -> strings(sp).select(col("s_bad").cast("date")));
  }

  private static void valid(
      CaseBook b,
      String source,
      Function<SparkSession, Dataset<Row>> in,
      String column,
      String... targets) {
    for (String t : targets) {
      b.rows(
          source + "-to-" + slug(t),
          "CAST(" + column + " AS " + t + ")",
          sp -> in.apply(sp).select(col(column), col(column).cast(t)));
    }
  }

  private static String slug(String type) {
    return type.replace("(", "").replace(")", "").replace(",", "-");
  }
}
