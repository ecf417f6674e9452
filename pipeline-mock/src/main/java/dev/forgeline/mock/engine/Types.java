package dev.forgeline.mock.engine;

import java.util.List;
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
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** Spark's type lattice: numeric precedence, decimal precision rules and wider-type search. */
public final class Types {
  public static final int MAX_PRECISION = 38;

  private Types() {}

  public static boolean isNumeric(DataType t) {
    return t instanceof ByteType
        || t instanceof ShortType
        || t instanceof IntegerType
        || t instanceof LongType
        || t instanceof FloatType
        || t instanceof DoubleType
        || t instanceof DecimalType;
  }

  public static boolean isIntegral(DataType t) {
    return t instanceof ByteType
        || t instanceof ShortType
        || t instanceof IntegerType
        || t instanceof LongType;
  }

  public static boolean isFractional(DataType t) {
    return t instanceof FloatType || t instanceof DoubleType;
  }

  public static boolean isString(DataType t) {
    return t instanceof StringType;
  }

  public static boolean isDatetime(DataType t) {
    return t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
  }

  public static boolean isAtomic(DataType t) {
    return !(t instanceof ArrayType || t instanceof MapType || t instanceof StructType);
  }

  /** Spark's numeric precedence (byte lowest, double highest); 0 for non-numeric types. */
  public static int rank(DataType t) {
    if (t instanceof ByteType) {
      return 1;
    }
    if (t instanceof ShortType) {
      return 2;
    }
    if (t instanceof IntegerType) {
      return 3;
    }
    if (t instanceof LongType) {
      return 4;
    }
    if (t instanceof DecimalType) {
      return 5;
    }
    if (t instanceof FloatType) {
      return 6;
    }
    if (t instanceof DoubleType) {
      return 7;
    }
    return 0;
  }

  /** The decimal type that holds every value of an integral type (Spark's DecimalType.forType). */
  public static DecimalType decimalFor(DataType t) {
    if (t instanceof DecimalType d) {
      return d;
    }
    if (t instanceof ByteType) {
      return new DecimalType(3, 0);
    }
    if (t instanceof ShortType) {
      return new DecimalType(5, 0);
    }
    if (t instanceof IntegerType) {
      return new DecimalType(10, 0);
    }
    if (t instanceof LongType) {
      return new DecimalType(20, 0);
    }
    if (t instanceof FloatType) {
      return new DecimalType(14, 7);
    }
    return new DecimalType(30, 15);
  }

  /** Spark's bounded decimal with precision-loss adjustment. */
  public static DecimalType boundedDecimal(int precision, int scale) {
    if (precision <= MAX_PRECISION) {
      return new DecimalType(precision, scale);
    }
    int intDigits = precision - scale;
    int minScale = Math.min(scale, 6);
    int adjusted = Math.max(MAX_PRECISION - intDigits, minScale);
    return new DecimalType(MAX_PRECISION, adjusted);
  }

  /** The wider of two decimals (Spark's DecimalPrecision.widerDecimalType). */
  public static DecimalType widerDecimal(DecimalType a, DecimalType b) {
    int scale = Math.max(a.scale(), b.scale());
    int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
    return boundedDecimal(range + scale, scale);
  }

  /** The common numeric type of two numeric types, or null. */
  public static DataType widerNumeric(DataType a, DataType b) {
    if (a.equals(b)) {
      return a;
    }
    if (!isNumeric(a) || !isNumeric(b)) {
      return null;
    }
    if (a instanceof DecimalType || b instanceof DecimalType) {
      if (isFractional(a) || isFractional(b)) {
        return DataTypes.DoubleType;
      }
      return widerDecimal(decimalFor(a), decimalFor(b));
    }
    if (a instanceof FloatType && (b instanceof IntegerType || b instanceof LongType)
        || b instanceof FloatType && (a instanceof IntegerType || a instanceof LongType)) {
      return DataTypes.DoubleType;
    }
    return rank(a) >= rank(b) ? a : b;
  }

  /** Spark's findWiderTypeForTwo (used by union, coalesce, CASE, arrays): null when none exists. */
  public static DataType wider(DataType a, DataType b) {
    if (a.equals(b)) {
      return a;
    }
    if (a instanceof NullType) {
      return b;
    }
    if (b instanceof NullType) {
      return a;
    }
    DataType n = widerNumeric(a, b);
    if (n != null) {
      return n;
    }
    if (a instanceof DateType && b instanceof TimestampType
        || a instanceof TimestampType && b instanceof DateType) {
      return DataTypes.TimestampType;
    }
    if (a instanceof DateType && b instanceof TimestampNTZType
        || a instanceof TimestampNTZType && b instanceof DateType) {
      return DataTypes.TimestampNTZType;
    }
    if (a instanceof TimestampNTZType && b instanceof TimestampType
        || a instanceof TimestampType && b instanceof TimestampNTZType) {
      return DataTypes.TimestampType;
    }
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      DataType e = wider(x.elementType(), y.elementType());
      return e == null ? null : new ArrayType(e, x.containsNull() || y.containsNull());
    }
    if (a instanceof MapType x && b instanceof MapType y) {
      DataType k = wider(x.keyType(), y.keyType());
      DataType v = wider(x.valueType(), y.valueType());
      return k == null || v == null
          ? null
          : new MapType(k, v, x.valueContainsNull() || y.valueContainsNull());
    }
    if (a instanceof StructType x && b instanceof StructType y && x.length() == y.length()) {
      StructField[] out = new StructField[x.length()];
      for (int i = 0; i < out.length; i++) {
        StructField fx = x.fields()[i];
        StructField fy = y.fields()[i];
        if (!fx.name().equalsIgnoreCase(fy.name())) {
          return null;
        }
        DataType t = wider(fx.dataType(), fy.dataType());
        if (t == null) {
          return null;
        }
        out[i] = new StructField(fx.name(), t, fx.nullable() || fy.nullable(), fx.metadata());
      }
      return new StructType(out);
    }
    return null;
  }

  /** Wider type that also lets strings absorb atomic types (Spark's findWiderCommonType). */
  public static DataType widerWithStrings(DataType a, DataType b) {
    DataType w = wider(a, b);
    if (w != null) {
      return w;
    }
    if (isString(a) && isAtomic(b) && !(b instanceof BinaryType)
        || isString(b) && isAtomic(a) && !(a instanceof BinaryType)) {
      return DataTypes.StringType;
    }
    return null;
  }

  /** Folds {@link #wider} over a list; null when the types have no common type. */
  public static DataType widerOf(List<DataType> types, boolean allowStrings) {
    DataType acc = DataTypes.NullType;
    for (DataType t : types) {
      acc = allowStrings ? widerWithStrings(acc, t) : wider(acc, t);
      if (acc == null) {
        return null;
      }
    }
    return acc;
  }

  /** True for types whose values can be ordered. */
  public static boolean orderable(DataType t) {
    if (t instanceof MapType) {
      return false;
    }
    if (t instanceof ArrayType a) {
      return orderable(a.elementType());
    }
    if (t instanceof StructType s) {
      for (StructField f : s.fields()) {
        if (!orderable(f.dataType())) {
          return false;
        }
      }
    }
    return true;
  }

  /** Spark's name for boolean type in messages. */
  public static boolean isBoolean(DataType t) {
    return t instanceof BooleanType;
  }
}
