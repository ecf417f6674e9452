package dev.forgeline.mock;

import dev.forgeline.mock.engine.SqlParsing;
import dev.forgeline.mock.fn.FunctionRegistry;
import java.util.Set;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;

/**
 * What the mock backend implements, for the parity audit and for documentation.
 *
 * @since 0.1.0
 */
public final class MockCapabilities {
  private MockCapabilities() {}

  /**
   * The lower-case names of the Spark SQL functions (and operators) the evaluator implements, e.g.
   * {@code "upper"}, {@code "count"}, {@code "row_number"}.
   *
   * @return an unmodifiable, sorted set; never null
   * @since 0.1.0
   */
  public static Set<String> supportedFunctions() {
    return FunctionRegistry.names();
  }

  /**
   * The statement kinds of Spark's SQL grammar: the simple names of the parse-tree classes of the
   * labelled alternatives of {@code statement} (DML taken apart into its INSERT, MERGE, UPDATE and
   * DELETE forms) and of SET / RESET, found by reflection on Spark's {@code SqlBaseParser}.
   *
   * @return an unmodifiable, sorted set; never null
   * @since 0.1.0
   */
  public static Set<String> sqlStatementKinds() {
    Set<String> kinds = new java.util.TreeSet<>();
    for (Class<?> c : SqlBaseParser.class.getDeclaredClasses()) {
      Class<?> parent = c.getSuperclass();
      if (parent == SqlBaseParser.StatementContext.class
              && c != SqlBaseParser.DmlStatementContext.class
          || parent == SqlBaseParser.DmlStatementNoWithContext.class
          || parent == SqlBaseParser.SetResetStatementContext.class) {
        kinds.add(c.getSimpleName());
      }
    }
    return java.util.Collections.unmodifiableSet(kinds);
  }

  /**
   * The kind (one of {@link #sqlStatementKinds()}) of a statement, parsed with Spark's grammar.
   *
   * @param sql one statement, not null
   * @return the kind; never null
   * @throws RuntimeException Spark's ParseException if the text does not parse
   * @since 0.1.0
   */
  public static String sqlStatementKind(String sql) {
    SqlBaseParser.SingleStatementContext tree =
        SqlParsing.parse(
            java.util.Objects.requireNonNull(sql, "sql"), SqlBaseParser::singleStatement);
    if (tree.setResetStatement() != null) {
      return tree.setResetStatement().getClass().getSimpleName();
    }
    if (tree.statement() instanceof SqlBaseParser.DmlStatementContext dml) {
      return dml.dmlStatementNoWith().getClass().getSimpleName();
    }
    return tree.statement().getClass().getSimpleName();
  }
}
