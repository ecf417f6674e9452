package dev.forgeline.validation.contract;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import dev.forgeline.core.error.Problem;
import dev.forgeline.validation.InvalidRulesException;
import dev.forgeline.validation.RuleConfig;
import dev.forgeline.validation.ValidationError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.DataType;

/**
 * Contract files: JSON or HOCON (JSON is HOCON, so one parser reads both) with the keys {@code
 * name}, {@code mode} ({@code strict} or {@code relaxed}), {@code columns} (objects with {@code
 * name}, {@code type} in Spark's DDL form and {@code nullable}) and optional {@code rules}.
 */
final class ContractFiles {
  private static final Set<String> TOP = Set.of("name", "mode", "columns", "rules");
  private static final Set<String> COLUMN = Set.of("name", "type", "nullable");

  private ContractFiles() {}

  static String render(SchemaContract c, boolean json) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", c.name());
    root.put("mode", c.mode().name().toLowerCase(Locale.ROOT));
    List<Object> cols = new ArrayList<>();
    for (ColumnContract col : c.columns()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", col.name());
      m.put("type", col.typeName());
      m.put("nullable", col.nullable());
      cols.add(m);
    }
    root.put("columns", cols);
    ConfigObject obj = ConfigValueFactory.fromMap(root);
    ConfigList rules =
        ConfigValueFactory.fromIterable(c.ruleConfigs().stream().map(Config::root).toList());
    obj = obj.withValue("rules", rules);
    ConfigRenderOptions opts =
        ConfigRenderOptions.defaults().setOriginComments(false).setComments(false).setJson(json);
    return obj.render(opts);
  }

  static void save(SchemaContract c, Path file) throws IOException {
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(c, json) + "\n", StandardCharsets.UTF_8);
  }

  static SchemaContract load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  static SchemaContract parse(String text, String origin) {
    Config config;
    try {
      config =
          ConfigFactory.parseString(
              text, ConfigParseOptions.defaults().setOriginDescription(origin));
    } catch (ConfigException e) {
      throw new InvalidRulesException(
          problem(origin, "", "the file cannot be parsed", e.getMessage()));
    }
    List<Problem> problems = new ArrayList<>();
    for (String key : config.root().keySet()) {
      if (!TOP.contains(key)) {
        problems.add(problem(origin, key, "unknown key [" + key + "]", "known keys: " + TOP));
      }
    }
    String name = string(config, "name", origin, problems);
    ContractMode mode = ContractMode.STRICT;
    if (config.hasPath("mode")) {
      String m = string(config, "mode", origin, problems);
      try {
        mode = ContractMode.valueOf(m.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            problem(origin, "mode", "unknown mode [" + m + "]", "known: [strict, relaxed]"));
      }
    }
    List<ColumnContract> columns = new ArrayList<>();
    if (!config.hasPath("columns")) {
      problems.add(problem(origin, "columns", "a contract needs [columns]", ""));
    } else {
      ConfigList list = config.getList("columns");
      for (int i = 0; i < list.size(); i++) {
        ColumnContract c = column(list.get(i), "columns[" + i + "]", origin, problems);
        if (c != null) {
          columns.add(c);
        }
      }
    }
    List<Config> rules = new ArrayList<>();
    if (config.hasPath("rules")) {
      for (ConfigValue v : config.getList("rules")) {
        if (v.valueType() == ConfigValueType.OBJECT) {
          rules.add(((ConfigObject) v).toConfig());
        } else {
          problems.add(problem(origin, "rules", "a rule must be an object", ""));
        }
      }
      checkRules(rules, origin, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRulesException(problems);
    }
    return SchemaContract.restore(name, mode, columns, rules);
  }

  private static ColumnContract column(
      ConfigValue v, String at, String origin, List<Problem> problems) {
    if (v.valueType() != ConfigValueType.OBJECT) {
      problems.add(problem(origin, at, "a column must be an object", "found " + v.valueType()));
      return null;
    }
    Config c = ((ConfigObject) v).toConfig();
    int before = problems.size();
    for (String key : c.root().keySet()) {
      if (!COLUMN.contains(key)) {
        problems.add(
            problem(origin, at + "." + key, "unknown key [" + key + "]", "known: " + COLUMN));
      }
    }
    String name = string(c, "name", origin, problems, at);
    String type = string(c, "type", origin, problems, at);
    boolean nullable = true;
    try {
      nullable = !c.hasPath("nullable") || c.getBoolean("nullable");
    } catch (ConfigException e) {
      problems.add(
          problem(origin, at + ".nullable", "nullable must be true or false", e.getMessage()));
    }
    DataType dataType = null;
    if (type != null) {
      try {
        dataType = DataType.fromDDL(type);
      } catch (Exception e) { // Spark's ParseException is a checked exception to Java
        problems.add(
            problem(
                origin,
                at + ".type",
                "unknown type [" + type + "]",
                "use Spark's DDL form, e.g. int, decimal(10,2)"));
      }
    }
    if (problems.size() > before || name == null || dataType == null) {
      return null;
    }
    return new ColumnContract(name, dataType, nullable);
  }

  private static void checkRules(List<Config> rules, String origin, List<Problem> out) {
    Config holder =
        ConfigFactory.empty()
            .withValue(
                "rules",
                ConfigValueFactory.fromIterable(rules.stream().map(Config::root).toList()));
    try {
      RuleConfig.rules(holder, "rules", Map.of());
    } catch (InvalidRulesException e) {
      for (Problem p : e.problems()) {
        if (!p.place().endsWith(".reference]")) {
          out.add(
              new Problem(
                  p.id(), p.message(), "file [" + origin + "], " + p.place(), p.found(), p.hint()));
        }
      }
    }
  }

  private static String string(Config c, String key, String origin, List<Problem> out) {
    return string(c, key, origin, out, "");
  }

  private static String string(Config c, String key, String origin, List<Problem> out, String at) {
    String full = at.isEmpty() ? key : at + "." + key;
    try {
      return c.getString(key);
    } catch (ConfigException.Missing e) {
      out.add(problem(origin, full, "missing key [" + key + "]", ""));
    } catch (ConfigException e) {
      out.add(problem(origin, full, "key [" + key + "] must be a string", e.getMessage()));
    }
    return null;
  }

  private static Problem problem(String origin, String key, String what, String found) {
    String place = "file [" + origin + "]" + (key.isEmpty() ? "" : ", key [" + key + "]");
    return new Problem(
        ValidationError.INVALID_CONTRACT,
        "malformed contract: " + what,
        place,
        found.isEmpty() ? List.of() : List.of("found: " + found),
        "See the contract file format in docs/validation.md.");
  }
}
