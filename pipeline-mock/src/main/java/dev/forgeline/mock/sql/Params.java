package dev.forgeline.mock.sql;

import dev.forgeline.mock.engine.Errors;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.PosParameterLiteralContext;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.ColumnNode;

/**
 * The arguments of {@code spark.sql(query, args)}: named ({@code :name}) or positional ({@code ?},
 * numbered in text order), turned into literals as {@code functions.lit} types them.
 */
final class Params {
  private final Map<String, Object> named;
  private final List<Object> positional;
  private final Map<ParserRuleContext, Integer> order = new IdentityHashMap<>();

  private Params(Map<String, Object> named, List<Object> positional) {
    this.named = named;
    this.positional = positional;
  }

  static Params none() {
    return new Params(Map.of(), List.of());
  }

  static Params named(Map<String, Object> args) {
    return new Params(args, List.of());
  }

  static Params positional(List<Object> args) {
    return new Params(Map.of(), args);
  }

  /** Numbers the positional markers of a statement in text order. */
  void index(ParseTree tree) {
    if (tree instanceof PosParameterLiteralContext p) {
      order.put(p, order.size());
    }
    for (int i = 0; i < tree.getChildCount(); i++) {
      index(tree.getChild(i));
    }
  }

  ColumnNode value(String name, ParserRuleContext ctx) {
    if (name != null) {
      if (!named.containsKey(name)) {
        throw Errors.analysis("UNBOUND_SQL_PARAMETER", "name", name);
      }
      return literal(named.get(name));
    }
    Integer i = order.get(ctx);
    if (i == null || i >= positional.size()) {
      throw Errors.analysis("UNBOUND_SQL_PARAMETER", "name", "_" + ctx.start.getStartIndex());
    }
    return literal(positional.get(i));
  }

  private static ColumnNode literal(Object v) {
    if (v instanceof Column c) {
      return c.node();
    }
    return functions.lit(v).node();
  }
}
