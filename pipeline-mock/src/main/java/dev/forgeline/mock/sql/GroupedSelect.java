package dev.forgeline.mock.sql;

import dev.forgeline.mock.engine.SqlLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.*;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.Alias;
import org.apache.spark.sql.internal.ColumnNode;

/**
 * A SELECT block that aggregates: GROUP BY (plain, ROLLUP, CUBE or GROUPING SETS) as one grouped
 * aggregation whose hidden extra columns carry the HAVING condition and the ORDER BY expressions,
 * then DISTINCT and the ordering over the output.
 */
final class GroupedSelect {
  private final QueryPlanner planner;
  private final RegularQuerySpecificationContext spec;
  private final QueryOrganizationContext org;

  GroupedSelect(
      QueryPlanner planner, RegularQuerySpecificationContext spec, QueryOrganizationContext org) {
    this.planner = planner;
    this.spec = spec;
    this.org = org;
  }

  Dataset<Row> plan(
      Dataset<Row> src,
      StatementTranslator tr,
      List<ColumnNode> items,
      Map<String, ColumnNode> aliases,
      Set<String> inputColumns,
      boolean distinct) {
    List<Column> keys = new ArrayList<>();
    String mode = "group";
    List<List<Integer>> sets = List.of();
    AggregationClauseContext agg = spec.aggregationClause();
    if (agg != null) {
      List<ExpressionContext> exprs = new ArrayList<>();
      for (NamedExpressionContext n : agg.groupingExpressions) {
        exprs.add(n.expression());
      }
      if (agg.kind != null) {
        String kind = agg.kind.getText().toUpperCase(Locale.ROOT);
        if (kind.equals("GROUPING")) {
          mode = "sets";
          sets = setPositions(agg.groupingSet(), exprs, false);
        } else if (!kind.equals("ROLLUP") && !kind.equals("CUBE")) {
          throw planner.unsupported(agg);
        } else {
          mode = kind.toLowerCase(Locale.ROOT);
        }
      }
      for (GroupByClauseContext g : agg.groupingExpressionsWithGroupingAnalytics) {
        GroupingAnalyticsContext ga = g.groupingAnalytics();
        if (ga != null
            && ga.GROUPING() != null
            && agg.groupingExpressionsWithGroupingAnalytics.size() == 1) {
          List<GroupingSetContext> defs = new ArrayList<>();
          for (GroupingElementContext e : ga.groupingElement()) {
            if (e.groupingSet() == null) {
              throw planner.unsupported(g);
            }
            defs.add(e.groupingSet());
          }
          mode = "sets";
          sets = setPositions(defs, exprs, true);
          continue;
        }
        if (ga != null) {
          if (ga.groupingSet().isEmpty()
              || ga.GROUPING() != null
              || agg.groupingExpressionsWithGroupingAnalytics.size() != 1) {
            throw planner.unsupported(g);
          }
          mode = ga.ROLLUP() != null ? "rollup" : "cube";
          for (GroupingSetContext set : ga.groupingSet()) {
            if (set.LEFT_PAREN() != null || set.expression().size() != 1) {
              throw planner.unsupported(g);
            }
            exprs.add(set.expression(0));
          }
        } else {
          exprs.add(g.expression());
        }
      }
      tr.useAliases(aliases, inputColumns);
      for (ExpressionContext e : exprs) {
        Integer ordinal = SelectPlanner.ordinal(e);
        if (ordinal != null) {
          ColumnNode item = items.get(SelectPlanner.checkOrdinal(ordinal, items.size(), e));
          keys.add(new Column(item instanceof Alias a ? a.child() : item));
        } else {
          keys.add(new Column(tr.expr(e)));
        }
      }
    }
    tr.useAliases(aliases, inputColumns);
    List<Column> all = new ArrayList<>(SelectPlanner.columns(items));
    int hidden = 0;
    Integer havingAt = null;
    if (spec.havingClause() != null) {
      havingAt = all.size();
      all.add(new Column(tr.bool(spec.havingClause().booleanExpression())).as("__having"));
    }
    Dataset<Row> grouped;
    List<SortItemContext> order = org == null ? List.of() : org.order;
    List<Object> sortPlan = new ArrayList<>();
    for (SortItemContext s : order) {
      Integer ordinal = SelectPlanner.ordinal(s.expression());
      String name = simpleName(s.expression());
      if (ordinal != null) {
        sortPlan.add(SelectPlanner.checkOrdinal(ordinal, items.size(), s.expression()));
      } else if (name != null && outputIndex(items, name) >= 0) {
        sortPlan.add(outputIndex(items, name));
      } else {
        sortPlan.add(all.size());
        all.add(new Column(tr.expr(s.expression())).as("__sort" + hidden++));
      }
    }
    tr.clearAliases();
    Column[] rest = all.subList(1, all.size()).toArray(new Column[0]);
    Column[] keyArray = keys.toArray(new Column[0]);
    org.apache.spark.sql.RelationalGroupedDataset groups;
    if (mode.equals("sets")) {
      List<scala.collection.immutable.Seq<Column>> chosen = new ArrayList<>();
      for (List<Integer> set : sets) {
        List<Column> cols = new ArrayList<>();
        set.forEach(i -> cols.add(keys.get(i)));
        chosen.add(dev.forgeline.mock.engine.Scala.seq(cols));
      }
      groups =
          src.groupingSets(
              dev.forgeline.mock.engine.Scala.seq(chosen),
              dev.forgeline.mock.engine.Scala.seq(keys));
    } else {
      groups =
          mode.equals("rollup")
              ? src.rollup(keyArray)
              : mode.equals("cube") ? src.cube(keyArray) : src.groupBy(keyArray);
    }
    grouped = groups.agg(all.get(0), rest);
    String[] names = grouped.columns();
    int k = keys.size();
    String[] positional = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      positional[i] = "_g" + i;
    }
    Dataset<Row> d = grouped.toDF(positional);
    if (havingAt != null) {
      d = d.filter(functions.col("_g" + (k + havingAt)));
    }
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(functions.col("_g" + (k + i)).as(names[k + i]));
    }
    if (distinct) {
      Dataset<Row> projected = d.select(out.toArray(new Column[0]));
      Dataset<Row> unique = projected.distinct();
      return sortOutput(unique, order, sortPlan, items.size(), true);
    }
    if (!order.isEmpty()) {
      List<Column> sorts = new ArrayList<>();
      for (int i = 0; i < order.size(); i++) {
        int at = (Integer) sortPlan.get(i);
        sorts.add(SelectPlanner.direct(functions.col("_g" + (k + at)), order.get(i)));
      }
      d = d.sort(sorts.toArray(new Column[0]));
    }
    return d.select(out.toArray(new Column[0]));
  }

  /**
   * The grouping sets of {@code GROUPING SETS (...)} as positions in {@code exprs}: each set's
   * expressions, matched by their text; with {@code addKeys} (the form without a separate GROUP BY
   * list) an expression not yet among the keys becomes one.
   */
  private List<List<Integer>> setPositions(
      List<GroupingSetContext> defs, List<ExpressionContext> exprs, boolean addKeys) {
    List<List<Integer>> out = new ArrayList<>();
    for (GroupingSetContext set : defs) {
      List<Integer> positions = new ArrayList<>();
      for (ExpressionContext e : set.expression()) {
        int at = -1;
        for (int i = 0; i < exprs.size(); i++) {
          if (exprs.get(i).getText().equalsIgnoreCase(e.getText())) {
            at = i;
            break;
          }
        }
        if (at < 0) {
          if (!addKeys) {
            throw dev.forgeline.mock.engine.Errors.analysis(
                "GROUPING_SETS_EXPR_NOT_IN_GROUPING_EXPRS",
                "expression",
                dev.forgeline.mock.engine.Errors.sqlExpr(e.getText()));
          }
          exprs.add(e);
          at = exprs.size() - 1;
        }
        positions.add(at);
      }
      out.add(positions);
    }
    return out;
  }

  private Dataset<Row> sortOutput(
      Dataset<Row> d, List<SortItemContext> order, List<Object> plan, int width, boolean dist) {
    if (order.isEmpty()) {
      return d;
    }
    List<Column> sorts = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      int at = (Integer) plan.get(i);
      if (at >= width) {
        throw planner.unsupported(order.get(i));
      }
      sorts.add(
          SelectPlanner.direct(
              d.col("`" + d.columns()[at].replace("`", "``") + "`"), order.get(i)));
    }
    return d.sort(sorts.toArray(new Column[0]));
  }

  private static int outputIndex(List<ColumnNode> items, String name) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Alias a && a.name().head().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String simpleName(ExpressionContext e) {
    if (e.booleanExpression() instanceof PredicatedContext p
        && p.predicate() == null
        && p.valueExpression() instanceof ValueExpressionDefaultContext v
        && v.primaryExpression() instanceof ColumnReferenceContext c) {
      return SqlLiterals.identifier(c.identifier());
    }
    return null;
  }
}
