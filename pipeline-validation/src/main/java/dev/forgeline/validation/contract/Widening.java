package dev.forgeline.validation.contract;

import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** Which actual types widen without loss to an expected type (relaxed contracts accept them). */
final class Widening {
  private Widening() {}

  static boolean safe(DataType actual, DataType expected) {
    if (actual.equals(expected)) {
      return true;
    }
    int a = integralRank(actual);
    int e = integralRank(expected);
    if (a > 0 && e > 0) {
      return a <= e;
    }
    if (a > 0 && expected instanceof DecimalType d) {
      return d.precision() - d.scale() >= integralDigits(a);
    }
    if (a > 0 && a <= 3 && expected instanceof DoubleType) {
      return true; // up to int fits a double's 53-bit mantissa exactly
    }
    if (a > 0 && a <= 2 && expected instanceof FloatType) {
      return true;
    }
    if (actual instanceof FloatType && expected instanceof DoubleType) {
      return true;
    }
    if (actual instanceof DecimalType x && expected instanceof DecimalType y) {
      return y.scale() >= x.scale() && y.precision() - y.scale() >= x.precision() - x.scale();
    }
    if (actual instanceof DateType) {
      return expected instanceof TimestampType || expected instanceof TimestampNTZType;
    }
    return false;
  }

  private static int integralRank(DataType t) {
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
    return 0;
  }

  private static int integralDigits(int rank) {
    return switch (rank) {
      case 1 -> 3;
      case 2 -> 5;
      case 3 -> 10;
      default -> 20;
    };
  }
}
