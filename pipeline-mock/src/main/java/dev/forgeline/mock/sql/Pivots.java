package dev.forgeline.mock.sql;

import dev.forgeline.mock.engine.SqlLiterals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.ColumnReferenceContext;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.DereferenceContext;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.NamedExpressionContext;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.PivotClauseContext;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.PivotValueContext;

/**
 * {@code FROM t PIVOT (aggregates FOR column IN (values))}: as Spark's analyzer does, the rows are
 * grouped by every column of {@code t} that neither the aggregates nor the pivot column reference,
 * and pivoted through the Dataset API's {@code groupBy(...).pivot(column, values).agg(...)}, so the
 * output columns are named as Spark names them (the value, or {@code value_aggregate} with more
 * than one aggregate, a value's alias standing for the value).
 */
final class Pivots {
  private Pivots() {}

  static Dataset<Row> apply(QueryPlanner planner, Dataset<Row> src, PivotClauseContext p) {
    if (p.pivotColumn().identifiers.size() != 1) {
      throw planner.unsupported(p.pivotColumn());
    }
    String pivot = SqlLiterals.identifier(p.pivotColumn().identifiers.get(0).getText());
    StatementTranslator tr = new StatementTranslator(planner, src, Map.of());
    List<Column> aggs = new ArrayList<>();
    Set<String> used = new HashSet<>();
    used.add(pivot.toLowerCase(Locale.ROOT));
    for (NamedExpressionContext n : p.aggregates.namedExpression()) {
      aggs.add(new Column(tr.named(n)));
      references(n, used);
    }
    StatementTranslator constants = new StatementTranslator(planner, null, Map.of());
    List<Object> values = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    for (PivotValueContext v : p.pivotValues) {
      values.add(
          planner.oneRow().select(new Column(constants.expr(v.expression()))).first().get(0));
      aliases.add(
          v.errorCapturingIdentifier() == null
              ? null
              : SqlLiterals.identifier(v.errorCapturingIdentifier().getText()));
    }
    List<Column> keys = new ArrayList<>();
    for (String c : src.columns()) {
      if (!used.contains(c.toLowerCase(Locale.ROOT))) {
        keys.add(src.col("`" + c.replace("`", "``") + "`"));
      }
    }
    Column[] keyArray = keys.toArray(new Column[0]);
    Column first = aggs.get(0);
    Column[] rest = aggs.subList(1, aggs.size()).toArray(new Column[0]);
    Dataset<Row> out =
        src.groupBy(keyArray)
            .pivot(src.col("`" + pivot.replace("`", "``") + "`"), values)
            .agg(first, rest);
    if (aliases.stream().allMatch(a -> a == null)) {
      return out;
    }
    String[] names = out.columns().clone();
    String[] aggNames = src.groupBy(keyArray).agg(first, rest).columns();
    int k = keys.size();
    for (int vi = 0; vi < values.size(); vi++) {
      if (aliases.get(vi) == null) {
        continue;
      }
      for (int ai = 0; ai < aggs.size(); ai++) {
        names[k + vi * aggs.size() + ai] =
            aggs.size() == 1 ? aliases.get(vi) : aliases.get(vi) + "_" + aggNames[k + ai];
      }
    }
    return out.toDF(names);
  }

  /** Collects the names an expression references (each part of a qualified name). */
  private static void references(ParseTree t, Set<String> out) {
    if (t instanceof ColumnReferenceContext c) {
      out.add(SqlLiterals.identifier(c.identifier()).toLowerCase(Locale.ROOT));
    }
    if (t instanceof DereferenceContext d) {
      out.add(SqlLiterals.identifier(d.fieldName).toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < t.getChildCount(); i++) {
      references(t.getChild(i), out);
    }
  }
}
