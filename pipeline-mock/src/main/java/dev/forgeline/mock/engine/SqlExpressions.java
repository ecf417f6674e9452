package dev.forgeline.mock.engine;

import org.apache.spark.sql.catalyst.parser.SqlBaseParser;
import org.apache.spark.sql.internal.ColumnNode;

/**
 * SQL expression text ({@code selectExpr}, {@code expr()}, {@code filter(String)}) turned into the
 * same ColumnNode trees the Column API builds. Spark's own ANTLR grammar (shipped in spark-sql-api)
 * parses the text ({@link SqlParsing}); {@link SqlTranslator} translates the parse tree. Subqueries
 * need a query and are supported only inside {@code spark.sql} statements.
 */
public final class SqlExpressions {
  private SqlExpressions() {}

  /** Parses one (optionally aliased) expression; a syntax error is Spark's ParseException. */
  public static ColumnNode parse(String sql) {
    SqlBaseParser.SingleExpressionContext ctx =
        SqlParsing.parse(sql, SqlBaseParser::singleExpression);
    return new SqlTranslator(sql).named(ctx.namedExpression());
  }
}
