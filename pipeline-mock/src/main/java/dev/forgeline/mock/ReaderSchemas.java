package dev.forgeline.mock;

import dev.forgeline.mock.engine.Errors;
import java.util.Locale;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.VarcharType;

/**
 * What {@code DataFrameReader.schema(...)} does to CHAR and VARCHAR in a user's schema, as Spark
 * 4.1.3 does it, read from the session's own settings. Spark's reader asks {@code SQLConf}, whose
 * first use costs seconds and a hostname WARN; the mock reads the same two keys from its conf:
 *
 * <ul>
 *   <li>unless {@code spark.sql.legacy.charVarcharAsString} is true, a schema with CHAR or VARCHAR
 *       anywhere (nested in arrays, maps and structs too) is rejected with {@code
 *       UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING};
 *   <li>otherwise each CHAR(n) and VARCHAR(n) becomes STRING, unless {@code
 *       spark.sql.preserveCharVarcharTypeInfo} is true, which keeps them.
 * </ul>
 *
 * Names, nullability and metadata of the fields are kept.
 */
final class ReaderSchemas {
  static final String AS_STRING_KEY = "spark.sql.legacy.charVarcharAsString";
  static final String PRESERVE_KEY = "spark.sql.preserveCharVarcharTypeInfo";

  private ReaderSchemas() {}

  /** The schema the reader keeps for {@code schema}, under the settings of {@code conf}. */
  static StructType userSchema(StructType schema, RuntimeConfig conf) {
    boolean asString = flag(conf, AS_STRING_KEY);
    if (!asString && hasCharVarchar(schema)) {
      throw Errors.analysis("UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING");
    }
    return (StructType) replace(schema, flag(conf, PRESERVE_KEY));
  }

  static boolean hasCharVarchar(DataType t) {
    if (t instanceof CharType || t instanceof VarcharType) {
      return true;
    }
    if (t instanceof ArrayType a) {
      return hasCharVarchar(a.elementType());
    }
    if (t instanceof MapType m) {
      return hasCharVarchar(m.keyType()) || hasCharVarchar(m.valueType());
    }
    if (t instanceof StructType s) {
      for (StructField f : s.fields()) {
        if (hasCharVarchar(f.dataType())) {
          return true;
        }
      }
    }
    return false;
  }

  private static DataType replace(DataType t, boolean preserve) {
    if (t instanceof ArrayType a) {
      return new ArrayType(replace(a.elementType(), preserve), a.containsNull());
    }
    if (t instanceof MapType m) {
      return new MapType(
          replace(m.keyType(), preserve), replace(m.valueType(), preserve), m.valueContainsNull());
    }
    if (t instanceof StructType s) {
      StructField[] fields = s.fields().clone();
      for (int i = 0; i < fields.length; i++) {
        StructField f = fields[i];
        fields[i] =
            new StructField(f.name(), replace(f.dataType(), preserve), f.nullable(), f.metadata());
      }
      return new StructType(fields);
    }
    if ((t instanceof CharType || t instanceof VarcharType) && !preserve) {
      return DataTypes.StringType;
    }
    return t;
  }

  /** A boolean setting, strict as Spark's boolean configs are. */
  private static boolean flag(RuntimeConfig conf, String key) {
    String v = conf.get(key, "false").trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(key + " should be boolean, but was " + conf.get(key));
    };
  }
}
