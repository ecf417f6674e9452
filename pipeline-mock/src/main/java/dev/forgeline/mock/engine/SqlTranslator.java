package dev.forgeline.mock.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.*;
import org.apache.spark.sql.catalyst.trees.CurrentOrigin;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.Alias;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.LambdaFunction;
import org.apache.spark.sql.internal.UnresolvedAttribute;
import org.apache.spark.sql.internal.UnresolvedFunction;
import org.apache.spark.sql.internal.UnresolvedNamedLambdaVariable;
import org.apache.spark.sql.internal.UnresolvedStar;
import org.apache.spark.sql.types.DataType;
import scala.Option;

/**
 * Translates Spark's SQL expression parse tree into the ColumnNode trees the Column API builds, so
 * SQL text is evaluated by the same engine as Column programs. Subqueries, parameters and named
 * windows need a query context: they go through protected hooks that the statement translator
 * (dev.forgeline.mock.sql) overrides; here they raise the mock's unsupported error.
 */
public class SqlTranslator {
  private final String text;
  private final Deque<Map<String, UnresolvedNamedLambdaVariable>> lambdas = new ArrayDeque<>();

  /**
   * A translator of parse trees taken from {@code text}.
   *
   * @param text the SQL text the trees were parsed from, not null
   */
  public SqlTranslator(String text) {
    this.text = text;
  }

  /** The mock's unsupported error naming the SQL form. */
  protected UnsupportedOperationException unsupported(ParserRuleContext ctx) {
    return NotSupported.method("the SQL expression [" + source(ctx) + "]");
  }

  /** The source text of a parse-tree node. */
  public String source(ParserRuleContext ctx) {
    return text.substring(ctx.start.getStartIndex(), ctx.stop.getStopIndex() + 1);
  }

  /** A column reference by name parts; statements override it to resolve aliases. */
  protected ColumnNode columnReference(List<String> parts) {
    return new UnresolvedAttribute(Scala.seq(parts), Option.empty(), false, CurrentOrigin.get());
  }

  /** A scalar subquery {@code (SELECT ...)}. */
  protected ColumnNode scalarSubquery(QueryContext query) {
    throw unsupported(query);
  }

  /** {@code EXISTS (SELECT ...)}. */
  protected ColumnNode exists(QueryContext query) {
    throw unsupported(query);
  }

  /** {@code value IN (SELECT ...)}, or {@code value NOT IN (SELECT ...)} when negated. */
  protected ColumnNode inSubquery(Column value, QueryContext query, boolean negated) {
    throw unsupported(query);
  }

  /** A named ({@code :name}) or positional ({@code ?}, name null) parameter marker. */
  protected ColumnNode parameter(String name, ParserRuleContext ctx) {
    throw Errors.analysis("UNBOUND_SQL_PARAMETER", "name", name == null ? "_16" : name);
  }

  /** The session time zone for TIMESTAMP literals, or null to cast the text at run time. */
  protected java.time.ZoneId zone() {
    return null;
  }

  /** A window defined in the query's WINDOW clause. */
  protected WindowSpec namedWindow(String name, ParserRuleContext ctx) {
    throw unsupported(ctx);
  }

  public ColumnNode named(NamedExpressionContext ctx) {
    ColumnNode e = expr(ctx.expression());
    if (ctx.name != null) {
      return new Alias(
          e,
          Scala.seq(List.of(SqlLiterals.identifier(ctx.name.getText()))),
          Option.empty(),
          CurrentOrigin.get());
    }
    if (ctx.identifierList() != null) {
      throw unsupported(ctx);
    }
    return e;
  }

  public ColumnNode expr(ExpressionContext ctx) {
    return bool(ctx.booleanExpression());
  }

  protected static Column col(ColumnNode n) {
    return new Column(n);
  }

  public ColumnNode bool(BooleanExpressionContext ctx) {
    if (ctx instanceof LogicalNotContext not) {
      return functions.not(col(bool(not.booleanExpression()))).node();
    }
    if (ctx instanceof LogicalBinaryContext bin) {
      Column l = col(bool(bin.left));
      Column r = col(bool(bin.right));
      return (bin.AND() != null ? l.and(r) : l.or(r)).node();
    }
    if (ctx instanceof ExistsContext ex) {
      return exists(ex.query());
    }
    if (ctx instanceof PredicatedContext p) {
      ColumnNode v = value(p.valueExpression());
      return p.predicate() == null ? v : predicate(v, p.predicate());
    }
    throw unsupported(ctx);
  }

