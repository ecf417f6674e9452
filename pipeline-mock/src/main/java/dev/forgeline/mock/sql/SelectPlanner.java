package dev.forgeline.mock.sql;

import dev.forgeline.mock.engine.SqlLiterals;
import dev.forgeline.mock.fn.FunctionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.*;
import org.apache.spark.sql.internal.Alias;
import org.apache.spark.sql.internal.ColumnNode;

/**
 * One SELECT block: FROM, WHERE, the select list, DISTINCT, WINDOW and ORDER BY; a block that
 * aggregates (GROUP BY, HAVING or an aggregate in the select list) goes on in {@link
 * GroupedSelect}.
 */
final class SelectPlanner {
  private final QueryPlanner planner;
  private final RegularQuerySpecificationContext spec;
  private final QueryOrganizationContext org;

  SelectPlanner(
      QueryPlanner planner, RegularQuerySpecificationContext spec, QueryOrganizationContext org) {
    this.planner = planner;
    this.spec = spec;
    this.org = org;
  }

  Dataset<Row> plan() {
    if (!spec.lateralView().isEmpty() || !spec.selectClause().hints.isEmpty()) {
      throw planner.unsupported(spec);
    }
    Dataset<Row> src =
        spec.fromClause() == null ? planner.oneRow() : planner.from(spec.fromClause());
    StatementTranslator tr = new StatementTranslator(planner, src, windows());
    if (spec.whereClause() != null) {
      src = src.filter(new Column(tr.bool(spec.whereClause().booleanExpression())));
    }
    List<NamedExpressionContext> itemCtx =
        spec.selectClause().namedExpressionSeq().namedExpression();
    boolean aggregated =
        spec.aggregationClause() != null
            || spec.havingClause() != null
            || itemCtx.stream().anyMatch(SelectPlanner::hasAggregate);
    List<ColumnNode> items = new ArrayList<>();
    Map<String, ColumnNode> aliases = new HashMap<>();
    tr.groupedOutput(aggregated);
    for (NamedExpressionContext n : itemCtx) {
      ColumnNode node = tr.named(n);
      items.add(node);
      if (node instanceof Alias a) {
        aliases.put(a.name().head().toLowerCase(Locale.ROOT), a.child());
      }
    }
    tr.groupedOutput(false);
    boolean distinct =
        spec.selectClause().setQuantifier() != null
            && spec.selectClause().setQuantifier().DISTINCT() != null;
    Set<String> inputColumns = new HashSet<>();
    for (String c : src.columns()) {
      inputColumns.add(c.toLowerCase(Locale.ROOT));
    }
    if (!aggregated) {
      Dataset<Row> d = src.select(columns(items).toArray(new Column[0]));
      if (distinct) {
        d = d.distinct();
      }
      if (org != null && !org.order.isEmpty()) {
        tr.useAliases(aliases, inputColumns);
        List<Column> sorts = new ArrayList<>();
        for (SortItemContext s : org.order) {
          sorts.add(ordinalOr(d, s, tr));
        }
        d = d.sort(sorts.toArray(new Column[0]));
      }
      return d;
    }
    return new GroupedSelect(planner, spec, org)
        .plan(src, tr, items, aliases, inputColumns, distinct);
  }

  /** A sort column with the sort item's direction and null ordering. */
  static Column direct(Column c, SortItemContext s) {
    boolean desc = s.DESC() != null;
    boolean nullsFirst = s.nullOrder == null ? !desc : s.FIRST() != null;
    if (desc) {
      return nullsFirst ? c.desc_nulls_first() : c.desc_nulls_last();
    }
    return nullsFirst ? c.asc_nulls_first() : c.asc_nulls_last();
  }

  /** ORDER BY over a projected frame: ordinals pick output columns, else the expression. */
  static Column ordinalOr(Dataset<Row> d, SortItemContext s, StatementTranslator tr) {
    Integer ordinal = ordinal(s.expression());
    if (ordinal != null) {
      int i = checkOrdinal(ordinal, d.columns().length, s.expression());
      return direct(d.col("`" + d.columns()[i].replace("`", "``") + "`"), s);
    }
    return tr.sortOrder(s);
  }

  static int checkOrdinal(int ordinal, int size, ExpressionContext e) {
    if (ordinal < 1 || ordinal > size) {
      throw dev.forgeline.mock.engine.Errors.analysis(
          "ORDER_BY_POS_OUT_OF_RANGE",
          "index",
          String.valueOf(ordinal),
          "size",
          String.valueOf(size));
    }
    return ordinal - 1;
  }

  /** The integer of an ordinal position (ORDER BY 1, GROUP BY 2), or null. */
  static Integer ordinal(ExpressionContext e) {
    if (e.booleanExpression() instanceof PredicatedContext p
        && p.predicate() == null
        && p.valueExpression() instanceof ValueExpressionDefaultContext v
        && v.primaryExpression() instanceof ConstantDefaultContext c
        && c.constant() instanceof NumericLiteralContext n
        && n.number() instanceof IntegerLiteralContext) {
      return Integer.parseInt(n.getText());
    }
    return null;
  }

  private Map<String, WindowSpecContext> windows() {
    Map<String, WindowSpecContext> out = new HashMap<>();
    List<WindowClauseContext> clauses = new ArrayList<>();
    if (spec.windowClause() != null) {
      clauses.add(spec.windowClause());
    }
    if (org != null && org.windowClause() != null) {
      clauses.add(org.windowClause());
    }
    for (WindowClauseContext w : clauses) {
      for (NamedWindowContext n : w.namedWindow()) {
        out.put(SqlLiterals.identifier(n.name.getText()).toLowerCase(Locale.ROOT), n.windowSpec());
      }
    }
    return out;
  }

  static List<Column> columns(List<ColumnNode> nodes) {
    List<Column> out = new ArrayList<>();
    for (ColumnNode n : nodes) {
      out.add(new Column(n));
    }
    return out;
  }

  /** Whether an expression calls an aggregate function outside a window. */
  static boolean hasAggregate(ParseTree t) {
    if (t instanceof FunctionCallContext f && f.windowSpec() == null) {
      String name = f.functionName().getText().toLowerCase(Locale.ROOT);
      if (FunctionRegistry.aggregate(name) != null) {
        return true;
      }
    }
    if (t instanceof FunctionCallContext f && f.windowSpec() != null) {
      for (FunctionArgumentContext a : f.argument) {
        if (hasAggregate(a)) {
          return true;
        }
      }
      return false;
    }
    if (t instanceof SubqueryExpressionContext
        || t instanceof ExistsContext
        || t instanceof QueryContext) {
      return false;
    }
    for (int i = 0; i < t.getChildCount(); i++) {
      if (hasAggregate(t.getChild(i))) {
        return true;
      }
    }
    return false;
  }
}
