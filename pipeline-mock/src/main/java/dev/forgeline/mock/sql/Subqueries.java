package dev.forgeline.mock.sql;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Scala;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.SparkException;
import org.apache.spark.SparkRuntimeException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.QueryContext;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Scalar, EXISTS and IN subqueries of one SELECT block. A subquery is first planned with a
 * discovering {@link OuterScope}; when it references nothing of the block's input it is evaluated
 * once and becomes a value (scalar), a boolean (EXISTS) or a list (IN). A correlated one is
 * evaluated once per distinct tuple of the outer values it references, and becomes a lookup of that
 * tuple's result from each input row: the same results as Spark's decorrelated joins, with Spark's
 * NULL semantics for IN (a NULL among the values makes a non-matching IN NULL) and the subquery's
 * own aggregation over an empty set (NULL for max, 0 for count).
 */
final class Subqueries {
  private final QueryPlanner planner;
  private final Dataset<Row> input;
  private final Function<QueryContext, String> source;
  private boolean groupedOutput;

  /**
   * @param input the SELECT block's input (its FROM), or null where outer references are impossible
   */
  Subqueries(QueryPlanner planner, Dataset<Row> input, Function<QueryContext, String> source) {
    this.planner = planner;
    this.input = input;
    this.source = source;
  }

  /**
   * Whether the expressions translated next are the select list of an aggregating block, where
   * Spark refuses a correlated scalar subquery that is neither a grouping expression nor inside an
   * aggregate.
   */
  void groupedOutput(boolean grouped) {
    this.groupedOutput = grouped;
  }

  /** A planned subquery and the outer references it makes (empty when uncorrelated). */
  private record Planned(Dataset<Row> frame, List<OuterScope.Ref> refs) {}

  private Planned plan(QueryContext q) {
    if (input == null) {
      return new Planned(planner.query(q), List.of());
    }
    OuterScope scope = OuterScope.discovering(input, planner.scope());
    Dataset<Row> d = planner.withScope(scope).query(q);
    return new Planned(d, scope.refs());
  }

  ColumnNode scalar(QueryContext q) {
    Planned p = plan(q);
    if (p.frame().columns().length != 1) {
      throw Errors.analysis(
          "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN",
          "number",
          String.valueOf(p.frame().columns().length));
    }
    DataType type = p.frame().schema().fields()[0].dataType();
    if (groupedOutput && !p.refs().isEmpty()) {
      throw Errors.analysis(
          "SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION",
          "sqlExpr",
          Errors.sqlExpr("scalarsubquery(" + source.apply(q) + ")"));
    }
    if (p.refs().isEmpty()) {
      Object v = single(p.frame(), false);
      return functions.when(functions.lit(true), functions.lit(v).cast(type)).node();
    }
    return lookup(q, p.refs(), d -> single(d, true), type, true);
  }

  ColumnNode exists(QueryContext q) {
    Planned p = plan(q);
    if (p.refs().isEmpty()) {
      return functions.lit(!p.frame().isEmpty()).node();
    }
    return lookup(q, p.refs(), d -> !d.isEmpty(), DataTypes.BooleanType, false);
  }

