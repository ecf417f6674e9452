package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.KitFiles.file;

import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.VarcharType;

/**
 * {@code DataFrameReader.schema(...)} with CHAR and VARCHAR: rejected by default (also nested),
 * read as STRING under {@code spark.sql.legacy.charVarcharAsString}, in both the DDL and the
 * StructType form.
 */
final class ReaderSchemaCases {
  private static final String AS_STRING = "spark.sql.legacy.charVarcharAsString";
  private static final String NAMES = "Annabel,1\nBo,2\n";
  private static final String NESTED = "{\"tags\":[\"ab\",\"cdef\"],\"m\":{\"k\":\"xyz\"}}\n";

  private ReaderSchemaCases() {}

  static void addTo(CaseBook book) {
    CaseBook b = book.area("reader-schema");
    b.fails(
        "varchar-ddl-rejected",
        "schema(\"... VARCHAR(3) ...\") is rejected unless CHAR/VARCHAR read as STRING",
        "UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING",
        sp -> sp.read().schema("name VARCHAR(3), n INT").csv(file("v.csv", NAMES)));
    b.fails(
        "char-nested-rejected",
        "a CHAR inside a map value inside an array of a StructType schema is rejected too",
        "UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING",
        sp ->
            sp.read()
                .schema(
                    new StructType()
                        .add("id", DataTypes.IntegerType)
                        .add(
                            "xs",
                            new ArrayType(
                                new MapType(DataTypes.StringType, new CharType(2), true), true)))
                .json(file("n.json", "{\"id\":1}\n")));
    b.withConf(
        "varchar-ddl-as-string",
        "under the legacy setting VARCHAR(3) reads as STRING, values not cut to 3",
        Map.of(AS_STRING, "true"),
        sp -> sp.read().schema("name VARCHAR(3), n INT").csv(file("v.csv", NAMES)));
    b.withConf(
        "char-struct-as-string",
        "under the legacy setting CHAR in a StructType schema reads as STRING",
        Map.of(AS_STRING, "true"),
        sp ->
            sp.read()
                .schema(
                    new StructType()
                        .add("name", new CharType(4), false, Metadata.empty())
                        .add("n", DataTypes.IntegerType))
                .csv(file("v.csv", NAMES)));
    b.withConf(
        "nested-as-string",
        "under the legacy setting VARCHAR in an array and CHAR in a map value read as STRING",
        Map.of(AS_STRING, "true"),
        sp ->
            sp.read()
                .schema(
                    new StructType()
                        .add("tags", new ArrayType(new VarcharType(2), true))
                        .add("m", new MapType(DataTypes.StringType, new CharType(1), true)))
                .json(file("n.json", NESTED)));
    b.add(
        "varchar-preserved",
        "with the type info preserved VARCHAR(3) stays, and a longer value fails the read",
        sp -> sp.read().schema("name VARCHAR(3), n INT").csv(file("v.csv", NAMES)),
        Observation.rows(),
        "EXCEED_LIMIT_LENGTH",
        Map.of(AS_STRING, "true", "spark.sql.preserveCharVarcharTypeInfo", "true"),
        0);
    b.rows(
        "plain-schema-kept",
        "a schema without CHAR/VARCHAR is used as given",
        sp -> sp.read().schema("name STRING, n BIGINT").csv(file("v.csv", NAMES)));
  }
}
