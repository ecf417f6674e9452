package dev.forgeline.mock.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.QueryContext;
import org.apache.spark.SparkArithmeticException;
import org.apache.spark.SparkArrayIndexOutOfBoundsException;
import org.apache.spark.SparkDateTimeException;
import org.apache.spark.SparkIllegalArgumentException;
import org.apache.spark.SparkNumberFormatException;
import org.apache.spark.SparkRuntimeException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.types.DataType;

/**
 * Factory methods for every error the mock raises. Each builds the exception type Spark raises for
 * the same problem, with Spark's error condition and message parameters, so that the message text
 * comes from Spark's own error-conditions.json.
 */
public final class Errors {
  private static final String ANSI_CONFIG = "\"spark.sql.ansi.enabled\"";
  private static final QueryContext[] NO_CONTEXT = new QueryContext[0];

  private Errors() {}

  private static Map<String, String> params(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /**
   * Throws an analysis error with the given condition and parameters (name/value pairs). Spark's
   * AnalysisException is a checked exception in Java's eyes though Spark's Scala API throws it from
   * undeclared methods; the mock does the same, so callers write {@code throw
   * Errors.analysis(...)}.
   */
  public static RuntimeException analysis(String condition, String... kv) {
    throw Errors.<RuntimeException>sneaky(new AnalysisException(condition, Scala.map(params(kv))));
  }

  /** Spark's INTERNAL_ERROR (a SparkException), raised where Spark's analyzer fails internally. */
  public static RuntimeException internal(String message) {
    throw Errors.<RuntimeException>sneaky(
        new org.apache.spark.SparkException(
            "INTERNAL_ERROR", Scala.map(params("message", message)), null));
  }

  /** The internal error Spark raises for a null column name. */
  public static RuntimeException nullName() {
    return internal(
        "The Spark SQL phase analysis failed with an internal error. You hit a bug in Spark or"
            + " the Spark plugins you use. Please, report this bug to the corresponding communities or vendors,"
            + " and provide the full stack trace.");
  }

  /** Rethrows any throwable without declaring it. */
  @SuppressWarnings("unchecked")
  public static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  /** Spark's quoted type name, as in {@code "INT"}. */
  public static String sqlType(DataType type) {
    return "\"" + type.sql() + "\"";
  }

  /** Spark's quoted expression text, as in {@code "(a + 1)"}. */
  public static String sqlExpr(String text) {
    return "\"" + text + "\"";
  }

  public static RuntimeException unresolvedColumn(List<String> nameParts, List<String> proposals) {
    String objectName = Names.quoteParts(nameParts);
    if (proposals.isEmpty()) {
      return analysis("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "objectName", objectName);
    }
    return analysis(
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        "objectName",
        objectName,
        "proposal",
        String.join(", ", proposals));
  }

  public static RuntimeException ambiguousReference(
      List<String> nameParts, List<String> candidates) {
    return analysis(
        "AMBIGUOUS_REFERENCE",
        "name",
        Names.quoteParts(nameParts),
        "referenceNames",
        "[" + String.join(", ", candidates) + "]");
  }

  public static RuntimeException fieldNotFound(String field, List<String> fields) {
    return analysis(
        "FIELD_NOT_FOUND", "fieldName", Names.quote(field), "fields", String.join(", ", fields));
  }

  public static RuntimeException invalidExtractBase(String base, DataType type) {
    return analysis(
        "INVALID_EXTRACT_BASE_FIELD_TYPE", "base", sqlExpr(base), "other", sqlType(type));
  }

  public static RuntimeException unresolvedRoutine(String name) {
    return analysis(
        "UNRESOLVED_ROUTINE",
        "routineName",
        Names.quote(name),
        "searchPath",
        "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]");
  }

  public static RuntimeException wrongNumArgs(String function, String expected, int actual) {
    return analysis(
        "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
        "functionName",
        Names.quote(function),
        "expectedNum",
        expected,
        "actualNum",
        String.valueOf(actual),
        "docroot",
        "https://spark.apache.org/docs/latest");
  }

  public static RuntimeException binaryOpDiffTypes(String sqlExpr, DataType left, DataType right) {
    return analysis(
        "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
        "sqlExpr",
        sqlExpr(sqlExpr),
        "left",
        sqlType(left),
        "right",
        sqlType(right));
  }

  public static RuntimeException binaryOpWrongType(
      String sqlExpr, String inputType, DataType actual) {
    return analysis(
        "DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE",
        "sqlExpr",
        sqlExpr(sqlExpr),
        "inputType",
        inputType,
        "actualDataType",
        sqlType(actual));
  }

  /** DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE; {@code index} is 1-based. */
  public static RuntimeException unexpectedInputType(
      String sqlExpr, int index, String requiredType, String inputSql, DataType inputType) {
    return analysis(
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        "sqlExpr",
        sqlExpr(sqlExpr),
        "paramIndex",
        ordinal(index),
        "requiredType",
        requiredType,
        "inputSql",
        sqlExpr(inputSql),
        "inputType",
        sqlType(inputType));
  }

  public static RuntimeException dataDiffTypes(
      String sqlExpr, String function, List<DataType> types) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < types.size(); i++) {
      sb.append(i == 0 ? "" : " or ").append(sqlType(types.get(i)));
    }
    sb.append(")");
    return analysis(
        "DATATYPE_MISMATCH.DATA_DIFF_TYPES",
        "sqlExpr",
        sqlExpr(sqlExpr),
        "functionName",
        Names.quote(function),
        "dataType",
        sb.toString());
  }

