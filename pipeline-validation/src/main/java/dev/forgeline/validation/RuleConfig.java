package dev.forgeline.validation;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.forgeline.core.error.Problem;
import dev.forgeline.validation.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rules and validators declared in HOCON, so each environment can carry its own. A validator
 * section holds {@code rules}, a list of objects with a {@code type} and its keys, and the optional
 * {@code lazy}, {@code sample-size} and {@code quarantine-column}:
 *
 * <pre>
 * validation.orders {
 *   lazy = true
 *   rules = [
 *     { type = not-null, column = id }
 *     { type = range, column = amount, min = 0, max = 10000, action = drop, threshold = 0.98 }
 *     { type = in, column = status, values = [paid, open], action = warn }
 *     { type = regex, column = email, pattern = "^[^@]+@[^@]+$", allow-null = true }
 *     { type = unique, columns = [id] }
 *     { type = references, columns = [customer], reference = customers, reference-columns = [id] }
 *     { type = expression, name = "shipped after ordered", sql = "shipped_at >= ordered_at" }
 *   ]
 * }
 * </pre>
 *
 * <p>Every rule takes {@code name} (defaulted as in {@link Rule}), {@code action} ({@code warn},
 * {@code drop}, {@code fail}; fail by default), {@code threshold} and {@code allow-null}. Types:
 * {@code not-null}, {@code range} ({@code min}, {@code max}, {@code min-inclusive}, {@code
 * max-inclusive}, inclusive by default), {@code in} and {@code not-in} ({@code values}), {@code
 * regex} ({@code pattern}), {@code length} ({@code min}, {@code max}), {@code unique} ({@code
 * columns}), {@code references} ({@code columns}, {@code reference} naming a Dataset given by the
 * caller, {@code reference-columns}) and {@code expression} ({@code name}, {@code sql}). Every
 * problem in the list is reported at once, each with its key and file position.
 *
 * @since 0.1.0
 */
public final class RuleConfig {
  private static final List<String> COMMON = List.of("type", "name", "action", "threshold");
  private static final Map<String, List<String>> KEYS =
      Map.of(
          "not-null", List.of("column"),
          "range", List.of("column", "min", "max", "min-inclusive", "max-inclusive", "allow-null"),
          "in", List.of("column", "values", "allow-null"),
          "not-in", List.of("column", "values", "allow-null"),
          "regex", List.of("column", "pattern", "allow-null"),
          "length", List.of("column", "min", "max", "allow-null"),
          "unique", List.of("columns", "allow-null"),
          "references", List.of("columns", "reference", "reference-columns", "allow-null"),
          "expression", List.of("sql"));
  private static final Set<String> VALIDATOR_KEYS =
      Set.of("rules", "lazy", "sample-size", "quarantine-column");

  private RuleConfig() {}

  /**
   * The rules of the list at {@code path}.
   *
   * @param references the Datasets that {@code references} rules may name
   * @throws InvalidRulesException listing every malformed rule
   */
  public static List<Rule> rules(Config config, String path, Map<String, Dataset<Row>> references) {
    List<Problem> problems = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    ConfigList list;
    try {
      list = config.getList(path);
    } catch (ConfigException e) {
      throw new InvalidRulesException(keyProblem(path, e.getMessage(), "A list of rule objects."));
    }
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      ConfigValue v = list.get(i);
      if (v.valueType() != ConfigValueType.OBJECT) {
        problems.add(keyProblem(at, "a rule must be an object, found " + v.valueType(), ""));
        continue;
      }
      try {
        rules.add(rule(((ConfigObject) v).toConfig(), at, references));
      } catch (InvalidRulesException e) {
        for (Problem p : e.problems()) {
          List<String> found = new ArrayList<>(p.found());
          found.add("in: " + v.origin().description());
          problems.add(new Problem(p.id(), p.message(), p.place(), found, p.hint()));
        }
      } catch (ConfigException e) {
        problems.add(keyProblem(at, e.getMessage(), "See the rule keys in docs/validation.md."));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRulesException(problems);
    }
    return rules;
  }

  /**
   * The validator of the section at {@code path}: its {@code rules} and options.
   *
   * @throws InvalidRulesException listing every malformed rule or key
   */
  public static Validator validator(
      Config config, String path, Map<String, Dataset<Row>> references) {
    Config section = config.getConfig(path);
    for (String key : section.root().keySet()) {
      if (!VALIDATOR_KEYS.contains(key)) {
        throw new InvalidRulesException(unknownKey(path + "." + key, key, VALIDATOR_KEYS));
      }
    }
    Validator.Builder b = Validator.builder().rules(rules(section, "rules", references));
    if (section.hasPath("lazy")) {
      b.lazy(section.getBoolean("lazy"));
    }
    if (section.hasPath("sample-size")) {
      b.sampleSize(section.getInt("sample-size"));
    }
    if (section.hasPath("quarantine-column")) {
      b.quarantineColumn(section.getString("quarantine-column"));
    }
    return b.build();
  }

