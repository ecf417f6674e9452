package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.parser.SqlBaseLexer;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.*;
import org.apache.spark.sql.catalyst.trees.CurrentOrigin;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.Alias;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.UnresolvedAttribute;
import org.apache.spark.sql.internal.UnresolvedFunction;
import org.apache.spark.sql.internal.UnresolvedStar;
import org.apache.spark.sql.types.DataType;
import scala.Option;

/**
 * SQL expression text ({@code selectExpr}, {@code expr()}, {@code filter(String)}) turned into the
 * same ColumnNode trees the Column API builds. Spark's own ANTLR grammar (shipped in spark-sql-api)
 * parses the text; this class translates the parse tree. Window clauses, intervals and subqueries
 * are not supported and say so.
 */
public final class SqlExpressions {
  private SqlExpressions() {}

  /**
   * Parses one (optionally aliased) expression. Like Spark's own parser it tries ANTLR's fast SLL
   * prediction first and falls back to full LL only if SLL fails, so a syntax error is reported by
   * the LL pass, the same as in Spark.
   */
  public static ColumnNode parse(String sql) {
    SqlBaseLexer lexer = new SqlBaseLexer(CharStreams.fromString(sql));
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    SqlBaseParser parser = new SqlBaseParser(tokens);
    parser.SQL_standard_keyword_behavior = false;
    BaseErrorListener errors =
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> r,
              Object symbol,
              int line,
              int pos,
              String msg,
              RecognitionException e) {
            throw Errors.analysis(
                "PARSE_SYNTAX_ERROR", "error", "'" + sql + "'", "hint", ": " + msg);
          }
        };
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    parser.removeErrorListeners();
    SingleExpressionContext ctx;
    try {
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      parser.setErrorHandler(new BailErrorStrategy());
      ctx = parser.singleExpression();
    } catch (ParseCancellationException sllFailed) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.addErrorListener(errors);
      ctx = parser.singleExpression();
    }
    return new SqlExpressions.Translator(sql).named(ctx.namedExpression());
  }

  /** Translates parse-tree nodes into ColumnNodes. */
  private static final class Translator {
    private final String text;

    Translator(String text) {
      this.text = text;
    }

    private UnsupportedOperationException unsupported(ParserRuleContext ctx) {
      return NotSupported.method("the SQL expression [" + source(ctx) + "]");
    }

    private String source(ParserRuleContext ctx) {
      return text.substring(ctx.start.getStartIndex(), ctx.stop.getStopIndex() + 1);
    }

    ColumnNode named(NamedExpressionContext ctx) {
      ColumnNode e = expr(ctx.expression());
      if (ctx.name != null) {
        return new Alias(
            e,
            Scala.seq(List.of(identifier(ctx.name.identifier()))),
            Option.empty(),
            CurrentOrigin.get());
      }
      if (ctx.identifierList() != null) {
        throw unsupported(ctx);
      }
      return e;
    }

    ColumnNode expr(ExpressionContext ctx) {
      return bool(ctx.booleanExpression());
    }

    private static Column col(ColumnNode n) {
      return new Column(n);
    }

    ColumnNode bool(BooleanExpressionContext ctx) {
      if (ctx instanceof LogicalNotContext not) {
        return functions.not(col(bool(not.booleanExpression()))).node();
      }
      if (ctx instanceof LogicalBinaryContext bin) {
        Column l = col(bool(bin.left));
        Column r = col(bool(bin.right));
        return (bin.AND() != null ? l.and(r) : l.or(r)).node();
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
            List<Column> items = new ArrayList<>();
            for (ExpressionContext e : p.expression()) {
              items.add(col(expr(e)));
            }
            result = v.isin(items.toArray());
            break;
          }
        case "LIKE":
          result = new Column(fn("like", value, value(p.pattern)));
          break;
        case "ILIKE":
          result = new Column(fn("ilike", value, value(p.pattern)));
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

    private static ColumnNode fn(String name, ColumnNode... args) {
      return new UnresolvedFunction(
          name, Scala.seq(List.of(args)), false, false, false, CurrentOrigin.get());
    }

    ColumnNode value(ValueExpressionContext ctx) {
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

    ColumnNode primary(PrimaryExpressionContext ctx) {
      if (ctx instanceof ConstantDefaultContext c) {
        return constant(c.constant());
      }
      if (ctx instanceof ColumnReferenceContext ref) {
        return new UnresolvedAttribute(
            Scala.seq(List.of(identifier(ref.identifier()))),
            Option.empty(),
            false,
            CurrentOrigin.get());
      }
      if (ctx instanceof DereferenceContext d) {
        ColumnNode base = primary(d.base);
        String field = identifier(d.fieldName);
        if (base instanceof UnresolvedAttribute attr) {
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
              Option.apply(s.qualifiedName().getText() + ".*"),
              Option.empty(),
              CurrentOrigin.get());
        }
        return new UnresolvedStar(Option.empty(), Option.empty(), CurrentOrigin.get());
      }
      if (ctx instanceof FunctionCallContext f) {
        return call(f);
      }
      if (ctx instanceof CastContext c) {
        DataType t = DataType.fromDDL(source(c.dataType()));
        Column child = col(expr(c.expression()));
        return (c.TRY_CAST() != null ? child.try_cast(t) : child.cast(t)).node();
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
      throw unsupported(ctx);
    }

    ColumnNode call(FunctionCallContext f) {
      if (f.windowSpec() != null || f.where != null || f.nullsOption != null) {
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
      return new UnresolvedFunction(
          name, Scala.seq(args), distinct, false, false, CurrentOrigin.get());
    }

    /** A single-unit day-time interval literal (INTERVAL 90 MINUTES, INTERVAL '1' DAY). */
    ColumnNode interval(IntervalContext ctx) {
      ErrorCapturingMultiUnitsIntervalContext multi = ctx.errorCapturingMultiUnitsInterval();
      if (multi == null
          || multi.body == null
          || multi.body.intervalValue().size() != 1
          || multi.unitToUnitInterval() != null) {
        throw unsupported(ctx);
      }
      String valueText = multi.body.intervalValue(0).getText();
      if (valueText.startsWith("'")) {
        valueText = unquote(valueText);
      }
      String unit = multi.body.unit.get(0).getText().toUpperCase(Locale.ROOT);
      if (unit.endsWith("S")) {
        unit = unit.substring(0, unit.length() - 1);
      }
      byte field;
      java.time.temporal.ChronoUnit chrono;
      switch (unit) {
        case "DAY" -> {
          field = org.apache.spark.sql.types.DayTimeIntervalType.DAY();
          chrono = java.time.temporal.ChronoUnit.DAYS;
        }
        case "HOUR" -> {
          field = org.apache.spark.sql.types.DayTimeIntervalType.HOUR();
          chrono = java.time.temporal.ChronoUnit.HOURS;
        }
        case "MINUTE" -> {
          field = org.apache.spark.sql.types.DayTimeIntervalType.MINUTE();
          chrono = java.time.temporal.ChronoUnit.MINUTES;
        }
        case "SECOND" -> {
          field = org.apache.spark.sql.types.DayTimeIntervalType.SECOND();
          chrono = java.time.temporal.ChronoUnit.SECONDS;
        }
        default -> throw unsupported(ctx);
      }
      long amount = Long.parseLong(valueText.trim());
      java.time.Duration d = java.time.Duration.of(amount, chrono);
      DataType t = org.apache.spark.sql.types.DayTimeIntervalType.apply(field, field);
      return new org.apache.spark.sql.internal.Literal(d, Option.apply(t), CurrentOrigin.get());
    }

    ColumnNode constant(ConstantContext c) {
      if (c instanceof IntervalLiteralContext il) {
        return interval(il.interval());
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
          sb.append(unquote(p.getText()));
        }
        return functions.lit(sb.toString()).node();
      }
      if (c instanceof NumericLiteralContext n) {
        return functions.lit(number(n.number().getText())).node();
      }
      throw unsupported(c);
    }

    private static Object number(String raw) {
      String t = raw.toUpperCase(Locale.ROOT);
      try {
        if (t.endsWith("BD")) {
          return new java.math.BigDecimal(t.substring(0, t.length() - 2));
        }
        if (t.endsWith("L")) {
          return Long.parseLong(t.substring(0, t.length() - 1));
        }
        if (t.endsWith("S")) {
          return Short.parseShort(t.substring(0, t.length() - 1));
        }
        if (t.endsWith("Y")) {
          return Byte.parseByte(t.substring(0, t.length() - 1));
        }
        if (t.endsWith("D")) {
          return Double.parseDouble(t.substring(0, t.length() - 1));
        }
        if (t.endsWith("F")) {
          return Float.parseFloat(t.substring(0, t.length() - 1));
        }
        if (t.contains("E")) {
          return Double.parseDouble(t);
        }
        if (t.contains(".")) {
          return new java.math.BigDecimal(t);
        }
        java.math.BigInteger v = new java.math.BigInteger(t);
        if (v.bitLength() < 32) {
          return v.intValue();
        }
        if (v.bitLength() < 64) {
          return v.longValue();
        }
        return new java.math.BigDecimal(v);
      } catch (NumberFormatException e) {
        throw Errors.analysis(
            "INVALID_NUMERIC_LITERAL_RANGE",
            "rawStrippedQualifier",
            raw,
            "minValue",
            "",
            "maxValue",
            "",
            "typeName",
            "");
      }
    }

    private static String unquote(String quoted) {
      String body = quoted.substring(1, quoted.length() - 1);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < body.length(); i++) {
        char ch = body.charAt(i);
        if (ch == '\\' && i + 1 < body.length()) {
          char n = body.charAt(++i);
          switch (n) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case '0' -> sb.append('\0');
            default -> sb.append(n);
          }
        } else {
          sb.append(ch);
        }
      }
      return sb.toString();
    }

    private static String identifier(IdentifierContext id) {
      String t = id.getText();
      if (t.startsWith("`") && t.endsWith("`") && t.length() >= 2) {
        return t.substring(1, t.length() - 1).replace("``", "`");
      }
      return t;
    }
  }
}
