package dev.forgeline.mock.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;

/**
 * Numeric conversions and Spark's arithmetic on internal values of one numeric type: exact integer
 * arithmetic with ANSI overflow errors, IEEE doubles, and decimals rounded half-up to the result
 * type's scale with precision checks.
 */
public final class Arithmetic {
  private Arithmetic() {}

  public static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Double || n instanceof Float) {
      return new BigDecimal(n.toString());
    }
    return BigDecimal.valueOf(n.longValue());
  }

  /** Converts a number (already known to fit) to the internal class of {@code type}. */
  public static Object coerce(Number n, DataType type) {
    if (type instanceof IntegerType) {
      return n.intValue();
    }
    if (type instanceof LongType) {
      return n.longValue();
    }
    if (type instanceof DoubleType) {
      return n.doubleValue();
    }
    if (type instanceof FloatType) {
      return n.floatValue();
    }
    if (type instanceof ShortType) {
      return n.shortValue();
    }
    if (type instanceof ByteType) {
      return n.byteValue();
    }
    if (type instanceof DecimalType d) {
      return toBigDecimal(n).setScale(d.scale(), RoundingMode.HALF_UP);
    }
    throw new IllegalArgumentException("not numeric: " + type);
  }

  /** Rounds to the decimal type; null (or an ANSI error) when the precision does not fit. */
  public static BigDecimal fitDecimal(BigDecimal v, DecimalType t, boolean ansi) {
    BigDecimal r = v.setScale(t.scale(), RoundingMode.HALF_UP);
    if (r.precision() - r.scale() > t.precision() - t.scale() && r.signum() != 0) {
      if (ansi) {
        throw Errors.decimalOutOfRange(r.toPlainString(), t.precision(), t.scale());
      }
      return null;
    }
    return r;
  }

  /** op is one of + - * (for integral, fractional and decimal result types). */
  public static Object apply(char op, Object a, Object b, DataType type, boolean ansi) {
    if (type instanceof DecimalType d) {
      BigDecimal x = toBigDecimal((Number) a);
      BigDecimal y = toBigDecimal((Number) b);
      BigDecimal r = op == '+' ? x.add(y) : op == '-' ? x.subtract(y) : x.multiply(y);
      return fitDecimal(r, d, ansi);
    }
    if (type instanceof DoubleType) {
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      return op == '+' ? x + y : op == '-' ? x - y : x * y;
    }
    if (type instanceof FloatType) {
      float x = ((Number) a).floatValue();
      float y = ((Number) b).floatValue();
      return op == '+' ? x + y : op == '-' ? x - y : x * y;
    }
    long x = ((Number) a).longValue();
    long y = ((Number) b).longValue();
    String tryName = op == '+' ? "try_add" : op == '-' ? "try_subtract" : "try_multiply";
    if (type instanceof LongType) {
      try {
        return op == '+'
            ? Math.addExact(x, y)
            : op == '-' ? Math.subtractExact(x, y) : Math.multiplyExact(x, y);
      } catch (ArithmeticException e) {
        if (ansi) {
          throw Errors.arithmeticOverflow("long overflow", tryName);
        }
        return op == '+' ? x + y : op == '-' ? x - y : x * y;
      }
    }
    long r = op == '+' ? x + y : op == '-' ? x - y : x * y;
    long min =
        type instanceof IntegerType
            ? Integer.MIN_VALUE
            : type instanceof ShortType ? Short.MIN_VALUE : Byte.MIN_VALUE;
    long max =
        type instanceof IntegerType
            ? Integer.MAX_VALUE
            : type instanceof ShortType ? Short.MAX_VALUE : Byte.MAX_VALUE;
    if (r < min || r > max) {
      if (ansi) {
        if (type instanceof IntegerType) {
          throw Errors.arithmeticOverflow("integer overflow", tryName);
        }
        throw Errors.binaryArithmeticOverflow(
            Casts.literal(a, type), String.valueOf(op), Casts.literal(b, type), tryName);
      }
    }
    return coerce(r, type);
  }

  /** Spark's {@code /}: double or decimal result; ANSI raises DIVIDE_BY_ZERO, else null. */
  public static Object divide(Object a, Object b, DataType type, boolean ansi) {
    if (type instanceof DecimalType d) {
      BigDecimal y = toBigDecimal((Number) b);
      if (y.signum() == 0) {
        if (ansi) {
          throw Errors.divideByZero();
        }
        return null;
      }
      BigDecimal x = toBigDecimal((Number) a);
      return fitDecimal(x.divide(y, d.scale(), RoundingMode.HALF_UP), d, ansi);
    }
    double y = ((Number) b).doubleValue();
    if (y == 0) {
      if (ansi) {
        throw Errors.divideByZero();
      }
      return null;
    }
    return ((Number) a).doubleValue() / y;
  }

  /** Spark's {@code %}: same type; zero divisor is DIVIDE_BY_ZERO under ANSI, else null. */
  public static Object remainder(Object a, Object b, DataType type, boolean ansi) {
    if (isZero((Number) b)) {
      if (ansi) {
        throw Errors.remainderByZero();
      }
      return null;
    }
    if (type instanceof DecimalType d) {
      return fitDecimal(toBigDecimal((Number) a).remainder(toBigDecimal((Number) b)), d, ansi);
    }
    if (type instanceof DoubleType) {
      return ((Number) a).doubleValue() % ((Number) b).doubleValue();
    }
    if (type instanceof FloatType) {
      return ((Number) a).floatValue() % ((Number) b).floatValue();
    }
    return coerce(((Number) a).longValue() % ((Number) b).longValue(), type);
  }

  /** Spark's {@code div}: integral division to a long. */
  public static Object integralDivide(Object a, Object b, boolean ansi) {
    if (isZero((Number) b)) {
      if (ansi) {
        throw Errors.divideByZero();
      }
      return null;
    }
    if (a instanceof BigDecimal || b instanceof BigDecimal) {
      BigInteger q =
          toBigDecimal((Number) a).divideToIntegralValue(toBigDecimal((Number) b)).toBigInteger();
      if (q.bitLength() > 63) {
        if (ansi) {
          throw Errors.arithmeticOverflow("Overflow in integral divide", "try_divide");
        }
      }
      return q.longValue();
    }
    long x = ((Number) a).longValue();
    long y = ((Number) b).longValue();
    if (x == Long.MIN_VALUE && y == -1 && ansi) {
      throw Errors.arithmeticOverflow("Overflow in integral divide", "try_divide");
    }
    return x / y;
  }

  public static boolean isZero(Number n) {
    if (n instanceof BigDecimal d) {
      return d.signum() == 0;
    }
    if (n instanceof Double || n instanceof Float) {
      return n.doubleValue() == 0;
    }
    return n.longValue() == 0;
  }

  /** Unary minus with ANSI overflow checks. */
  public static Object negate(Object a, DataType type, boolean ansi) {
    if (a instanceof BigDecimal d) {
      return d.negate();
    }
    if (a instanceof Double d) {
      return -d;
    }
    if (a instanceof Float f) {
      return -f;
    }
    return apply('-', coerce(0, type), a, type, ansi);
  }
}
