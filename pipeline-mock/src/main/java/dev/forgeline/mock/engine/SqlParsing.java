package dev.forgeline.mock.engine;

import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.apache.spark.sql.catalyst.parser.ParseErrorListener$;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.PostProcessor$;
import org.apache.spark.sql.catalyst.parser.SparkParserErrorStrategy;
import org.apache.spark.sql.catalyst.parser.SqlBaseLexer;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;
import org.apache.spark.sql.catalyst.parser.UpperCaseCharStream;

/**
 * Runs Spark's own ANTLR grammar (shipped in spark-sql-api) the way Spark's parser driver does: an
 * upper-casing character stream, Spark's error listener and error strategy (so a syntax error is
 * Spark's {@link ParseException} with Spark's message and position), fast SLL prediction first and
 * full LL only when SLL fails, and the parser flags of Spark's defaults.
 */
public final class SqlParsing {
  private SqlParsing() {}

  /**
   * Parses {@code sql} with one grammar rule.
   *
   * @param sql the text, not null
   * @param rule the rule to run, for example {@code SqlBaseParser::singleStatement}
   * @return the parse tree
   * @throws ParseException (sneakily) on a syntax error, carrying the command text
   */
  public static <T> T parse(String sql, Function<SqlBaseParser, T> rule) {
    SqlBaseLexer lexer = new SqlBaseLexer(new UpperCaseCharStream(CharStreams.fromString(sql)));
    lexer.removeErrorListeners();
    lexer.addErrorListener(ParseErrorListener$.MODULE$);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    SqlBaseParser parser = new SqlBaseParser(tokens);
    parser.addParseListener(PostProcessor$.MODULE$);
    parser.removeErrorListeners();
    parser.addErrorListener(ParseErrorListener$.MODULE$);
    parser.legacy_setops_precedence_enabled = false;
    parser.legacy_exponent_literal_as_decimal_enabled = false;
    parser.SQL_standard_keyword_behavior = false;
    parser.double_quoted_identifiers = false;
    try {
      try {
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        return rule.apply(parser);
      } catch (ParseCancellationException sllFailed) {
        tokens.seek(0);
        parser.reset();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new SparkParserErrorStrategy());
        return rule.apply(parser);
      }
    } catch (Exception e) {
      if (e instanceof ParseException pe && pe.command().isEmpty()) {
        throw Errors.<RuntimeException>sneaky(pe.withCommand(sql));
      }
      throw Errors.<RuntimeException>sneaky(e);
    }
  }
}
