package dev.forgeline.mock.engine;

import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** Spark's implicit casts: function inputs, comparison operands and arithmetic operands. */
public final class Coercion {
  private Coercion() {}

  /** Whether Spark would insert an implicit cast from {@code from} to {@code to}. */
  public static boolean canImplicit(DataType from, DataType to) {
    if (from.equals(to) || from instanceof NullType) {
      return true;
    }
    if (Types.isNumeric(from) && Types.isNumeric(to)) {
      return true;
    }
    if (from instanceof StringType) {
      return Types.isNumeric(to)
          || Types.isDatetime(to)
          || to instanceof BinaryType
          || to instanceof BooleanType;
    }
    if (to instanceof StringType) {
      return Types.isAtomic(from) && !(from instanceof BinaryType);
    }
    if (from instanceof DateType
        && (to instanceof TimestampType || to instanceof TimestampNTZType)) {
      return true;
    }
    return false;
  }

  /** Casts implicitly when allowed; otherwise returns the expression unchanged. */
  public static Expr implicitCast(Expr e, DataType to, SessionConf conf) {
    if (e.type().equals(to) || !canImplicit(e.type(), to)) {
      return e;
    }
    return CastExpr.implicit(e, to, conf.ansi(), conf.zone());
  }

  /** The common type two comparison operands are cast to, or null when none exists. */
  public static DataType comparisonType(DataType l, DataType r) {
    if (l.equals(r)) {
      return l;
    }
    DataType w = Types.wider(l, r);
    if (w != null) {
      return w;
    }
    if (l instanceof StringType && Types.isAtomic(r) && !(r instanceof BinaryType)) {
      return r instanceof BooleanType || Types.isNumeric(r) || Types.isDatetime(r)
          ? r
          : DataTypes.StringType;
    }
    if (r instanceof StringType && Types.isAtomic(l) && !(l instanceof BinaryType)) {
      return l instanceof BooleanType || Types.isNumeric(l) || Types.isDatetime(l)
          ? l
          : DataTypes.StringType;
    }
    return null;
  }

  /**
   * The operand type of binary arithmetic, or null when the operands are not numeric-compatible.
   */
  public static DataType arithmeticType(DataType l, DataType r) {
    DataType left =
        l instanceof StringType
            ? (r instanceof StringType ? DataTypes.DoubleType : stringPartner(r))
            : l;
    DataType right = r instanceof StringType ? stringPartner(left) : r;
    if (left instanceof NullType && right instanceof NullType) {
      return DataTypes.DoubleType;
    }
    if (left instanceof NullType) {
      return Types.isNumeric(right) ? right : null;
    }
    if (right instanceof NullType) {
      return Types.isNumeric(left) ? left : null;
    }
    return Types.widerNumeric(left, right);
  }

  private static DataType stringPartner(DataType other) {
    if (Types.isIntegral(other)) {
      return DataTypes.LongType;
    }
    if (Types.isNumeric(other)) {
      return other instanceof org.apache.spark.sql.types.DecimalType ? DataTypes.DoubleType : other;
    }
    return DataTypes.DoubleType;
  }
}
