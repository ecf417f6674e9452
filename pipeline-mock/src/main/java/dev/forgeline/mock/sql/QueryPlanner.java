package dev.forgeline.mock.sql;

import dev.forgeline.mock.engine.NotSupported;
import dev.forgeline.mock.engine.SqlLiterals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.*;
import org.apache.spark.sql.types.StructType;

/**
 * Translates a query (WITH, set operations, FROM relations and joins, VALUES, ORDER BY, LIMIT,
 * OFFSET) into Dataset operations; {@link SelectPlanner} does one SELECT block.
 */
final class QueryPlanner {
  private final SqlEnv env;
  private final String text;
  private final Params params;
  private final Map<String, Dataset<Row>> ctes;
  private final OuterScope scope;

  QueryPlanner(SqlEnv env, String text, Params params) {
    this(env, text, params, Map.of(), null);
  }

  private QueryPlanner(
      SqlEnv env, String text, Params params, Map<String, Dataset<Row>> ctes, OuterScope scope) {
    this.env = env;
    this.text = text;
    this.params = params;
    this.ctes = ctes;
    this.scope = scope;
  }

  /** This planner for a subquery whose outer references {@code outer} resolves. */
  QueryPlanner withScope(OuterScope outer) {
    return new QueryPlanner(env, text, params, ctes, outer);
  }

  /** The enclosing queries' rows when planning a subquery, else null. */
  OuterScope scope() {
    return scope;
  }

  SqlEnv env() {
    return env;
  }

  String text() {
    return text;
  }

  Params params() {
    return params;
  }

  UnsupportedOperationException unsupported(ParserRuleContext ctx) {
    return NotSupported.method(
        "the SQL form ["
            + text.substring(ctx.start.getStartIndex(), ctx.stop.getStopIndex() + 1)
            + "]");
  }

  /** A query with its WITH clause, ordering and limits. */
  Dataset<Row> query(QueryContext q) {
    QueryPlanner planner = this;
    if (q.ctes() != null) {
      if (q.ctes().RECURSIVE() != null) {
        throw unsupported(q.ctes());
      }
      Map<String, Dataset<Row>> defs = new HashMap<>(ctes);
      for (NamedQueryContext nq : q.ctes().namedQuery()) {
        QueryPlanner inner = new QueryPlanner(env, text, params, Map.copyOf(defs), scope);
        Dataset<Row> d = inner.query(nq.query());
        if (nq.columnAliases != null) {
          d = d.toDF(identifiers(nq.columnAliases).toArray(new String[0]));
        }
        defs.put(SqlLiterals.identifier(nq.name.getText()).toLowerCase(Locale.ROOT), d);
      }
      planner = new QueryPlanner(env, text, params, Map.copyOf(defs), scope);
    }
    return planner.organized(q.queryTerm(), q.queryOrganization());
  }

  private Dataset<Row> organized(QueryTermContext term, QueryOrganizationContext org) {
    if (!org.clusterBy.isEmpty() || !org.distributeBy.isEmpty() || !org.sort.isEmpty()) {
      throw unsupported(org);
    }
    Dataset<Row> d;
    if (term instanceof QueryTermDefaultContext t
        && t.queryPrimary() instanceof QueryPrimaryDefaultContext p
        && p.querySpecification() instanceof RegularQuerySpecificationContext spec) {
      d = new SelectPlanner(this, spec, org).plan();
    } else {
      d = term(term);
      if (!org.order.isEmpty()) {
        StatementTranslator tr = new StatementTranslator(this, null, Map.of());
        List<Column> sorts = new ArrayList<>();
        for (SortItemContext s : org.order) {
          sorts.add(SelectPlanner.ordinalOr(d, s, tr));
        }
        d = d.sort(sorts.toArray(new Column[0]));
      }
    }
    if (org.offset != null) {
      d = d.offset(intValue(org.offset));
    }
    if (org.limit != null) {
      d = d.limit(intValue(org.limit));
    }
    return d;
  }

  int intValue(ExpressionContext e) {
    Object v =
        env.spark()
            .range(1)
            .select(new Column(new StatementTranslator(this, null, Map.of()).expr(e)))
            .first()
            .get(0);
    if (v instanceof Number n) {
      return n.intValue();
    }
    throw unsupported(e);
  }

  private Dataset<Row> term(QueryTermContext t) {
    if (t instanceof QueryTermDefaultContext d) {
      return primary(d.queryPrimary());
    }
    SetOperationContext op = (SetOperationContext) t;
    Dataset<Row> l = term(op.left);
    Dataset<Row> r = term(op.right);
    boolean all = op.setQuantifier() != null && op.setQuantifier().ALL() != null;
    String kind = op.operator.getText().toUpperCase(Locale.ROOT);
    switch (kind) {
      case "UNION":
        return all ? l.union(r) : l.union(r).distinct();
      case "INTERSECT":
        return all ? l.intersectAll(r) : l.intersect(r);
      default:
        return all ? l.exceptAll(r) : l.except(r);
    }
  }

