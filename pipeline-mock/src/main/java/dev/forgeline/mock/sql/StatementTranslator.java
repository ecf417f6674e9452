package dev.forgeline.mock.sql;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Scala;
import dev.forgeline.mock.engine.SqlTranslator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.ColumnReferenceContext;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.DereferenceContext;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.PrimaryExpressionContext;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.QueryContext;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.WindowSpecContext;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.UnresolvedAttribute;

/**
 * Expressions inside a statement: the engine's translator plus what needs the query around them:
 * subqueries ({@link Subqueries}), references from a subquery to an enclosing query's columns
 * ({@link OuterScope}), named windows and parameters. Aliases of the select list can be used in
 * GROUP BY, HAVING and ORDER BY.
 */
final class StatementTranslator extends SqlTranslator {
  private final QueryPlanner planner;
  private final Dataset<Row> input;
  private final Map<String, WindowSpecContext> windows;
  private final Subqueries subqueries;
  private Map<String, ColumnNode> aliases = Map.of();
  private Set<String> shadowing = Set.of();

  StatementTranslator(
      QueryPlanner planner, Dataset<Row> input, Map<String, WindowSpecContext> windows) {
    super(planner.text());
    this.planner = planner;
    this.input = input;
    this.windows = windows;
    this.subqueries = new Subqueries(planner, input, this::source);
  }

  /**
   * Lets names of the select list stand for their expressions, unless a column of the input has the
   * same name.
   */
  void useAliases(Map<String, ColumnNode> byName, Set<String> inputColumns) {
    this.aliases = byName;
    this.shadowing = inputColumns;
  }

  /** Whether the expressions translated next are the select list of an aggregating block. */
  void groupedOutput(boolean grouped) {
    subqueries.groupedOutput(grouped);
  }

  void clearAliases() {
    this.aliases = Map.of();
  }

  @Override
  protected ColumnNode columnReference(List<String> parts) {
    if (parts.size() == 1) {
      String key = parts.get(0).toLowerCase(Locale.ROOT);
      ColumnNode a = aliases.get(key);
      if (a != null && !shadowing.contains(key)) {
        return a;
      }
    }
    return super.columnReference(parts);
  }

  @Override
  protected ColumnNode parameter(String name, ParserRuleContext ctx) {
    return planner.params().value(name, ctx);
  }

  @Override
  protected WindowSpec namedWindow(String name, ParserRuleContext ctx) {
    WindowSpecContext def = windows.get(name.toLowerCase(Locale.ROOT));
    if (def == null) {
      throw Errors.analysis("MISSING_WINDOW_SPECIFICATION", "windowName", name, "docroot", "");
    }
    return window(def);
  }

  @Override
  protected ColumnNode scalarSubquery(QueryContext query) {
    return subqueries.scalar(query);
  }

  @Override
  protected java.time.ZoneId zone() {
    String id =
        planner
            .env()
            .spark()
            .conf()
            .get("spark.sql.session.timeZone", java.time.ZoneId.systemDefault().getId());
    return java.time.ZoneId.of(id, java.time.ZoneId.SHORT_IDS);
  }

  @Override
  protected ColumnNode exists(QueryContext query) {
    return subqueries.exists(query);
  }

  @Override
  protected ColumnNode inSubquery(Column value, QueryContext query, boolean negated) {
    return subqueries.in(value, query, negated);
  }

  /**
   * A column reference, or inside a subquery the value of an enclosing query's column when the
   * subquery's own input has no such name.
   */
  @Override
  public ColumnNode primary(PrimaryExpressionContext ctx) {
    ColumnNode n = super.primary(ctx);
    if (planner.scope() != null
        && input != null
        && (ctx instanceof ColumnReferenceContext || ctx instanceof DereferenceContext)
        && n instanceof UnresolvedAttribute a
        && !a.isMetadataColumn()
        && a.planId().isEmpty()) {
      List<String> parts = Scala.list(a.nameParts());
      if (!OuterScope.resolves(input, parts)) {
        ColumnNode bound = planner.scope().resolve(parts);
        if (bound != null) {
          return bound;
        }
      }
    }
    return n;
  }
}
