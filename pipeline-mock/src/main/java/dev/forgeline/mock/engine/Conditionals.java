package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.internal.CaseWhenOtherwise;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NullType;
import scala.Tuple2;

/** CASE WHEN ... THEN ... ELSE ... END and the common-type rule shared with coalesce and if. */
public final class Conditionals {
  private Conditionals() {}

  /** Binds {@code when(...).when(...).otherwise(...)}. */
  public static Expr caseWhen(Binder binder, CaseWhenOtherwise node) {
    List<Expr> conditions = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    for (Tuple2<ColumnNode, ColumnNode> b : Scala.list(node.branches())) {
      conditions.add(binder.bind(b._1()));
      values.add(binder.bind(b._2()));
    }
    ColumnNode otherwiseNode = Scala.orNull(node.otherwise());
    Expr otherwise = otherwiseNode == null ? null : binder.bind(otherwiseNode);
    StringBuilder sb = new StringBuilder("CASE");
    for (int i = 0; i < conditions.size(); i++) {
      sb.append(" WHEN ")
          .append(conditions.get(i).sql())
          .append(" THEN ")
          .append(values.get(i).sql());
    }
    if (otherwise != null) {
      sb.append(" ELSE ").append(otherwise.sql());
    }
    String sql = sb.append(" END").toString();
    for (Expr c : conditions) {
      if (!(c.type() instanceof BooleanType) && !(c.type() instanceof NullType)) {
        throw Errors.analysis(
            "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
            "sqlExpr",
            Errors.sqlExpr(sql),
            "paramIndex",
            Errors.ordinal(conditions.indexOf(c) * 2 + 1),
            "requiredType",
            "\"BOOLEAN\"",
            "inputSql",
            Errors.sqlExpr(c.sql()),
            "inputType",
            Errors.sqlType(c.type()));
      }
    }
    List<Expr> all = new ArrayList<>(values);
    if (otherwise != null) {
      all.add(otherwise);
    }
    List<Expr> cast = commonType(all, sql, "casewhen", binder.conf());
    int n = conditions.size();
    List<Expr> args = new ArrayList<>(conditions);
    args.addAll(cast);
    boolean hasElse = otherwise != null;
    boolean nullable = !hasElse || cast.stream().anyMatch(Expr::nullable);
    return Call.lazy(
        sql,
        cast.get(0).type(),
        nullable,
        args,
        (row, a) -> {
          for (int i = 0; i < n; i++) {
            if (Boolean.TRUE.equals(a.get(i).eval(row))) {
              return a.get(n + i).eval(row);
            }
          }
          return hasElse ? a.get(2 * n).eval(row) : null;
        });
  }

  /** Casts every expression to the common type, or DATA_DIFF_TYPES. */
  public static List<Expr> commonType(
      List<Expr> exprs, String sql, String function, SessionConf conf) {
    List<DataType> types = new ArrayList<>();
    for (Expr e : exprs) {
      types.add(e.type());
    }
    DataType t = Types.widerOf(types, true);
    if (t == null) {
      throw Errors.dataDiffTypes(sql, function, types);
    }
    List<Expr> out = new ArrayList<>();
    for (Expr e : exprs) {
      out.add(CastExpr.implicit(e, t, conf.ansi(), conf.zone()));
    }
    return out;
  }
}