  private Dataset<Row> primary(QueryPrimaryContext p) {
    if (p instanceof QueryPrimaryDefaultContext d
        && d.querySpecification() instanceof RegularQuerySpecificationContext spec) {
      return new SelectPlanner(this, spec, null).plan();
    }
    if (p instanceof SubqueryContext s) {
      return query(s.query());
    }
    if (p instanceof TableContext t) {
      return table(parts(t.identifierReference()));
    }
    if (p instanceof InlineTableDefault1Context i) {
      return inline(i.inlineTable());
    }
    throw unsupported(p);
  }

  /** The FROM clause: its relations cross-joined, each with its joins, then its PIVOT. */
  Dataset<Row> from(FromClauseContext from) {
    if (!from.lateralView().isEmpty() || from.unpivotClause() != null) {
      throw unsupported(from);
    }
    Dataset<Row> d = null;
    for (RelationContext r : from.relation()) {
      Dataset<Row> next = relation(r);
      d = d == null ? next : d.crossJoin(next);
    }
    return from.pivotClause() == null ? d : Pivots.apply(this, d, from.pivotClause());
  }

  private Dataset<Row> relation(RelationContext r) {
    if (r.LATERAL() != null) {
      throw unsupported(r);
    }
    Dataset<Row> d = relationPrimary(r.relationPrimary());
    for (RelationExtensionContext ext : r.relationExtension()) {
      if (ext.joinRelation() != null) {
        d = join(d, ext.joinRelation());
      } else if (ext.pivotClause() != null) {
        d = Pivots.apply(this, d, ext.pivotClause());
      } else {
        throw unsupported(ext);
      }
    }
    return d;
  }

  private Dataset<Row> join(Dataset<Row> left, JoinRelationContext j) {
    if (j.NATURAL() != null || j.LATERAL() != null) {
      throw unsupported(j);
    }
    Dataset<Row> right = relationPrimary(j.right);
    String type = joinType(j.joinType());
    JoinCriteriaContext c = j.joinCriteria();
    if (c == null) {
      return type.equals("inner") || type.equals("cross")
          ? left.crossJoin(right)
          : left.join(right, new Column(org.apache.spark.sql.functions.lit(true).node()), type);
    }
    if (c.USING() != null) {
      List<String> names = identifiers(c.identifierList());
      return left.join(
          right, dev.forgeline.mock.engine.Scala.seq(names), type.equals("cross") ? "inner" : type);
    }
    StatementTranslator tr = new StatementTranslator(this, null, Map.of());
    return left.join(right, new Column(tr.bool(c.booleanExpression())), type);
  }

  private static String joinType(JoinTypeContext t) {
    if (t == null) {
      return "inner";
    }
    if (t.CROSS() != null) {
      return "cross";
    }
    if (t.FULL() != null) {
      return "full";
    }
    if (t.RIGHT() != null) {
      return "right";
    }
    if (t.SEMI() != null) {
      return "left_semi";
    }
    if (t.ANTI() != null) {
      return "left_anti";
    }
    if (t.LEFT() != null) {
      return "left";
    }
    return "inner";
  }

  private Dataset<Row> relationPrimary(RelationPrimaryContext p) {
    if (p instanceof TableNameContext t) {
      if (t.temporalClause() != null || t.sample() != null || t.optionsClause() != null) {
        throw unsupported(t);
      }
      List<String> parts = parts(t.identifierReference());
      return alias(table(parts), t.tableAlias());
    }
    if (p instanceof AliasedQueryContext q) {
      if (q.sample() != null) {
        throw unsupported(q);
      }
      return alias(query(q.query()), q.tableAlias());
    }
    if (p instanceof AliasedRelationContext r) {
      return alias(relation(r.relation()), r.tableAlias());
    }
    if (p instanceof InlineTableDefault2Context i) {
      return inline(i.inlineTable());
    }
    if (p instanceof TableValuedFunctionContext f) {
      return alias(tableFunction(f.functionTable()), f.functionTable().tableAlias());
    }
    throw unsupported(p);
  }

