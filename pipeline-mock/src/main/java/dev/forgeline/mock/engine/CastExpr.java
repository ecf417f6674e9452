package dev.forgeline.mock.engine;

import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.types.DataType;

/** A CAST, explicit (named {@code CAST(x AS T)}) or implicit (named as its child). */
public record CastExpr(Expr child, DataType type, Casts.Mode mode, ZoneId zone, String sql)
    implements Expr {
  /** An explicit cast, checked at analysis time as Spark does. */
  public static Expr of(Expr child, DataType to, Casts.Mode mode, ZoneId zone, String sql) {
    if (!Casts.canCast(child.type(), to, mode)) {
      if (mode == Casts.Mode.ANSI && Casts.canCast(child.type(), to, Casts.Mode.LEGACY)) {
        throw Errors.analysis(
            "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION",
            "sqlExpr", Errors.sqlExpr(sql),
            "srcType", Errors.sqlType(child.type()),
            "targetType", Errors.sqlType(to),
            "config", "\"spark.sql.ansi.enabled\"",
            "configVal", "'false'");
      }
      throw Errors.castMismatch(sql, child.type(), to);
    }
    return new CastExpr(child, to, mode, zone, sql);
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
    if (mode == Casts.Mode.ANSI) {
      return child.nullable();
    }
    return child.nullable()
        || Types.isString(child.type()) && !Types.isString(type)
        || type instanceof org.apache.spark.sql.types.DecimalType;
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
