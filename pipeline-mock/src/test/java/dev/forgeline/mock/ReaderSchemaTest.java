package dev.forgeline.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.VarcharType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CHAR and VARCHAR in {@code DataFrameReader.schema(...)} on the mock, under the mock's own values
 * of {@code spark.sql.legacy.charVarcharAsString} and {@code spark.sql.preserveCharVarcharTypeInfo}
 * (the kit's reader-schema area compares the same with Spark).
 */
class ReaderSchemaTest {
  private static final String AS_STRING = "spark.sql.legacy.charVarcharAsString";
  private static final String PRESERVE = "spark.sql.preserveCharVarcharTypeInfo";
  private static final Metadata COMMENT =
      new MetadataBuilder().putString("comment", "the name").build();
  private static final StructType WITH_CHARS =
      new StructType()
          .add("name", new VarcharType(3), false, COMMENT)
          .add("tags", new ArrayType(new CharType(2), false))
          .add(
              "m",
              new MapType(new CharType(1), new StructType().add("v", new VarcharType(5)), true));

  @Test
  void charOrVarcharAnywhereIsRejectedByDefault() {
    SparkSession spark = MockSparkSession.builder().build();
    StructType onlyNested =
        new StructType().add("m", new MapType(DataTypes.StringType, new CharType(1), true));
    for (StructType s : new StructType[] {WITH_CHARS, onlyNested}) {
      AnalysisException e = assertThrows(AnalysisException.class, () -> spark.read().schema(s));
      assertEquals("UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING", e.getCondition());
    }
    AnalysisException ddl =
        assertThrows(AnalysisException.class, () -> spark.read().schema("a INT, b CHAR(2)"));
    assertEquals("UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING", ddl.getCondition());
  }

  @Test
  void legacySettingReadsThemAsStringKeepingNamesNullabilityAndMetadata() {
    SparkSession spark = MockSparkSession.create(Map.of(AS_STRING, "true"));
    StructType expected =
        new StructType()
            .add("name", DataTypes.StringType, false, COMMENT)
            .add("tags", new ArrayType(DataTypes.StringType, false))
            .add(
                "m",
                new MapType(
                    DataTypes.StringType, new StructType().add("v", DataTypes.StringType), true));
    assertEquals(expected, given(spark.read().schema(WITH_CHARS)));
    assertEquals(
        new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType),
        given(spark.read().schema("a INT, b CHAR(2)")));
  }

  // --- docs/mock.md snippet start (reader schema) ---
  @Test
  void readsVarcharAsStringUnderTheLegacySetting(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("names.csv"), "Annabel,1\n");
    SparkSession spark =
        MockSparkSession.create(Map.of("spark.sql.legacy.charVarcharAsString", "true"));
    Dataset<Row> names = spark.read().schema("name VARCHAR(3), n INT").csv(csv.toString());
    assertEquals(DataTypes.StringType, names.schema().apply("name").dataType());
    assertEquals(List.of(RowFactory.create("Annabel", 1)), names.collectAsList());
  }

  // --- docs/mock.md snippet end ---

  @Test
  void preservedTypesStayInTheSchemaButAFileReadSaysTheMockCannotCheckThem(@TempDir Path dir)
      throws Exception {
    SparkSession spark = MockSparkSession.create(Map.of(AS_STRING, "true", PRESERVE, "true"));
    assertEquals(WITH_CHARS, given(spark.read().schema(WITH_CHARS)));
    Path csv = Files.writeString(dir.resolve("v.csv"), "Bo\n");
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> spark.read().schema("name VARCHAR(3)").csv(csv.toString()));
    assertTrue(e.getMessage().contains(PRESERVE + "=true"), e.getMessage());
  }

  @Test
  void preserveAloneStillRejectsAsSparkDoes() {
    SparkSession spark = MockSparkSession.create(Map.of(PRESERVE, "true"));
    AnalysisException e =
        assertThrows(AnalysisException.class, () -> spark.read().schema(WITH_CHARS));
    assertEquals("UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING", e.getCondition());
  }

  @Test
  void settingsAreReadWhenSchemaIsCalledAndMustBeBooleans() {
    SparkSession spark = MockSparkSession.builder().build();
    spark.conf().set(AS_STRING, " TRUE ");
    assertEquals(
        new StructType().add("b", DataTypes.StringType),
        given(spark.read().schema("b VARCHAR(1)")));
    spark.conf().set(AS_STRING, "yes");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> spark.read().schema("b VARCHAR(1)"));
    assertEquals(AS_STRING + " should be boolean, but was yes", e.getMessage());
  }

  @Test
  void nullSchemaLeavesTheReaderWithoutOne() {
    DataFrameReader r = MockSparkSession.builder().build().read().schema("a INT");
    assertTrue(r.schema((StructType) null) == r);
    assertEquals(new StructType().add("a", DataTypes.IntegerType), given(r));
  }

  private static StructType given(DataFrameReader reader) {
    return ((MockDataFrameReader) reader).userSpecifiedSchema().get();
  }
}
