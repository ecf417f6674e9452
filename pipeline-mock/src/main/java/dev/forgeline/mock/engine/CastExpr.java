package dev.forgeline.mock.engine;

import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;

/** A CAST, explicit (named {@code CAST(x AS T)}) or implicit (named as its child). */
public record CastExpr(Expr child, DataType type, Casts.Mode mode, ZoneId zone, String sql)
    implements Expr {
  /** An explicit cast, checked at analysis time as Spark does. */
  public static Expr of(Expr child, DataType to, Casts.Mode mode, ZoneId zone, String sql) {
    if (!Casts.canCast(child.type(), to, mode)) {
      if (mode == Casts.Mode.ANSI
          && suggestion(child.type(), to) == null
          && Casts.canCast(child.type(), to, Casts.Mode.LEGACY)) {
        throw Errors.analysis(
            "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION",
            "sqlExpr",
            Errors.sqlExpr(sql),
            "srcType",
            Errors.sqlType(child.type()),
            "targetType",
            Errors.sqlType(to),
            "config",
            "\"spark.sql.ansi.enabled\"",
            "configVal",
            "'false'");
      }
      String functions = suggestion(child.type(), to);
      if (functions != null) {
        throw Errors.analysis(
            "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION",
            "sqlExpr",
            Errors.sqlExpr(sql),
            "srcType",
            Errors.sqlType(child.type()),
            "targetType",
            Errors.sqlType(to),
            "functionNames",
            functions);
      }
      throw Errors.castMismatch(sql, child.type(), to);
    }
    return new CastExpr(child, to, mode, zone, sql);
  }

  /**
   * The output name Spark gives a top-level explicit cast: the column's name when it casts a
   * column.
   */
  public String outputName() {
    return named(child) && !sql.equals(child.sql()) ? root(child).sql() : sql;
  }

  private static Expr root(Expr e) {
    Expr x = e;
    while (x instanceof CastExpr c) {
      x = c.child();
    }
    return x;
  }

  private static String suggestion(DataType from, DataType to) {
    if (from instanceof org.apache.spark.sql.types.DateType && Types.isNumeric(to)) {
      return "`UNIX_DATE`";
    }
    if (Types.isNumeric(from) && to instanceof org.apache.spark.sql.types.DateType) {
      return "`DATE_FROM_UNIX_DATE`";
    }
    if (from instanceof org.apache.spark.sql.types.BooleanType
        && to instanceof org.apache.spark.sql.types.TimestampType) {
      return null;
    }
    return null;
  }

  /** Spark names a cast of a column (through nested casts) after the column. */
  private static boolean named(Expr e) {
    Expr x = e;
    while (x instanceof CastExpr c) {
      x = c.child();
    }
    return x instanceof ColumnRef || x instanceof ExtractField;
  }

  /** An implicit cast inserted by coercion; keeps the child's name. */
  public static Expr implicit(Expr child, DataType to, boolean ansi, ZoneId zone) {
    if (child.type().equals(to)) {
      return child;
    }
    return new CastExpr(child, to, ansi ? Casts.Mode.ANSI : Casts.Mode.LEGACY, zone, child.sql());
  }

  @Override
  public boolean nullable() {
    if (mode == Casts.Mode.TRY) {
      return true;
    }
    return child.nullable() || forceNullable(child.type(), type);
  }

  /**
   * Whether a cast of a non-null value between these types may give null (Spark's forceNullable).
   */
  public static boolean castCanBeNull(DataType from, DataType to) {
    return !from.equals(to) && forceNullable(from, to);
  }

  /** Spark's Cast.forceNullable: casts that can produce null (or fail) for non-null input. */
  static boolean forceNullable(DataType from, DataType to) {
    if (from instanceof org.apache.spark.sql.types.NullType) {
      return false;
    }
    if (Types.isString(from)) {
      return !(to instanceof org.apache.spark.sql.types.BinaryType);
    }
    if (Types.isString(to)) {
      return false;
    }
    if (Types.isFractional(from) && to instanceof org.apache.spark.sql.types.TimestampType) {
      return true;
    }
    if (from instanceof org.apache.spark.sql.types.TimestampType
        && to instanceof org.apache.spark.sql.types.DateType) {
      return false;
    }
    if (to instanceof org.apache.spark.sql.types.DateType) {
      return !(from instanceof org.apache.spark.sql.types.DateType);
    }
    if (to instanceof org.apache.spark.sql.types.DecimalType d) {
      if (from instanceof org.apache.spark.sql.types.DecimalType f) {
        return !(d.precision() - d.scale() >= f.precision() - f.scale() && d.scale() >= f.scale());
      }
      if (Types.isIntegral(from)) {
        DecimalType f = Types.decimalFor(from);
        return !(d.precision() - d.scale() >= f.precision() - f.scale());
      }
      return Types.isNumeric(from);
    }
    if (Types.isNumeric(from) && Types.isNumeric(to)) {
      if (from instanceof org.apache.spark.sql.types.DecimalType) {
        return Types.isIntegral(to);
      }
      if (Types.isFractional(from) && Types.isIntegral(to)) {
        return true;
      }
      return Types.rank(to) < Types.rank(from);
    }
    return false;
  }

  @Override
  public Object eval(Object[] row) {
    return Casts.cast(child.eval(row), child.type(), type, mode, zone);
  }

  @Override
  public boolean foldable() {
    return child.foldable();
  }

  @Override
  public List<Expr> children() {
    return List.of(child);
  }
}