  public static RuntimeException castMismatch(String sqlExpr, DataType from, DataType to) {
    return analysis(
        "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION",
        "sqlExpr",
        sqlExpr(sqlExpr),
        "srcType",
        sqlType(from),
        "targetType",
        sqlType(to));
  }

  public static RuntimeException filterNotBoolean(String filter, DataType type) {
    return analysis(
        "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN",
        "sqlExpr",
        sqlExpr(filter),
        "filter",
        sqlExpr(filter),
        "type",
        sqlType(type));
  }

  public static RuntimeException invalidOrderingType(
      String sqlExpr, String function, DataType type) {
    return analysis(
        "DATATYPE_MISMATCH.INVALID_ORDERING_TYPE",
        "sqlExpr",
        sqlExpr(sqlExpr),
        "functionName",
        Names.quote(function),
        "dataType",
        sqlType(type));
  }

  public static RuntimeException numColumnsMismatch(String operator, int first, int other) {
    return analysis(
        "NUM_COLUMNS_MISMATCH",
        "operator",
        operator,
        "firstNumColumns",
        String.valueOf(first),
        "invalidOrdinalNum",
        "second",
        "invalidNumColumns",
        String.valueOf(other));
  }

  public static RuntimeException incompatibleColumnType(
      String operator, int column, DataType other, DataType first) {
    return analysis(
        "INCOMPATIBLE_COLUMN_TYPE",
        "operator",
        operator,
        "columnOrdinalNumber",
        ordinal(column),
        "tableOrdinalNumber",
        "second",
        "dataType1",
        sqlType(other),
        "dataType2",
        sqlType(first),
        "hint",
        "");
  }

  public static RuntimeException missingAggregation(String expr) {
    return analysis(
        "MISSING_AGGREGATION",
        "expression",
        sqlExpr(expr),
        "expressionAnyValue",
        "\"any_value(" + expr + ")\"");
  }

  public static RuntimeException unresolvedUsingColumn(
      String column, String side, List<String> cols) {
    return analysis(
        "UNRESOLVED_USING_COLUMN_FOR_JOIN",
        "colName",
        Names.quote(column),
        "side",
        side,
        "suggestion",
        String.join(", ", cols));
  }

  public static RuntimeException unsupportedJoinType(String type) {
    return analysis(
        "UNSUPPORTED_JOIN_TYPE",
        "typ",
        type,
        "supported",
        "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer',"
            + " 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti',"
            + " 'left_anti', 'anti', 'cross'");
  }

  public static RuntimeException cannotResolveDataFrameColumn(List<String> nameParts) {
    return analysis("CANNOT_RESOLVE_DATAFRAME_COLUMN", "name", Names.quoteParts(nameParts));
  }

  public static RuntimeException nonFoldable(
      String sqlExpr, String input, String type, String got) {
    return analysis(
        "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
        "sqlExpr",
        sqlExpr(sqlExpr),
        "inputName",
        Names.quote(input),
        "inputType",
        type,
        "inputExpr",
        sqlExpr(got));
  }

  public static RuntimeException tableNotFound(String name) {
    return analysis("TABLE_OR_VIEW_NOT_FOUND", "relationName", Names.quoteParts(Names.parse(name)));
  }

  public static RuntimeException viewAlreadyExists(String name) {
    return analysis("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", "relationName", Names.quote(name));
  }

  public static SparkArithmeticException divideByZero() {
    return new SparkArithmeticException(
        "DIVIDE_BY_ZERO", Scala.map(params("config", ANSI_CONFIG)), NO_CONTEXT, "");
  }

  /** BINARY_ARITHMETIC_OVERFLOW, Spark's error for tinyint and smallint arithmetic. */
  public static SparkArithmeticException binaryArithmeticOverflow(
      String left, String op, String right, String tryFunction) {
    return new SparkArithmeticException(
        "BINARY_ARITHMETIC_OVERFLOW",
        Scala.map(
            params(
                "value1",
                left,
                "symbol",
                op,
                "value2",
                right,
                "functionName",
                "`" + tryFunction + "`")),
        NO_CONTEXT,
        "");
  }