  ColumnNode predicate(ColumnNode value, PredicateContext p) {
    Column v = col(value);
    boolean negated = p.errorCapturingNot() != null;
    String kind = p.kind.getText().toUpperCase(Locale.ROOT);
    Column result;
    switch (kind) {
      case "BETWEEN":
        result = v.between(col(value(p.lower)), col(value(p.upper)));
        break;
      case "IN":
        {
          if (p.query() != null) {
            return inSubquery(v, p.query(), negated);
          }
          List<Column> items = new ArrayList<>();
          for (ExpressionContext e : p.expression()) {
            items.add(col(expr(e)));
          }
          result = v.isin(items.toArray());
          break;
        }
      case "LIKE", "ILIKE":
        if (p.quantifier != null || p.escapeChar != null) {
          throw unsupported(p);
        }
        result = new Column(fn(kind.toLowerCase(Locale.ROOT), value, value(p.pattern)));
        break;
      case "RLIKE", "REGEXP":
        result = new Column(fn("rlike", value, value(p.pattern)));
        break;
      case "NULL":
        return (negated ? v.isNotNull() : v.isNull()).node();
      case "TRUE":
        result = v.eqNullSafe(functions.lit(true));
        break;
      case "FALSE":
        result = v.eqNullSafe(functions.lit(false));
        break;
      case "DISTINCT":
        result = functions.not(v.eqNullSafe(col(value(p.right))));
        break;
      default:
        throw unsupported(p);
    }
    return (negated ? functions.not(result) : result).node();
  }

  protected static ColumnNode fn(String name, ColumnNode... args) {
    return new UnresolvedFunction(
        name, Scala.seq(List.of(args)), false, false, false, CurrentOrigin.get());
  }

  public ColumnNode value(ValueExpressionContext ctx) {
    if (ctx instanceof ValueExpressionDefaultContext d) {
      return primary(d.primaryExpression());
    }
    if (ctx instanceof ArithmeticUnaryContext u) {
      ColumnNode v = value(u.valueExpression());
      if (u.MINUS() != null) {
        return fn("negative", v);
      }
      if (u.TILDE() != null) {
        return fn("~", v);
      }
      return fn("positive", v);
    }
    if (ctx instanceof ArithmeticBinaryContext b) {
      ColumnNode l = value(b.left);
      ColumnNode r = value(b.right);
      String op = b.operator.getText().toUpperCase(Locale.ROOT);
      switch (op) {
        case "||":
          return fn("concat", l, r);
        case "DIV":
          return fn("div", l, r);
        default:
          return fn(op, l, r);
      }
    }
    if (ctx instanceof ComparisonContext c) {
      String op = c.comparisonOperator().getText();
      ColumnNode l = value(c.left);
      ColumnNode r = value(c.right);
      switch (op) {
        case "==":
          return fn("=", l, r);
        case "<>", "!=":
          return functions.not(new Column(fn("=", l, r))).node();
        default:
          return fn(op, l, r);
      }
    }
    throw unsupported(ctx);
  }

