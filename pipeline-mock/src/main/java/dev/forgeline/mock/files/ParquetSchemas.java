package dev.forgeline.mock.files;

import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
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
 * Spark types to Parquet types and back, as Spark's ParquetSchemaConverter maps them in its
 * standard (non-legacy) mode: decimals by precision in INT32, INT64 or fixed bytes, timestamps as
 * INT64 microseconds (INT96 read too), lists and maps in the three-level form.
 */
final class ParquetSchemas {
  /** The footer key under which Spark keeps the exact Spark schema of a file. */
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private ParquetSchemas() {}

  static MessageType toParquet(StructType schema) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (StructField f : schema.fields()) {
      b.addField(field(f.name(), f.dataType(), f.nullable()));
    }
    return b.named("spark_schema");
  }

  private static Type field(String name, DataType t, boolean nullable) {
    Type.Repetition rep = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
    if (t instanceof BooleanType) {
      return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
    }
    if (t instanceof ByteType) {
      return Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.intType(8, true))
          .named(name);
    }
    if (t instanceof ShortType) {
      return Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.intType(16, true))
          .named(name);
    }
    if (t instanceof IntegerType) {
      return Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
    }
    if (t instanceof LongType) {
      return Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
    }
    if (t instanceof FloatType) {
      return Types.primitive(PrimitiveTypeName.FLOAT, rep).named(name);
    }
    if (t instanceof DoubleType) {
      return Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
    }
    if (t instanceof StringType) {
      return Types.primitive(PrimitiveTypeName.BINARY, rep)
          .as(LogicalTypeAnnotation.stringType())
          .named(name);
    }
    if (t instanceof BinaryType) {
      return Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
    }
    if (t instanceof DateType) {
      return Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.dateType())
          .named(name);
    }
    if (t instanceof TimestampType) {
      return Types.primitive(PrimitiveTypeName.INT64, rep)
          .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
          .named(name);
    }
    if (t instanceof TimestampNTZType) {
      return Types.primitive(PrimitiveTypeName.INT64, rep)
          .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
          .named(name);
    }
    if (t instanceof DecimalType d) {
      LogicalTypeAnnotation dec = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
      if (d.precision() <= 9) {
        return Types.primitive(PrimitiveTypeName.INT32, rep).as(dec).named(name);
      }
      if (d.precision() <= 18) {
        return Types.primitive(PrimitiveTypeName.INT64, rep).as(dec).named(name);
      }
      return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep)
          .length(decimalBytes(d.precision()))
          .as(dec)
          .named(name);
    }
    if (t instanceof StructType st) {
      Types.GroupBuilder<GroupType> g = Types.buildGroup(rep);
      for (StructField f : st.fields()) {
        g.addField(field(f.name(), f.dataType(), f.nullable()));
      }
      return g.named(name);
    }
    if (t instanceof ArrayType at) {
      return Types.buildGroup(rep)
          .as(LogicalTypeAnnotation.listType())
          .addField(
              Types.repeatedGroup()
                  .addField(field("element", at.elementType(), at.containsNull()))
                  .named("list"))
          .named(name);
    }
    if (t instanceof MapType mt) {
      return Types.buildGroup(rep)
          .as(LogicalTypeAnnotation.mapType())
          .addField(
              Types.repeatedGroup()
                  .addField(field("key", mt.keyType(), false))
                  .addField(field("value", mt.valueType(), mt.valueContainsNull()))
                  .named("key_value"))
          .named(name);
    }
    throw dev.forgeline.mock.engine.NotSupported.method(
        "writing a " + t.sql() + " column as parquet");
  }

  /** The fewest bytes that hold an unscaled decimal of {@code precision} digits. */
  static int decimalBytes(int precision) {
    int bytes = 1;
    while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
      bytes++;
    }
    return bytes;
  }

  /** The Spark schema of a Parquet file without Spark's footer entry. */
  static StructType toSpark(GroupType g) {
    StructType st = new StructType();
    for (Type f : g.getFields()) {
      st = st.add(f.getName(), type(f), true);
    }
    return st;
  }

  private static DataType type(Type f) {
    LogicalTypeAnnotation a = f.getLogicalTypeAnnotation();
    if (!f.isPrimitive()) {
      GroupType g = f.asGroupType();
      if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
        Type repeated = g.getType(0);
        Type element =
            repeated.isPrimitive() || repeated.asGroupType().getFieldCount() > 1
                ? repeated
                : repeated.asGroupType().getType(0);
        return DataTypes.createArrayType(type(element), true);
      }
      if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
          || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
        GroupType kv = g.getType(0).asGroupType();
        return DataTypes.createMapType(type(kv.getType(0)), type(kv.getType(1)), true);
      }
      return toSpark(g);
    }
    PrimitiveType p = f.asPrimitiveType();
    if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
      return DataTypes.createDecimalType(d.getPrecision(), d.getScale());
    }
    switch (p.getPrimitiveTypeName()) {
      case BOOLEAN:
        return DataTypes.BooleanType;
      case INT32:
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return DataTypes.DateType;
        }
        if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i) {
          return i.getBitWidth() == 8
              ? DataTypes.ByteType
              : i.getBitWidth() == 16 ? DataTypes.ShortType : DataTypes.IntegerType;
        }
        return DataTypes.IntegerType;
      case INT64:
        if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
          return ts.isAdjustedToUTC() ? DataTypes.TimestampType : DataTypes.TimestampNTZType;
        }
        return DataTypes.LongType;
      case INT96:
        return DataTypes.TimestampType;
      case FLOAT:
        return DataTypes.FloatType;
      case DOUBLE:
        return DataTypes.DoubleType;
      case BINARY:
        return a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
            ? DataTypes.StringType
            : DataTypes.BinaryType;
      default:
        return DataTypes.BinaryType;
    }
  }
}
