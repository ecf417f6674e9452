package dev.forgeline.mock.engine;

import org.apache.spark.SparkException;
import org.apache.spark.sql.catalyst.parser.DataTypeAstBuilder;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataType$;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;

/**
 * Type and schema strings in Spark's DDL syntax ({@code "a INT, b ARRAY<STRING>"}), parsed with
 * Spark's own grammar and type builder but through the mock's parser driver. Spark's {@code
 * StructType.fromDDL} and {@code DataType.fromDDL} read the parser flags from {@code SqlApiConf},
 * which loads {@code SQLConf} (and with it Spark's host lookup, seconds on some machines) whenever
 * spark-catalyst is on the classpath; these give the same types without touching either.
 */
public final class Ddl {

  /** Spark's type builder; it is stateless, and identifiers are never parsed on their own here. */
  private static final DataTypeAstBuilder TYPES =
      new DataTypeAstBuilder() {
        @Override
        public Seq<String> parseMultipartIdentifier(String sqlText) {
          throw Errors.<RuntimeException>sneaky(
              SparkException.internalError("multipart identifier in a DDL type: " + sqlText));
        }
      };

  private Ddl() {}

  /**
   * A table schema, as {@code StructType.fromDDL}.
   *
   * @param ddl comma-separated column definitions, not null
   * @return the schema
   * @throws org.apache.spark.sql.catalyst.parser.ParseException (sneakily) on bad syntax
   */
  public static StructType tableSchema(String ddl) {
    return SqlParsing.parse(ddl, p -> TYPES.visitSingleTableSchema(p.singleTableSchema()));
  }

  /**
   * A data type, as {@code DataType.fromDDL}: a single type ({@code "ARRAY<INT>"}), else a table
   * schema ({@code "a INT, b STRING"}); when neither parses, the error of the first attempt, as
   * Spark raises it.
   *
   * @param ddl the type text, not null
   * @return the type
   */
  public static DataType dataType(String ddl) {
    return DataType$.MODULE$.parseTypeWithFallback(
        ddl, text -> SqlParsing.parse(text, Ddl::singleType), text -> tableSchema(text));
  }

  private static DataType singleType(SqlBaseParser p) {
    return TYPES.visitSingleDataType(p.singleDataType());
  }
}