  public ColumnNode primary(PrimaryExpressionContext ctx) {
    if (ctx instanceof ConstantDefaultContext c) {
      return constant(c.constant());
    }
    if (ctx instanceof ColumnReferenceContext ref) {
      String name = SqlLiterals.identifier(ref.identifier());
      for (Map<String, UnresolvedNamedLambdaVariable> scope : lambdas) {
        UnresolvedNamedLambdaVariable v = scope.get(name.toLowerCase(Locale.ROOT));
        if (v != null) {
          return v;
        }
      }
      return columnReference(List.of(name));
    }
    if (ctx instanceof DereferenceContext d) {
      ColumnNode base = primary(d.base);
      String field = SqlLiterals.identifier(d.fieldName);
      if (base instanceof UnresolvedAttribute attr && !attr.isMetadataColumn()) {
        List<String> parts = new ArrayList<>(Scala.list(attr.nameParts()));
        parts.add(field);
        return new UnresolvedAttribute(
            Scala.seq(parts), Option.empty(), false, CurrentOrigin.get());
      }
      return col(base).getField(field).node();
    }
    if (ctx instanceof ParenthesizedExpressionContext p) {
      return expr(p.expression());
    }
    if (ctx instanceof StarContext s) {
      if (s.qualifiedName() != null) {
        return new UnresolvedStar(
            Option.apply(s.qualifiedName().getText() + ".*"), Option.empty(), CurrentOrigin.get());
      }
      return new UnresolvedStar(Option.empty(), Option.empty(), CurrentOrigin.get());
    }
    if (ctx instanceof FunctionCallContext f) {
      return call(f);
    }
    if (ctx instanceof Any_valueContext a) {
      return firstLike("any_value", a.expression(), a.IGNORE() != null);
    }
    if (ctx instanceof FirstContext a) {
      return firstLike("first", a.expression(), a.IGNORE() != null);
    }
    if (ctx instanceof LastContext a) {
      return firstLike("last", a.expression(), a.IGNORE() != null);
    }
    if (ctx instanceof CastContext c) {
      DataType t = Ddl.dataType(source(c.dataType()));
      Column child = col(expr(c.expression()));
      return (c.TRY_CAST() != null ? child.try_cast(t) : child.cast(t)).node();
    }
    if (ctx instanceof CastByColonContext c) {
      DataType t = Ddl.dataType(source(c.dataType()));
      return col(primary(c.primaryExpression())).cast(t).node();
    }
    if (ctx instanceof SearchedCaseContext sc) {
      Column acc = null;
      for (WhenClauseContext w : sc.whenClause()) {
        Column cond = col(expr(w.condition));
        Column res = col(expr(w.result));
        acc = acc == null ? functions.when(cond, res) : acc.when(cond, res);
      }
      if (sc.elseExpression != null) {
        acc = acc.otherwise(col(expr(sc.elseExpression)));
      }
      return acc.node();
    }
    if (ctx instanceof SimpleCaseContext sc) {
      Column value = col(expr(sc.value));
      Column acc = null;
      for (WhenClauseContext w : sc.whenClause()) {
        Column cond = value.equalTo(col(expr(w.condition)));
        Column res = col(expr(w.result));
        acc = acc == null ? functions.when(cond, res) : acc.when(cond, res);
      }
      if (sc.elseExpression != null) {
        acc = acc.otherwise(col(expr(sc.elseExpression)));
      }
      return acc.node();
    }
    if (ctx instanceof SubscriptContext s) {
      return col(primary(s.value)).apply(col(value(s.index))).node();
    }
    if (ctx instanceof SubqueryExpressionContext sq) {
      return scalarSubquery(sq.query());
    }
    if (ctx instanceof LambdaContext l) {
      return lambda(l);
    }
    if (ctx instanceof CurrentLikeContext c) {
      return fn(c.name.getText().toLowerCase(Locale.ROOT));
    }
    if (ctx instanceof StructContext st) {
      List<ColumnNode> args = new ArrayList<>();
      for (NamedExpressionContext n : st.argument) {
        args.add(named(n));
      }
      return fn("struct", args.toArray(new ColumnNode[0]));
    }
    if (ctx instanceof RowConstructorContext r) {
      List<ColumnNode> args = new ArrayList<>();
      for (NamedExpressionContext n : r.namedExpression()) {
        args.add(named(n));
      }
      return fn("struct", args.toArray(new ColumnNode[0]));
    }
    throw unsupported(ctx);
  }

  private ColumnNode lambda(LambdaContext l) {
    Map<String, UnresolvedNamedLambdaVariable> scope = new java.util.HashMap<>();
    List<UnresolvedNamedLambdaVariable> vars = new ArrayList<>();
    for (IdentifierContext id : l.identifier()) {
      String name = SqlLiterals.identifier(id);
      UnresolvedNamedLambdaVariable v = UnresolvedNamedLambdaVariable.apply(name);
      scope.put(name.toLowerCase(Locale.ROOT), v);
      vars.add(v);
    }
    lambdas.push(scope);
    try {
      return new LambdaFunction(expr(l.expression()), Scala.seq(vars), CurrentOrigin.get());
    } finally {
      lambdas.pop();
    }
  }

  /** FIRST, LAST and ANY_VALUE, which the grammar parses apart for their IGNORE NULLS clause. */
  private ColumnNode firstLike(String name, ExpressionContext arg, boolean ignoreNulls) {
    ColumnNode e = expr(arg);
    return ignoreNulls ? fn(name, e, functions.lit(true).node()) : fn(name, e);
  }

  ColumnNode call(FunctionCallContext f) {
    if (f.where != null || f.nullsOption != null) {
      throw unsupported(f);
    }
    String name = f.functionName().getText();
    List<ColumnNode> args = new ArrayList<>();
    for (FunctionArgumentContext a : f.argument) {
      if (a.expression() == null) {
        throw unsupported(f);
      }
      args.add(expr(a.expression()));
    }
    boolean distinct = f.setQuantifier() != null && f.setQuantifier().DISTINCT() != null;
    if (name.equalsIgnoreCase("count")
        && args.size() == 1
        && args.get(0) instanceof UnresolvedStar s
        && s.unparsedTarget().isEmpty()) {
      args = List.of(functions.lit(1).node());
    }
    ColumnNode call =
        new UnresolvedFunction(name, Scala.seq(args), distinct, false, false, CurrentOrigin.get());
    if (f.windowSpec() == null) {
      return call;
    }
    return col(call).over(window(f.windowSpec())).node();
  }