  /**
   * {@code value [NOT] IN (subquery)} as Spark evaluates it after rewriting it into an existence
   * join: IN is true when some value of the subquery equals {@code value}, false otherwise (NULLs
   * included); NOT IN is true only when no value of the subquery equals {@code value} or could (a
   * NULL on either side makes it false), so a filter on either keeps the rows Spark keeps.
   */
  ColumnNode in(Column value, QueryContext q, boolean negated) {
    Planned p = plan(q);
    int width = p.frame().columns().length;
    if (width != 1) {
      throw Errors.analysis(
          "DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH",
          "sqlExpr",
          "",
          "leftLength",
          "1",
          "rightLength",
          String.valueOf(width),
          "leftColumns",
          "",
          "rightColumns",
          "");
    }
    DataType type = p.frame().schema().fields()[0].dataType();
    Column found;
    if (p.refs().isEmpty()) {
      List<Column> items = new ArrayList<>();
      for (Object v : values(p.frame())) {
        items.add(functions.lit(v).cast(type));
      }
      found = functions.array(items.toArray(new Column[0])).cast(DataTypes.createArrayType(type));
    } else {
      found =
          new Column(
              lookup(
                  q, p.refs(), Subqueries::values, DataTypes.createArrayType(type, true), false));
    }
    Column threeValued =
        functions
            .when(functions.size(found).equalTo(0), functions.lit(false))
            .otherwise(functions.array_contains(found, value));
    Column result =
        negated
            ? functions.not(functions.coalesce(threeValued, functions.lit(true)))
            : functions.coalesce(threeValued, functions.lit(false));
    return nullable(value, p.frame())
        ? functions.when(functions.lit(true), result).node()
        : result.node();
  }

  /** Whether Spark types the IN predicate nullable: either side nullable. */
  private boolean nullable(Column value, Dataset<Row> sub) {
    if (sub.schema().fields()[0].nullable() || input == null) {
      return true;
    }
    try {
      return input.select(value).schema().fields()[0].nullable();
    } catch (Exception e) {
      return true;
    }
  }

  /**
   * Evaluates the subquery once per distinct tuple of outer values and looks each input row's tuple
   * up.
   */
  private ColumnNode lookup(
      QueryContext q,
      List<OuterScope.Ref> refs,
      Function<Dataset<Row>, Object> eval,
      DataType type,
      boolean nullable) {
    Column[] keys = new Column[refs.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = refs.get(i).column().as("_k" + i);
    }
    Map<List<Object>, Object> results = new HashMap<>();
    for (Row r : input.select(keys).distinct().collectAsList()) {
      List<Object> tuple = tuple(r);
      OuterScope bound = OuterScope.binding(input, planner.scope(), refs, tuple);
      results.put(tuple, eval.apply(planner.withScope(bound).query(q)));
    }
    String name = "subquery(" + source.apply(q) + ")";
    UDF1<Row, Object> find =
        row -> {
          List<Object> tuple = tuple(row);
          if (!results.containsKey(tuple)) {
            throw new IllegalStateException("no subquery result for the outer values " + tuple);
          }
          return results.get(tuple);
        };
    UserDefinedFunction f = functions.udf(find, type).withName(name);
    if (!nullable) {
      f = f.asNonNullable();
    }
    return f.apply(functions.struct(keys)).node();
  }

  private static List<Object> tuple(Row r) {
    List<Object> out = new ArrayList<>(r.length());
    for (int i = 0; i < r.length(); i++) {
      out.add(r.get(i));
    }
    return out;
  }

  /**
   * The one value of a scalar subquery, NULL for no row, Spark's error for more than one: a
   * SparkException from an uncorrelated subquery (run on its own), a SparkRuntimeException from a
   * correlated one (checked inside the join Spark rewrites it into).
   */
  private static Object single(Dataset<Row> d, boolean correlated) {
    List<Row> rows = d.limit(2).collectAsList();
    if (rows.size() > 1 && !correlated) {
      throw Errors.<RuntimeException>sneaky(
          new SparkException("SCALAR_SUBQUERY_TOO_MANY_ROWS", Scala.map(Map.of()), null));
    }
    if (rows.size() > 1) {
      throw new SparkRuntimeException(
          "SCALAR_SUBQUERY_TOO_MANY_ROWS",
          Scala.map(Map.of()),
          null,
          new org.apache.spark.QueryContext[0],
          "");
    }
    return rows.isEmpty() ? null : rows.get(0).get(0);
  }

  /** The distinct values of a one-column subquery, NULL included. */
  private static List<Object> values(Dataset<Row> d) {
    LinkedHashSet<Object> out = new LinkedHashSet<>();
    for (Row r : d.distinct().collectAsList()) {
      out.add(r.get(0));
    }
    return new ArrayList<>(out);
  }
}