  private static Rule rule(Config c, String at, Map<String, Dataset<Row>> references) {
    if (!c.hasPath("type")) {
      throw new InvalidRulesException(
          keyProblem(at + ".type", "a rule needs a type", "One of " + KEYS.keySet() + "."));
    }
    String type = c.getString("type");
    List<String> allowed = KEYS.get(type);
    if (allowed == null) {
      throw new InvalidRulesException(unknownValue(at + ".type", type, KEYS.keySet()));
    }
    List<Problem> problems = new ArrayList<>();
    List<String> known = new ArrayList<>(COMMON);
    known.addAll(allowed);
    for (String key : c.root().keySet()) {
      if (!known.contains(key)) {
        problems.add(unknownKey(at + "." + key, key, known));
      }
    }
    for (String key : allowed) {
      boolean optional =
          key.endsWith("-inclusive") || key.equals("allow-null") || isBound(type, key);
      if (!optional && !c.hasPath(key)) {
        problems.add(keyProblem(at + "." + key, "a " + type + " rule needs [" + key + "]", ""));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRulesException(problems);
    }
    Rule r = build(type, c, at, references);
    if (c.hasPath("name")) {
      r = r.named(c.getString("name"));
    }
    if (c.hasPath("action")) {
      String a = c.getString("action");
      try {
        r = r.action(Action.valueOf(a.toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidRulesException(
            unknownValue(at + ".action", a, List.of("warn", "drop", "fail")));
      }
    }
    if (c.hasPath("threshold")) {
      double t = c.getDouble("threshold");
      if (!(t >= 0 && t <= 1)) {
        throw new InvalidRulesException(
            Problems.thresholdOutOfRange(r.name(), at + ".threshold", t));
      }
      r = r.threshold(t);
    }
    if (c.hasPath("allow-null") && c.getBoolean("allow-null")) {
      r = r.allowNull();
    }
    return r;
  }

  private static boolean isBound(String type, String key) {
    return type.equals("range") && (key.equals("min") || key.equals("max"));
  }

  private static Rule build(
      String type, Config c, String at, Map<String, Dataset<Row>> references) {
    Function<String, Object> value = k -> c.hasPath(k) ? c.getValue(k).unwrapped() : null;
    return switch (type) {
      case "not-null" -> Rule.notNull(c.getString("column"));
      case "range" ->
          Rule.range(
              c.getString("column"),
              value.apply("min"),
              !c.hasPath("min-inclusive") || c.getBoolean("min-inclusive"),
              value.apply("max"),
              !c.hasPath("max-inclusive") || c.getBoolean("max-inclusive"));
      case "in" -> Rule.in(c.getString("column"), c.getAnyRefList("values").toArray());
      case "not-in" -> Rule.notIn(c.getString("column"), c.getAnyRefList("values").toArray());
      case "regex" -> Rule.matches(c.getString("column"), c.getString("pattern"));
      case "length" -> Rule.length(c.getString("column"), c.getInt("min"), c.getInt("max"));
      case "unique" -> Rule.unique(c.getStringList("columns").toArray(new String[0]));
      case "references" -> {
        String name = c.getString("reference");
        Dataset<Row> ref = references.get(name);
        if (ref == null) {
          throw new InvalidRulesException(
              unknownValue(at + ".reference", name, references.keySet()));
        }
        yield Rule.references(
            c.getStringList("columns"), ref, c.getStringList("reference-columns"));
      }
      case "expression" -> {
        if (!c.hasPath("name")) {
          throw new InvalidRulesException(
              keyProblem(at + ".name", "an expression rule needs a name", ""));
        }
        yield Rule.expression(c.getString("name"), c.getString("sql"));
      }
      default -> throw new IllegalStateException("type checked above: " + type);
    };
  }

  private static Problem keyProblem(String key, String what, String hint) {
    return new Problem(
        ValidationError.INVALID_RULE_CONFIG, what, "key [" + key + "]", List.of(), hint);
  }

  private static Problem unknownKey(String key, String name, java.util.Collection<String> known) {
    List<String> near = Names.near(name, known);
    return new Problem(
        ValidationError.INVALID_RULE_CONFIG,
        "unknown key [" + name + "]",
        "key [" + key + "]",
        List.of("known keys: " + known.stream().sorted().toList()),
        near.isEmpty() ? "Remove it." : "Did you mean " + near + "?");
  }

  private static Problem unknownValue(
      String key, String value, java.util.Collection<String> known) {
    List<String> near = Names.near(value, known);
    return new Problem(
        ValidationError.INVALID_RULE_CONFIG,
        "unknown value [" + value + "]",
        "key [" + key + "]",
        List.of("known values: " + known.stream().sorted().toList()),
        near.isEmpty() ? "Use one of the known values." : "Did you mean " + near + "?");
  }
}