  private Dataset<Row> tableFunction(FunctionTableContext f) {
    String name = f.functionName().getText().toLowerCase(Locale.ROOT);
    if (!name.equals("range")) {
      throw unsupported(f);
    }
    List<Long> args = new ArrayList<>();
    for (FunctionTableArgumentContext a : f.functionTableArgument()) {
      if (a.functionArgument() == null || a.functionArgument().expression() == null) {
        throw unsupported(f);
      }
      args.add((long) intValue(a.functionArgument().expression()));
    }
    switch (args.size()) {
      case 1:
        return env.spark().range(args.get(0)).toDF();
      case 2:
        return env.spark().range(args.get(0), args.get(1)).toDF();
      case 3:
        return env.spark().range(args.get(0), args.get(1), args.get(2)).toDF();
      default:
        throw unsupported(f);
    }
  }

  private Dataset<Row> alias(Dataset<Row> d, TableAliasContext a) {
    if (a == null || a.strictIdentifier() == null) {
      return d;
    }
    if (a.identifierList() != null) {
      d = d.toDF(identifiers(a.identifierList()).toArray(new String[0]));
    }
    return d.as(SqlLiterals.identifier(a.strictIdentifier().getText()));
  }

  /**
   * A table, view or common table expression by name, or the files at a path named {@code
   * format.`path`} when no database has the format's name.
   */
  Dataset<Row> table(List<String> parts) {
    if (parts.size() == 1) {
      Dataset<Row> cte = ctes.get(parts.get(0).toLowerCase(Locale.ROOT));
      if (cte != null) {
        return cte.as(parts.get(0));
      }
    }
    if (parts.size() == 2
        && FILE_FORMATS.contains(parts.get(0).toLowerCase(Locale.ROOT))
        && !env.catalog().shared().databaseExists(parts.get(0))) {
      return env.spark().read().format(parts.get(0).toLowerCase(Locale.ROOT)).load(parts.get(1));
    }
    return env.tables().read(parts);
  }

  /** The formats whose files a query reads directly as {@code format.`path`}, as Spark's does. */
  private static final java.util.Set<String> FILE_FORMATS =
      java.util.Set.of("delta", "parquet", "csv", "json", "text");

  /** VALUES rows: each row a one-row projection, unioned so types widen as in Spark. */
  Dataset<Row> inline(InlineTableContext t) {
    StatementTranslator tr = new StatementTranslator(this, null, Map.of());
    Dataset<Row> one = oneRow();
    Dataset<Row> out = null;
    for (ExpressionContext e : t.expression()) {
      List<ColumnNodeAndName> cols = rowValues(e, tr);
      Column[] sel = new Column[cols.size()];
      for (int i = 0; i < sel.length; i++) {
        sel[i] = new Column(cols.get(i).node).as("col" + (i + 1));
      }
      Dataset<Row> row = one.select(sel);
      out = out == null ? row : out.union(row);
    }
    TableAliasContext a = t.tableAlias();
    if (a != null && a.identifierList() != null) {
      out = out.toDF(identifiers(a.identifierList()).toArray(new String[0]));
    }
    if (a != null && a.strictIdentifier() != null) {
      out = out.as(SqlLiterals.identifier(a.strictIdentifier().getText()));
    }
    return out;
  }

  private record ColumnNodeAndName(org.apache.spark.sql.internal.ColumnNode node) {}

  private static List<ColumnNodeAndName> rowValues(ExpressionContext e, StatementTranslator tr) {
    List<ColumnNodeAndName> out = new ArrayList<>();
    if (e.booleanExpression() instanceof PredicatedContext p
        && p.predicate() == null
        && p.valueExpression() instanceof ValueExpressionDefaultContext v
        && v.primaryExpression() instanceof RowConstructorContext row) {
      for (NamedExpressionContext n : row.namedExpression()) {
        out.add(new ColumnNodeAndName(tr.expr(n.expression())));
      }
      return out;
    }
    out.add(new ColumnNodeAndName(tr.expr(e)));
    return out;
  }

  /** One row without columns: the input of a SELECT without FROM. */
  Dataset<Row> oneRow() {
    return env.spark().createDataFrame(List.of(RowFactory.create()), new StructType());
  }

  static List<String> parts(IdentifierReferenceContext ref) {
    if (ref.multipartIdentifier() == null) {
      throw NotSupported.method("IDENTIFIER(...) clauses in SQL statements");
    }
    return parts(ref.multipartIdentifier());
  }

  static List<String> parts(MultipartIdentifierContext m) {
    List<String> out = new ArrayList<>();
    for (ErrorCapturingIdentifierContext p : m.parts) {
      out.add(SqlLiterals.identifier(p.getText()));
    }
    return out;
  }

  static List<String> identifiers(IdentifierListContext l) {
    List<String> out = new ArrayList<>();
    for (ErrorCapturingIdentifierContext p : l.identifierSeq().ident) {
      out.add(SqlLiterals.identifier(p.getText()));
    }
    return out;
  }
}
