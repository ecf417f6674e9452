package dev.forgeline.core.internal.graph;

import dev.forgeline.core.Condition;
import dev.forgeline.core.ConditionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parses the small condition language of HOCON {@code when} keys into a {@link Condition}.
 *
 * <pre>
 * expr    := and ( ("||" | "or") and )*
 * and     := unary ( ("&amp;&amp;" | "and") unary )*
 * unary   := ("!" | "not") unary | "(" expr ")" | "true" | "false" | test
 * test    := operand ( ("==" | "!=") value | ("in" | "not in") "[" value ("," value)* "]" )?
 * operand := "env" | "config." key
 * value   := word | "quoted" | 'quoted'
 * </pre>
 *
 * A bare {@code config.key} is a boolean key that must be true. {@code env} is the run's
 * environment; with none set, {@code env == x} is false and {@code env != x} is true. A config key
 * that is missing at run time fails the guarded steps, naming the condition.
 */
final class ConditionParser {
  /** A condition text that does not parse: what was expected and where. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int position;

    SyntaxError(String message, int position) {
      super(message);
      this.position = position;
    }
  }

  private final String text;
  private final List<String> tokens = new ArrayList<>();
  private final List<Integer> starts = new ArrayList<>();
  private int at;

  private ConditionParser(String text) {
    this.text = text;
  }

  static Condition parse(String text) throws SyntaxError {
    ConditionParser p = new ConditionParser(text);
    p.tokenize();
    if (p.tokens.isEmpty()) {
      throw new SyntaxError("the condition is empty", 0);
    }
    Function<ConditionContext, Boolean> f = p.or();
    if (p.at < p.tokens.size()) {
      throw new SyntaxError(
          "unexpected [" + p.tokens.get(p.at) + "] after a complete condition", p.pos());
    }
    return Condition.of(text.trim(), f::apply);
  }

  private void tokenize() throws SyntaxError {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if ("()[],".indexOf(c) >= 0) {
        add(String.valueOf(c), i);
        i++;
      } else if (text.startsWith("==", i)
          || text.startsWith("!=", i)
          || text.startsWith("&&", i)
          || text.startsWith("||", i)) {
        add(text.substring(i, i + 2), i);
        i += 2;
      } else if (c == '!') {
        add("!", i);
        i++;
      } else if (c == '"' || c == '\'') {
        int end = text.indexOf(c, i + 1);
        if (end < 0) {
          throw new SyntaxError("a quoted value is not closed", i);
        }
        add(text.substring(i, end + 1), i);
        i = end + 1;
      } else if (Character.isLetterOrDigit(c) || "_.-".indexOf(c) >= 0) {
        int s = i;
        while (i < text.length()
            && (Character.isLetterOrDigit(text.charAt(i)) || "_.-".indexOf(text.charAt(i)) >= 0)) {
          i++;
        }
        add(text.substring(s, i), s);
      } else {
        throw new SyntaxError("unexpected character [" + c + "]", i);
      }
    }
  }

  private void add(String token, int start) {
    tokens.add(token);
    starts.add(start);
  }

  private int pos() {
    return at < starts.size() ? starts.get(at) : text.length();
  }

  private String peek() {
    return at < tokens.size() ? tokens.get(at) : null;
  }

  private boolean accept(String... options) {
    String t = peek();
    for (String o : options) {
      if (o.equals(t)) {
        at++;
        return true;
      }
    }
    return false;
  }

  private Function<ConditionContext, Boolean> or() throws SyntaxError {
    Function<ConditionContext, Boolean> left = and();
    while (accept("||", "or")) {
      Function<ConditionContext, Boolean> l = left;
      Function<ConditionContext, Boolean> r = and();
      left = c -> l.apply(c) || r.apply(c);
    }
    return left;
  }

  private Function<ConditionContext, Boolean> and() throws SyntaxError {
    Function<ConditionContext, Boolean> left = unary();
    while (accept("&&", "and")) {
      Function<ConditionContext, Boolean> l = left;
      Function<ConditionContext, Boolean> r = unary();
      left = c -> l.apply(c) && r.apply(c);
    }
    return left;
  }

  private Function<ConditionContext, Boolean> unary() throws SyntaxError {
    if (accept("!", "not")) {
      Function<ConditionContext, Boolean> inner = unary();
      return c -> !inner.apply(c);
    }
    if (accept("(")) {
      Function<ConditionContext, Boolean> inner = or();
      expect(")");
      return inner;
    }
    if (accept("true")) {
      return c -> true;
    }
    if (accept("false")) {
      return c -> false;
    }
    return test();
  }

  private Function<ConditionContext, Boolean> test() throws SyntaxError {
    String t = peek();
    if (t == null) {
      throw new SyntaxError("the condition ends where env or config.<key> was expected", pos());
    }
    Function<ConditionContext, String> operand;
    boolean config;
    if (t.equals("env")) {
      operand = c -> c.environment().orElse(null);
      config = false;
    } else if (t.startsWith("config.") && t.length() > "config.".length()) {
      String key = t.substring("config.".length());
      operand = c -> c.configValue(key);
      config = true;
    } else {
      throw new SyntaxError("expected env or config.<key> but found [" + t + "]", pos());
    }
    at++;
    if (accept("==")) {
      String v = value();
      return c -> v.equals(operand.apply(c));
    }
    if (accept("!=")) {
      String v = value();
      return c -> !v.equals(operand.apply(c));
    }
    boolean negated = false;
    if ("not".equals(peek()) && at + 1 < tokens.size() && "in".equals(tokens.get(at + 1))) {
      at++;
      negated = true;
    }
    if (accept("in")) {
      List<String> values = list();
      boolean neg = negated;
      return c -> values.contains(operand.apply(c)) != neg;
    }
    if (!config) {
      throw new SyntaxError("env must be compared: env == x, env != x or env in [x, y]", pos());
    }
    return c -> Boolean.parseBoolean(operand.apply(c));
  }

  private List<String> list() throws SyntaxError {
    expect("[");
    List<String> values = new ArrayList<>();
    values.add(value());
    while (accept(",")) {
      values.add(value());
    }
    expect("]");
    return List.copyOf(values);
  }

  private String value() throws SyntaxError {
    String t = peek();
    if (t == null || "()[],".contains(t) || t.equals("==") || t.equals("!=")) {
      throw new SyntaxError(
          "expected a value" + (t == null ? " but the condition ends" : " but found [" + t + "]"),
          pos());
    }
    at++;
    if (t.startsWith("\"") || t.startsWith("'")) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }

  private void expect(String token) throws SyntaxError {
    if (!accept(token)) {
      throw new SyntaxError(
          "expected ["
              + token
              + "]"
              + (peek() == null ? " but the condition ends" : " but found [" + peek() + "]"),
          pos());
    }
  }
}