  /** A window specification: a reference to a named window or an inline definition. */
  protected WindowSpec window(WindowSpecContext ctx) {
    if (ctx instanceof WindowRefContext ref) {
      return namedWindow(SqlLiterals.identifier(ref.name.getText()), ref);
    }
    WindowDefContext def = (WindowDefContext) ctx;
    if (def.CLUSTER() != null || def.DISTRIBUTE() != null || def.SORT() != null) {
      throw unsupported(def);
    }
    List<Column> partition = new ArrayList<>();
    for (ExpressionContext e : def.partition) {
      partition.add(col(expr(e)));
    }
    List<Column> order = new ArrayList<>();
    for (SortItemContext s : def.sortItem()) {
      order.add(sortOrder(s));
    }
    WindowSpec spec =
        Window.partitionBy(partition.toArray(new Column[0])).orderBy(order.toArray(new Column[0]));
    WindowFrameContext frame = def.windowFrame();
    if (frame != null) {
      long start = bound(frame.start, true);
      long end = frame.end == null ? Window.currentRow() : bound(frame.end, false);
      spec =
          frame.frameType.getText().equalsIgnoreCase("ROWS")
              ? spec.rowsBetween(start, end)
              : spec.rangeBetween(start, end);
    }
    return spec;
  }

  private long bound(FrameBoundContext b, boolean start) {
    if (b.UNBOUNDED() != null) {
      return b.PRECEDING() != null ? Window.unboundedPreceding() : Window.unboundedFollowing();
    }
    if (b.CURRENT() != null) {
      return Window.currentRow();
    }
    String raw = source(b.expression()).trim();
    long n;
    try {
      n = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw unsupported(b);
    }
    return b.PRECEDING() != null ? -n : n;
  }

  /** A sort item: its expression with direction and null ordering as Spark defaults them. */
  public Column sortOrder(SortItemContext s) {
    Column c = col(expr(s.expression()));
    boolean desc = s.DESC() != null;
    boolean nullsFirst = s.nullOrder == null ? !desc : s.FIRST() != null;
    if (desc) {
      return nullsFirst ? c.desc_nulls_first() : c.desc_nulls_last();
    }
    return nullsFirst ? c.asc_nulls_first() : c.asc_nulls_last();
  }

  public ColumnNode constant(ConstantContext c) {
    if (c instanceof IntervalLiteralContext il) {
      ColumnNode n = SqlLiterals.dayTimeInterval(il.interval());
      if (n == null) {
        throw unsupported(il);
      }
      return n;
    }
    if (c instanceof NullLiteralContext) {
      return functions.lit(null).node();
    }
    if (c instanceof BooleanLiteralContext b) {
      return functions.lit(b.booleanValue().TRUE() != null).node();
    }
    if (c instanceof StringLiteralContext s) {
      StringBuilder sb = new StringBuilder();
      for (ParseTree p : s.stringLit().singleStringLit()) {
        sb.append(SqlLiterals.unquote(p.getText()));
      }
      return functions.lit(sb.toString()).node();
    }
    if (c instanceof NumericLiteralContext n) {
      return functions.lit(SqlLiterals.number(n.number().getText())).node();
    }
    if (c instanceof TypeConstructorContext t) {
      return typed(t);
    }
    if (c instanceof NamedParameterLiteralContext p) {
      return parameter(SqlLiterals.identifier(p.namedParameterMarker().getText().substring(1)), p);
    }
    if (c instanceof PosParameterLiteralContext p) {
      return parameter(null, p);
    }
    throw unsupported(c);
  }

  private ColumnNode typed(TypeConstructorContext t) {
    String type = t.literalType().getText().toUpperCase(Locale.ROOT);
    String value = SqlLiterals.unquote(t.singleStringLitWithoutMarker().getText());
    switch (type) {
      case "DATE":
        try {
          return functions
              .lit(java.sql.Date.valueOf(java.time.LocalDate.parse(value.trim())))
              .node();
        } catch (java.time.format.DateTimeParseException e) {
          return functions.lit(value).cast("date").node();
        }
      case "TIMESTAMP":
        {
          java.time.ZoneId zone = zone();
          if (zone != null) {
            try {
              java.time.LocalDateTime local =
                  java.time.LocalDateTime.parse(value.trim().replace(' ', 'T'));
              return functions.lit(java.sql.Timestamp.from(local.atZone(zone).toInstant())).node();
            } catch (java.time.format.DateTimeParseException e) {
              // not the plain form: let the cast parse it at run time
            }
          }
          return functions.lit(value).cast("timestamp").node();
        }
      case "TIMESTAMP_NTZ":
        return functions.lit(value).cast("timestamp_ntz").node();
      case "X":
        return functions.lit(java.util.HexFormat.of().parseHex(value)).node();
      default:
        throw unsupported(t);
    }
  }
}
