package dev.forgeline.mock;

import dev.forgeline.mock.engine.Aggregations;
import dev.forgeline.mock.engine.Binder;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.Scala;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.engine.Types;
import dev.forgeline.mock.engine.Values;
import dev.forgeline.mock.fn.FunctionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.trees.CurrentOrigin;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.Alias;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.UnresolvedFunction;
import org.apache.spark.sql.internal.UnresolvedStar;
import scala.Option;
import scala.collection.immutable.Seq;

/** groupBy / rollup / cube / groupingSets, optionally pivoted, waiting for its aggregates. */
final class MockGroupedDataset extends RelationalGroupedDataset {
  private final MockSparkSession session;
  private final Relation relation;
  private final List<ColumnNode> grouping;
  private final List<List<Integer>> groupingSets;
  private final ColumnNode pivotColumn;
  private final List<Object> pivotValues;

  MockGroupedDataset(
      MockSparkSession session,
      Relation relation,
      List<ColumnNode> grouping,
      List<List<Integer>> sets) {
    this(session, relation, grouping, sets, null, null);
  }

  private MockGroupedDataset(
      MockSparkSession session,
      Relation relation,
      List<ColumnNode> grouping,
      List<List<Integer>> sets,
      ColumnNode pivotColumn,
      List<Object> pivotValues) {
    this.session = session;
    this.relation = relation;
    this.grouping = grouping;
    this.groupingSets = sets;
    this.pivotColumn = pivotColumn;
    this.pivotValues = pivotValues;
  }

  @Override
  public Dataset<Row> df() {
    return session.wrapRows(relation);
  }

  @Override
  public Dataset<Row> toDF(Seq<Column> aggExprs) {
    List<ColumnNode> aggs = new ArrayList<>();
    for (Column c : Scala.list(aggExprs)) {
      aggs.add(c.node());
    }
    SessionConf conf = session.sessionConf();
    if (pivotColumn != null) {
      aggs = pivoted(aggs, conf);
    }
    Relation r =
        Aggregations.aggregate(relation, grouping, aggs, groupingSets, conf, session.udfRegistry());
    if (pivotColumn != null) {
      List<Field> fields = new ArrayList<>();
      for (int i = 0; i < r.fields().size(); i++) {
        Field f = r.fields().get(i);
        fields.add(i < grouping.size() ? f : f.withNullable(true));
      }
      Relation source = r;
      r = Relation.derived(fields, List.of(source), source::rows);
    }
    return session.wrapRows(r);
  }

  private List<ColumnNode> pivoted(List<ColumnNode> aggs, SessionConf conf) {
    List<ColumnNode> out = new ArrayList<>();
    Binder b =
        Binder.aggregation(relation.scope(conf.caseSensitive()), conf, session.udfRegistry());
    Expr pivot = b.bind(pivotColumn);
    for (Object value : pivotValues) {
      String valueName =
          value == null
              ? "null"
              : Values.toDisplayString(
                  dev.forgeline.mock.engine.Literals.of(value, null).value(),
                  pivot.type(),
                  conf.zone());
      for (ColumnNode agg : aggs) {
        ColumnNode rewritten = restrict(agg, pivotColumn, value);
        String aggName =
            agg instanceof Alias a ? Scala.list(a.name()).get(0) : b.bindNamed(agg).get(0).name();
        String name = aggs.size() == 1 ? valueName : valueName + "_" + aggName;
        ColumnNode inner = rewritten instanceof Alias a ? a.child() : rewritten;
        Column matches =
            value == null
                ? new Column(pivotColumn).isNull()
                : new Column(pivotColumn).equalTo(functions.lit(value));
        Column present =
            functions.count(functions.when(matches, functions.lit(1))).gt(functions.lit(0));
        ColumnNode guarded = functions.when(present, new Column(inner)).node();
        out.add(new Alias(guarded, Scala.seq(List.of(name)), Option.empty(), CurrentOrigin.get()));
      }
    }
    return out;
  }

  /** The aggregates whose result is one row's value, NULL or not. */
  private static final java.util.Set<String> POSITIONAL =
      java.util.Set.of("first", "last", "first_value", "last_value", "any_value");

