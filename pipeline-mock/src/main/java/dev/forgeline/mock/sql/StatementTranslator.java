package dev.forgeline.mock.sql;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.NotSupported;
import dev.forgeline.mock.engine.SqlTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.QueryContext;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.WindowSpecContext;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.types.DataType;

/**
 * Expressions inside a statement: the engine's translator plus what needs the query around them.
 * Uncorrelated subqueries are evaluated once when the statement is planned (a scalar subquery
 * becomes its value, IN its values, EXISTS a boolean); a correlated one raises the mock's
 * unsupported error. Aliases of the select list can be used in GROUP BY, HAVING and ORDER BY.
 */
final class StatementTranslator extends SqlTranslator {
  private final QueryPlanner planner;
  private final Dataset<Row> outer;
  private final Map<String, WindowSpecContext> windows;
  private Map<String, ColumnNode> aliases = Map.of();
  private Set<String> shadowing = Set.of();

  StatementTranslator(
      QueryPlanner planner, Dataset<Row> outer, Map<String, WindowSpecContext> windows) {
    super(planner.text());
    this.planner = planner;
    this.outer = outer;
    this.windows = windows;
  }

  /**
   * Lets names of the select list stand for their expressions, unless a column of the input has the
   * same name.
   */
  void useAliases(Map<String, ColumnNode> byName, Set<String> inputColumns) {
    this.aliases = byName;
    this.shadowing = inputColumns;
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

  private Dataset<Row> subquery(QueryContext q) {
    try {
      return planner.query(q);
    } catch (Exception e) {
      if (correlated(e)) {
        throw NotSupported.method("the correlated subquery [" + source(q) + "]");
      }
      throw Errors.<RuntimeException>sneaky(e);
    }
  }

  /** Whether planning failed on a name that the outer query's input has. */
  private boolean correlated(Throwable e) {
    if (outer == null
        || !(e instanceof SparkThrowable st)
        || st.getCondition() == null
        || !st.getCondition().startsWith("UNRESOLVED_COLUMN")) {
      return false;
    }
    String name = st.getMessageParameters().get("objectName");
    if (name == null) {
      return false;
    }
    String last = name.substring(name.lastIndexOf('.') + 1).replace("`", "");
    for (String c : outer.columns()) {
      if (c.equalsIgnoreCase(last)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected ColumnNode scalarSubquery(QueryContext query) {
    Dataset<Row> d = subquery(query);
    if (d.columns().length != 1) {
      throw Errors.analysis(
          "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN",
          "number",
          String.valueOf(d.columns().length));
    }
    List<Row> rows = d.limit(2).collectAsList();
    if (rows.size() > 1) {
      throw Errors.<RuntimeException>sneaky(
          new org.apache.spark.SparkException(
              "SCALAR_SUBQUERY_TOO_MANY_ROWS",
              dev.forgeline.mock.engine.Scala.map(Map.of()),
              null));
    }
    DataType type = d.schema().fields()[0].dataType();
    Object v = rows.isEmpty() ? null : rows.get(0).get(0);
    return nullableValue(v, type);
  }

  private static ColumnNode typed(Object v, DataType type) {
    return functions.lit(v).cast(type).node();
  }

  /** A scalar subquery's value: nullable, as Spark types every scalar subquery. */
  private static ColumnNode nullableValue(Object v, DataType type) {
    return functions.when(functions.lit(true), new Column(typed(v, type))).node();
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
    return functions.lit(!subquery(query).isEmpty()).node();
  }

  @Override
  protected ColumnNode inSubquery(Column value, QueryContext query) {
    Dataset<Row> d = subquery(query);
    if (d.columns().length != 1) {
      throw Errors.analysis(
          "DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH",
          "sqlExpr",
          "",
          "leftLength",
          "1",
          "rightLength",
          String.valueOf(d.columns().length),
          "leftColumns",
          "",
          "rightColumns",
          "");
    }
    DataType type = d.schema().fields()[0].dataType();
    List<Column> values = new ArrayList<>();
    for (Row r : d.distinct().collectAsList()) {
      values.add(new Column(typed(r.get(0), type)));
    }
    if (values.isEmpty()) {
      return functions.lit(false).node();
    }
    return value.isin(values.toArray()).node();
  }
}
