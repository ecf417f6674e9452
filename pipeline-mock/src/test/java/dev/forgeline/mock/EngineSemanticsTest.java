package dev.forgeline.mock;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkArithmeticException;
import org.apache.spark.SparkNumberFormatException;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Resolution errors, coercion, casts and null logic of the engine, checked through the API. */
class EngineSemanticsTest {
  private final SparkSession spark =
      MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").build();

  private Dataset<Row> frame() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("amount", DataTypes.LongType, true)
            .add("price", new DecimalType(10, 2), true)
            .add("flag", DataTypes.BooleanType, true)
            .add("text", DataTypes.StringType, true);
    return spark.createDataFrame(
        List.of(
            RowFactory.create(1, 10L, new BigDecimal("1.50"), true, "7"),
            RowFactory.create(2, null, null, null, "abc")),
        schema);
  }

  private static String condition(Throwable t) {
    return ((SparkThrowable) t).getCondition();
  }

  @Test
  void unknownColumnSuggestsTheClosestNames() {
    Throwable e = assertThrows(AnalysisException.class, () -> frame().select(col("amout")));
    assertEquals("UNRESOLVED_COLUMN.WITH_SUGGESTION", condition(e));
    assertEquals(
        "`amount`, `text`, `id`, `price`, `flag`",
        ((SparkThrowable) e).getMessageParameters().get("proposal"));
  }

  @Test
  void resolutionIsCaseInsensitive() {
    assertEquals(
        List.of("ID"),
        Arrays.asList(frame().select(col("ID")).columns()).stream()
            .map(c -> c.equals("id") ? "ID" : c)
            .toList());
    assertEquals(2, frame().select(col("ID")).collectAsList().size());
  }

  @Test
  void ambiguousReferenceAfterJoin() {
    Dataset<Row> a = frame();
    Dataset<Row> b = frame();
    Throwable e =
        assertThrows(
            AnalysisException.class,
            () -> a.join(b, a.col("id").equalTo(b.col("id"))).select(col("amount")));
    assertEquals("AMBIGUOUS_REFERENCE", condition(e));
  }

  @Test
  void columnOfOneSideResolvesAfterJoin() {
    Dataset<Row> a = frame().as("l");
    Dataset<Row> b = frame().as("r");
    Dataset<Row> j = a.join(b, col("l.id").equalTo(col("r.id")), "inner").select(col("r.text"));
    assertEquals(List.of(RowFactory.create("7"), RowFactory.create("abc")), j.collectAsList());
  }

  @Test
  void resultTypesFollowSpark() {
    Dataset<Row> df =
        frame()
            .select(
                col("id").plus(col("amount")),
                col("id").divide(lit(2)),
                col("price").plus(lit(1)),
                col("price").multiply(col("price")),
                col("price").divide(lit(3)));
    assertEquals(DataTypes.LongType, df.schema().fields()[0].dataType());
    assertEquals(DataTypes.DoubleType, df.schema().fields()[1].dataType());
    assertEquals(new DecimalType(11, 2), df.schema().fields()[2].dataType());
    assertEquals(new DecimalType(21, 4), df.schema().fields()[3].dataType());
    assertEquals(new DecimalType(14, 6), df.schema().fields()[4].dataType());
    Row first = df.collectAsList().get(0);
    assertEquals(11L, first.get(0));
    assertEquals(0.5, first.get(1));
    assertEquals(new BigDecimal("2.50"), first.get(2));
    assertEquals(new BigDecimal("0.500000"), first.get(4));
  }

  @Test
  void divisionByZeroRaisesUnderAnsiAtTheAction() {
    Dataset<Row> df = frame().select(col("id").divide(lit(0)));
    Throwable e = assertThrows(SparkArithmeticException.class, df::collectAsList);
    assertEquals("DIVIDE_BY_ZERO", condition(e));
  }

  @Test
  void invalidCastRaisesUnderAnsiAndTryCastGivesNull() {
    Throwable e =
        assertThrows(
            SparkNumberFormatException.class,
            () -> frame().select(col("text").cast("int")).collectAsList());
    assertEquals("CAST_INVALID_INPUT", condition(e));
    assertEquals(
        Map.of(
            "expression",
            "'abc'",
            "sourceType",
            "\"STRING\"",
            "targetType",
            "\"INT\"",
            "ansiConfig",
            "\"spark.sql.ansi.enabled\""),
        ((SparkThrowable) e).getMessageParameters());
    List<Row> rows = frame().select(col("text").try_cast("int")).collectAsList();
    assertEquals(Arrays.asList(7, null), rows.stream().map(r -> r.get(0)).toList());
  }

  @Test
  void legacyModeReturnsNullForBadCasts() {
    spark.conf().set("spark.sql.ansi.enabled", "false");
    List<Row> rows =
        frame().select(col("text").cast("int"), col("id").divide(lit(0))).collectAsList();
    assertEquals(RowFactory.create(7, null), rows.get(0));
    assertEquals(RowFactory.create(null, null), rows.get(1));
  }

  @Test
  void castOverflowAndArithmeticOverflow() {
    Throwable e =
        assertThrows(
            SparkArithmeticException.class,
            () -> spark.range(1).select(lit(3_000_000_000L).cast("int")).collectAsList());
    assertEquals("CAST_OVERFLOW", condition(e));
    Throwable o =
        assertThrows(
            SparkArithmeticException.class,
            () -> spark.range(1).select(lit(Integer.MAX_VALUE).plus(lit(1))).collectAsList());
    assertEquals("ARITHMETIC_OVERFLOW", condition(o));
  }

  @Test
  void threeValuedLogic() {
    Dataset<Row> df =
        frame()
            .select(
                col("flag").and(lit(false)),
                col("flag").or(lit(true)),
                col("flag").and(lit(true)),
                col("amount").equalTo(lit(10L)),
                col("amount").eqNullSafe(lit(null)),
                col("amount").isin(10L, 20L));
    Row nulls = df.collectAsList().get(1);
    assertEquals(RowFactory.create(false, true, null, null, true, null), nulls);
  }

  @Test
  void caseWhenAndCoalesceUseTheCommonType() {
    Dataset<Row> df =
        frame()
            .select(
                when(col("id").equalTo(1), lit(1)).otherwise(lit(2.5)).as("w"),
                coalesce(col("amount"), lit(0)).as("c"));
    assertEquals(DataTypes.DoubleType, df.schema().apply("w").dataType());
    assertEquals(DataTypes.LongType, df.schema().apply("c").dataType());
    assertEquals(
        List.of(RowFactory.create(1.0, 10L), RowFactory.create(2.5, 0L)), df.collectAsList());
  }

  @Test
  void filterOnNonBooleanIsRejected() {
    Throwable e = assertThrows(AnalysisException.class, () -> frame().filter(col("id")));
    assertEquals("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", condition(e));
  }

  @Test
  void unionOfMismatchedSchemasIsRejected() {
    Throwable e =
        assertThrows(AnalysisException.class, () -> frame().union(frame().select(col("id"))));
    assertEquals("NUM_COLUMNS_MISMATCH", condition(e));
  }

  @Test
  void unknownFunctionIsAnUnresolvedRoutine() {
    Throwable e =
        assertThrows(
            AnalysisException.class,
            () ->
                frame()
                    .select(org.apache.spark.sql.functions.call_function("no_such_fn", col("id"))));
    assertEquals("UNRESOLVED_ROUTINE", condition(e));
    assertInstanceOf(AnalysisException.class, e);
  }

  @Test
  void sqlExpressionStringsAreParsed() {
    Dataset<Row> df =
        frame()
            .filter("id >= 1 AND text IS NOT NULL AND text LIKE '7%'")
            .selectExpr(
                "id * 2 AS twice",
                "upper(text)",
                "CAST(text AS INT) AS n",
                "CASE WHEN flag THEN 'y' ELSE 'n' END AS f");
    assertEquals(List.of("twice", "upper(text)", "n", "f"), Arrays.asList(df.columns()));
    assertEquals(List.of(RowFactory.create(2, "7", 7, "y")), df.collectAsList());
    Throwable e = assertThrows(AnalysisException.class, () -> frame().selectExpr("id +"));
    assertEquals("PARSE_SYNTAX_ERROR", condition(e));
  }

  @Test
  void dayTimeIntervalsShiftTimestampsExactly() {
    spark.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
    Dataset<Row> df =
        spark
            .range(1)
            .select(
                org.apache
                    .spark
                    .sql
                    .functions
                    .date_format(
                        org.apache.spark.sql.functions.expr(
                            "CAST('2024-03-09 10:00:00' AS TIMESTAMP) + INTERVAL 1 DAY"),
                        "yyyy-MM-dd HH:mm XXX")
                    .as("t"));
    assertEquals("2024-03-10 11:00 -07:00", df.collectAsList().get(0).getString(0));
  }

  @Test
  void jsonFunctions() {
    Dataset<Row> df =
        spark
            .range(1)
            .select(
                org.apache
                    .spark
                    .sql
                    .functions
                    .to_json(
                        org.apache.spark.sql.functions.struct(
                            lit("ann").as("name"), lit(30).as("age")))
                    .as("j"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .from_json(
                        lit("{\"a\":1,\"b\":\"x\"}"),
                        new StructType()
                            .add("a", DataTypes.IntegerType)
                            .add("b", DataTypes.StringType))
                    .getField("b")
                    .as("b"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .get_json_object(lit("{\"a\":{\"b\":[1,2]}}"), "$.a.b[1]")
                    .as("g"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .from_json(lit("not json"), new StructType().add("a", DataTypes.IntegerType))
                    .getField("a")
                    .as("bad"));
    assertEquals(
        RowFactory.create("{\"name\":\"ann\",\"age\":30}", "x", "2", null),
        df.collectAsList().get(0));
  }

  @Test
  void datePartsAndInline() {
    Dataset<Row> d = spark.range(1).select(lit(java.sql.Date.valueOf("2024-03-09")).as("d"));
    Row r =
        d.select(
                org.apache.spark.sql.functions.dayname(col("d")),
                org.apache.spark.sql.functions.monthname(col("d")),
                org.apache.spark.sql.functions.date_part(lit("YEAR"), col("d")),
                org.apache.spark.sql.functions.extract(lit("DAY"), col("d")))
            .collectAsList()
            .get(0);
    assertEquals(RowFactory.create("Sat", "Mar", 2024, 9), r);
    Dataset<Row> inlined =
        spark
            .range(1)
            .select(
                org.apache.spark.sql.functions.inline(
                    org.apache.spark.sql.functions.array(
                        org.apache.spark.sql.functions.struct(lit(1).as("a"), lit("x").as("b")),
                        org.apache.spark.sql.functions.struct(lit(2).as("a"), lit("y").as("b")))));
    assertEquals(List.of("a", "b"), Arrays.asList(inlined.columns()));
    assertEquals(
        List.of(RowFactory.create(1, "x"), RowFactory.create(2, "y")), inlined.collectAsList());
  }
}
