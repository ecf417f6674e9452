package dev.forgeline.mock.sql;

import dev.forgeline.mock.engine.NotSupported;
import dev.forgeline.mock.engine.SqlParsing;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.*;

/**
 * The entry point of {@code spark.sql} on the mock: parses one statement with Spark's grammar and
 * runs it. A query returns its lazily evaluated frame; a command runs at once and returns its
 * result rows (empty for DDL), as in Spark.
 */
public final class SqlStatements {
  private SqlStatements() {}

  /**
   * Runs a statement without parameters.
   *
   * @param env the session to run against
   * @param sql the statement text
   * @return the result frame
   */
  public static Dataset<Row> run(SqlEnv env, String sql) {
    return run(env, sql, Params.none());
  }

  /** Runs a statement with named parameters ({@code :name}). */
  public static Dataset<Row> runNamed(SqlEnv env, String sql, Map<String, Object> args) {
    return run(env, sql, Params.named(args));
  }

  /** Runs a statement with positional parameters ({@code ?}). */
  public static Dataset<Row> runPositional(SqlEnv env, String sql, List<Object> args) {
    return run(env, sql, Params.positional(args));
  }

  private static Dataset<Row> run(SqlEnv env, String sql, Params params) {
    SingleStatementContext tree = SqlParsing.parse(sql, SqlBaseParser::singleStatement);
    params.index(tree);
    QueryPlanner planner = new QueryPlanner(env, sql, params);
    if (tree.setResetStatement() != null) {
      return new Commands(planner).config(tree.setResetStatement());
    }
    StatementContext st = tree.statement();
    if (st instanceof StatementDefaultContext q) {
      return planner.query(q.query());
    }
    if (st instanceof DmlStatementContext dml) {
      DmlStatementNoWithContext body = dml.dmlStatementNoWith();
      if (body instanceof MergeIntoTableContext
          || body instanceof UpdateTableContext
          || body instanceof DeleteFromTableContext) {
        if (dml.ctes() != null) {
          throw unsupported(sql, st);
        }
        return new RowLevelDml(planner).run(body);
      }
      if (dml.ctes() != null || !(body instanceof SingleInsertQueryContext)) {
        throw unsupported(sql, st);
      }
      return new Commands(planner).insert((SingleInsertQueryContext) body);
    }
    return new Commands(planner).run(st);
  }

  static UnsupportedOperationException unsupported(String sql, ParserRuleContext ctx) {
    String text = sql.substring(ctx.start.getStartIndex(), ctx.stop.getStopIndex() + 1);
    String head = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return NotSupported.method("SparkSession.sql(\"" + head + "\") (this statement kind)");
  }
}