  public static SparkArithmeticException remainderByZero() {
    return new SparkArithmeticException(
        "REMAINDER_BY_ZERO", Scala.map(params("config", ANSI_CONFIG)), NO_CONTEXT, "");
  }

  public static SparkArithmeticException arithmeticOverflow(String message, String tryFunction) {
    String alternative =
        tryFunction == null
            ? ""
            : " Use '" + tryFunction + "' to tolerate overflow and return NULL instead.";
    return new SparkArithmeticException(
        "ARITHMETIC_OVERFLOW",
        Scala.map(params("message", message, "alternative", alternative, "config", ANSI_CONFIG)),
        NO_CONTEXT,
        "");
  }

  public static SparkArithmeticException castOverflow(String value, DataType from, DataType to) {
    return new SparkArithmeticException(
        "CAST_OVERFLOW",
        Scala.map(
            params(
                "value",
                value,
                "sourceType",
                sqlType(from),
                "targetType",
                sqlType(to),
                "ansiConfig",
                ANSI_CONFIG)),
        NO_CONTEXT,
        "");
  }

  public static SparkArithmeticException decimalOutOfRange(String value, int precision, int scale) {
    return new SparkArithmeticException(
        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        Scala.map(
            params(
                "value",
                value,
                "precision",
                String.valueOf(precision),
                "scale",
                String.valueOf(scale),
                "config",
                ANSI_CONFIG)),
        NO_CONTEXT,
        "");
  }

  /** CAST_INVALID_INPUT for numeric and boolean targets (SparkNumberFormatException). */
  public static RuntimeException castInvalidInput(String value, DataType from, DataType to) {
    Map<String, String> p =
        params(
            "expression",
            value,
            "sourceType",
            sqlType(from),
            "targetType",
            sqlType(to),
            "ansiConfig",
            ANSI_CONFIG);
    if (to instanceof org.apache.spark.sql.types.DateType
        || to instanceof org.apache.spark.sql.types.TimestampType
        || to instanceof org.apache.spark.sql.types.TimestampNTZType) {
      return new SparkDateTimeException("CAST_INVALID_INPUT", Scala.map(p), NO_CONTEXT, "");
    }
    if (to instanceof org.apache.spark.sql.types.BooleanType) {
      return new SparkRuntimeException("CAST_INVALID_INPUT", Scala.map(p), null, NO_CONTEXT, "");
    }
    return new SparkNumberFormatException("CAST_INVALID_INPUT", Scala.map(p), NO_CONTEXT, "");
  }

  public static SparkArrayIndexOutOfBoundsException invalidArrayIndex(
      int index, int size, boolean elementAt) {
    return new SparkArrayIndexOutOfBoundsException(
        elementAt ? "INVALID_ARRAY_INDEX_IN_ELEMENT_AT" : "INVALID_ARRAY_INDEX",
        Scala.map(
            params(
                "indexValue", String.valueOf(index),
                "arraySize", String.valueOf(size),
                "ansiConfig", ANSI_CONFIG)),
        NO_CONTEXT,
        "");
  }

  public static SparkRuntimeException nullMapKey() {
    return new SparkRuntimeException("NULL_MAP_KEY", Scala.map(params()), null, NO_CONTEXT, "");
  }

  public static SparkDateTimeException cannotParseTimestamp(String message, String function) {
    return new SparkDateTimeException(
        "CANNOT_PARSE_TIMESTAMP",
        Scala.map(params("message", message, "func", "`" + function + "`")),
        NO_CONTEXT,
        "");
  }

  /** INVALID_PARAMETER_VALUE.PATTERN as Spark raises it at run time (a SparkRuntimeException). */
  public static SparkRuntimeException invalidPattern(String function, String pattern) {
    return new SparkRuntimeException(
        "INVALID_PARAMETER_VALUE.PATTERN",
        Scala.map(
            params(
                "parameter",
                "`regexp`",
                "functionName",
                Names.quote(function),
                "value",
                "'" + pattern + "'")),
        null,
        NO_CONTEXT,
        "");
  }

  public static SparkIllegalArgumentException invalidParameter(
      String subClass, String parameter, String function, String... extra) {
    Map<String, String> p = params(extra);
    p.put("parameter", Names.quote(parameter));
    p.put("functionName", Names.quote(function));
    return new SparkIllegalArgumentException("INVALID_PARAMETER_VALUE." + subClass, Scala.map(p));
  }

  /** Spark's English ordinals for parameter positions: first, second, ... */
  public static String ordinal(int index) {
    String[] names = {
      "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
      "ninth", "tenth"
    };
    return index < names.length ? names[index] : index + "th";
  }
}