  /** Restricts every aggregate in the tree to rows whose pivot column equals the value. */
  private static ColumnNode restrict(ColumnNode node, ColumnNode pivot, Object value) {
    if (node instanceof Alias a) {
      return new Alias(restrict(a.child(), pivot, value), a.name(), a.metadata(), a.origin());
    }
    if (node instanceof UnresolvedFunction f) {
      String name = f.functionName().toLowerCase(Locale.ROOT);
      if (FunctionRegistry.aggregate(name) != null) {
        Column condition =
            value == null
                ? new Column(pivot).isNull()
                : new Column(pivot).equalTo(functions.lit(value));
        List<ColumnNode> given = Scala.list(f.arguments());
        if (POSITIONAL.contains(name) && given.size() == 1 && !f.isDistinct()) {
          // first / last take a row's value even when it is NULL: masking the other pivot values'
          // rows with NULL would let first/last pick those; a struct around the value keeps the
          // matching rows' NULLs apart from the masked rows
          Column wrapped = functions.struct(new Column(given.get(0)).as("v"));
          ColumnNode picked =
              new UnresolvedFunction(
                  f.functionName(),
                  Scala.seq(
                      List.of(
                          functions.when(condition, wrapped).node(), functions.lit(true).node())),
                  false,
                  f.isUserDefinedFunction(),
                  f.isInternal(),
                  f.origin());
          return new Column(picked).getField("v").node();
        }
        List<ColumnNode> args = new ArrayList<>();
        for (ColumnNode arg : given) {
          ColumnNode a = arg instanceof UnresolvedStar ? functions.lit(1).node() : arg;
          args.add(functions.when(condition, new Column(a)).node());
        }
        return new UnresolvedFunction(
            f.functionName(),
            Scala.seq(args),
            f.isDistinct(),
            f.isUserDefinedFunction(),
            f.isInternal(),
            f.origin());
      }
      List<ColumnNode> args = new ArrayList<>();
      for (ColumnNode arg : Scala.list(f.arguments())) {
        args.add(restrict(arg, pivot, value));
      }
      return new UnresolvedFunction(
          f.functionName(),
          Scala.seq(args),
          f.isDistinct(),
          f.isUserDefinedFunction(),
          f.isInternal(),
          f.origin());
    }
    return node;
  }

  @Override
  public Seq<Column> selectNumericColumns(Seq<String> colNames) {
    List<String> names = Scala.list(colNames);
    List<Column> out = new ArrayList<>();
    SessionConf conf = session.sessionConf();
    if (names.isEmpty()) {
      for (Field f : relation.fields()) {
        if (Types.isNumeric(f.type())) {
          out.add(new Column(f.name()));
        }
      }
      return Scala.seq(out);
    }
    for (String n : names) {
      var r = relation.scope(conf.caseSensitive()).resolve(List.of(n), null);
      if (!Types.isNumeric(r.field().type())) {
        throw Errors.analysis("_LEGACY_ERROR_TEMP_1323", "colName", n);
      }
      out.add(new Column(n));
    }
    return Scala.seq(out);
  }

  @Override
  @Unsupported
  public <K, T> KeyValueGroupedDataset<K, T> as(Encoder<K> keyEncoder, Encoder<T> valueEncoder) {
    throw MockSparkSession.unsupported("RelationalGroupedDataset.as(Encoder, Encoder)");
  }

  @Override
  public RelationalGroupedDataset pivot(Column pivotColumn) {
    SessionConf conf = session.sessionConf();
    Binder b = Binder.rows(relation.scope(conf.caseSensitive()), conf, session.udfRegistry());
    Expr e = b.bind(pivotColumn.node());
    if (!Types.orderable(e.type())) {
      throw Errors.analysis("INCOMPARABLE_PIVOT_COLUMN", "columnName", Errors.sqlExpr(e.sql()));
    }
    List<Object> values = new ArrayList<>();
    Set<Object> seen = new LinkedHashSet<>();
    for (Object[] r : relation.rows()) {
      Object v = e.eval(java.util.Arrays.copyOf(r, Math.max(r.length, b.width())));
      if (seen.add(Values.key(v))) {
        values.add(v);
      }
    }
    values.sort(Values::compareNullsFirst);
    List<Object> external = new ArrayList<>();
    for (Object v : values) {
      external.add(dev.forgeline.mock.engine.RowCodec.toExternal(v, e.type(), conf));
    }
    return withPivot(pivotColumn.node(), external);
  }

  @Override
  public RelationalGroupedDataset pivot(Column pivotColumn, Seq<Object> values) {
    return withPivot(pivotColumn.node(), Scala.list(values));
  }

  private RelationalGroupedDataset withPivot(ColumnNode column, List<Object> values) {
    if (groupingSets != null) {
      throw MockSparkSession.unsupported("pivot after rollup, cube or groupingSets");
    }
    if (this.pivotColumn != null) {
      throw MockSparkSession.unsupported("pivot on an already pivoted RelationalGroupedDataset");
    }
    return new MockGroupedDataset(session, relation, grouping, null, column, values);
  }
}
