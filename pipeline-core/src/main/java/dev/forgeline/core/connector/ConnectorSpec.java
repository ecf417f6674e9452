package dev.forgeline.core.connector;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.forgeline.core.config.ConfigProblems;
import dev.forgeline.core.config.Secrets;
import dev.forgeline.core.error.Problem;
import dev.forgeline.core.error.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One connector as declared under {@code forgeline.connectors.<name>}:
 *
 * <pre>{@code
 * forgeline.connectors {
 *   orders  { type = csv, path = "data/orders.csv", options { header = true } }
 *   silver  { type = delta, path = "out/silver/orders", save-mode = overwrite,
 *             partition-by = [country], keys = [order_id] }
 *   crm     { type = jdbc, url = "jdbc:postgresql://db/crm", table = "public.customers",
 *             options { user = etl, password = ${CRM_PASSWORD} } }
 *   lookups { type = table, table = "ref.countries" }
 *   fx      { type = memory, schema = "ccy STRING, rate DOUBLE", rows = [[EUR, 1.0], [USD, 0.92]] }
 * }
 * }</pre>
 *
 * <p>{@code toString()} masks secret options.
 *
 * @param name the connector's name, the key under {@code forgeline.connectors}
 * @param type the kind of connector
 * @param path the location of file and Delta connectors
 * @param table the catalog table (table, Delta) or database table (JDBC)
 * @param url the JDBC URL
 * @param options Spark reader/writer options, in declaration order
 * @param saveMode Spark's save mode: append, overwrite, errorifexists or ignore
 * @param partitionBy partition columns for writes
 * @param keys key columns for {@link Repository#upsert}
 * @param origin where the connector was declared, {@code file:line}
 * @since 0.1.0
 */
public record ConnectorSpec(
    String name,
    ConnectorType type,
    Optional<String> path,
    Optional<String> table,
    Optional<String> url,
    Map<String, String> options,
    String saveMode,
    List<String> partitionBy,
    List<String> keys,
    String origin) {

  /** Where connectors are declared. */
  public static final String CONFIG_PATH = "forgeline.connectors";

  private static final java.util.regex.Pattern USERINFO =
      java.util.regex.Pattern.compile("(//[^/:@;?&]*:)[^@/]*@");
  private static final java.util.regex.Pattern URL_SECRET =
      java.util.regex.Pattern.compile(
          "(?i)((?:password|passwd|pwd|secret|token|access[-_]?token|api[-_]?key))=[^;&]*");
  private static final List<String> SQL_MARKERS = List.of(";", "--", "/*", "*/");

  private static final Set<String> KEYS =
      Set.of(
          "type",
          "path",
          "table",
          "url",
          "options",
          "save-mode",
          "partition-by",
          "keys",
          "schema",
          "rows");
  private static final Map<String, String> SAVE_MODES =
      Map.of(
          "append",
          "append",
          "overwrite",
          "overwrite",
          "error-if-exists",
          "errorifexists",
          "errorifexists",
          "errorifexists",
          "ignore",
          "ignore");

  /** Checks for nulls and copies the collections. */
  public ConnectorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(url, "url");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    Objects.requireNonNull(saveMode, "saveMode");
    partitionBy = List.copyOf(partitionBy);
    keys = List.copyOf(keys);
    Objects.requireNonNull(origin, "origin");
  }

  /** The config path of this connector's block. */
  public String configPath() {
    return CONFIG_PATH + "." + ConfigUtil.quoteString(name).replace("\"", "");
  }

  /** Where the data is: the path, the table, or the redacted URL and table. */
  public String location(Secrets secrets) {
    if (type == ConnectorType.JDBC) {
      return secrets.redact(maskUrl(url.orElse(""))) + table.map(t -> " table " + t).orElse("");
    }
    if (type == ConnectorType.MEMORY) {
      return "rows";
    }
    return path.orElseGet(() -> table.map(t -> "table " + t).orElse(""));
  }

  /**
   * {@code url} with the credentials a JDBC URL can carry masked: the password of {@code
   * //user:password@host} and the values of {@code password=}, {@code pwd=}, {@code secret=} and
   * {@code token=} parameters (separated by {@code ;} or {@code &}).
   */
  static String maskUrl(String url) {
    String out = USERINFO.matcher(url).replaceAll("$1" + Secrets.MASK + "@");
    return URL_SECRET.matcher(out).replaceAll("$1=" + Secrets.MASK);
  }

  /** One line for describe and dry runs; secret options masked. */
  public String describe(Secrets secrets) {
    StringBuilder b =
        new StringBuilder(name)
            .append(": ")
            .append(type.label())
            .append(' ')
            .append(location(secrets));
    if (!options.isEmpty()) {
      Map<String, String> shown = new LinkedHashMap<>();
      options.forEach((k, v) -> shown.put(k, secrets.show(k, v)));
      b.append(" options ").append(shown);
    }
    b.append(" save-mode ").append(saveMode);
    if (!partitionBy.isEmpty()) {
      b.append(" partition-by ").append(partitionBy);
    }
    if (!keys.isEmpty()) {
      b.append(" keys ").append(keys);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "ConnectorSpec[" + describe(Secrets.none()) + " at " + origin + "]";
  }

  /**
   * Reads every connector under {@value #CONFIG_PATH}, adding a problem for each one that is not
   * valid (unknown type, missing path/table/url, wrong types, unknown keys) and leaving it out.
   */
  public static Map<String, ConnectorSpec> readAll(Config config, List<Problem> problems) {
    Map<String, ConnectorSpec> specs = new TreeMap<>();
    if (!config.hasPath(CONFIG_PATH)) {
      return specs;
    }
    ConfigValue all = config.getValue(CONFIG_PATH);
    if (all.valueType() != ConfigValueType.OBJECT) {
      problems.add(
          ConfigProblems.wrongType(
              CONFIG_PATH, all.origin(), type(all), "a block of named connectors"));
      return specs;
    }
    for (String name : config.getObject(CONFIG_PATH).keySet()) {
      String at = CONFIG_PATH + "." + ConfigUtil.quoteString(name);
      int before = problems.size();
      ConnectorSpec spec = readOne(config, name, at, problems);
      if (spec != null && problems.size() == before) {
        specs.put(name, spec);
      }
    }
    return specs;
  }

  private static ConnectorSpec readOne(
      Config config, String name, String at, List<Problem> problems) {
    ConfigValue block = config.getValue(at);
    String shownAt = CONFIG_PATH + "." + name;
    if (block.valueType() != ConfigValueType.OBJECT) {
      problems.add(
          ConfigProblems.wrongType(
              shownAt,
              block.origin(),
              type(block),
              "a connector block { type = ..., path = ... }"));
      return null;
    }
    Config c = config.getConfig(at);
    for (String key : c.root().keySet()) {
      if (!KEYS.contains(key)) {
        Problem p =
            ConfigProblems.badValue(
                shownAt + "." + key,
                c.getValue(ConfigUtil.quoteString(key)).origin(),
                key,
                "one of the connector keys " + new java.util.TreeSet<>(KEYS));
        List<String> near = Suggestions.near(key, KEYS);
        problems.add(
            near.isEmpty()
                ? p
                : new Problem(
                    p.id(),
                    p.message(),
                    p.place(),
                    List.of("did you mean " + near + "?"),
                    p.hint()));
      }
    }
    if (!c.hasPath("type")) {
      problems.add(
          ConfigProblems.missingKey(
              shownAt + ".type", "one of " + ConnectorType.labels(), block.origin()));
      return null;
    }
    String typeName = string(c, "type", shownAt, problems).orElse("");
    Optional<ConnectorType> type = ConnectorType.of(typeName);
    if (type.isEmpty()) {
      problems.add(
          ConfigProblems.unknownConnectorType(
              name,
              shownAt + ".type",
              c.getValue("type").origin(),
              typeName,
              ConnectorType.labels()));
      return null;
    }
    Optional<String> path = string(c, "path", shownAt, problems);
    Optional<String> table = string(c, "table", shownAt, problems);
    Optional<String> url = string(c, "url", shownAt, problems);
    Map<String, String> options = options(c, shownAt, problems);
    String saveMode = saveMode(c, shownAt, problems);
    List<String> partitionBy = strings(c, "partition-by", shownAt, problems);
    List<String> keys = strings(c, "keys", shownAt, problems);
    ConnectorType t = type.get();
    requireLocation(t, shownAt, block.origin(), path, table, url, options, problems);
    if (t == ConnectorType.MEMORY) {
      if (!c.hasPath("schema")) {
        problems.add(
            ConfigProblems.missingKey(
                shownAt + ".schema",
                "a DDL schema such as \"id INT, name STRING\"",
                block.origin()));
      }
    } else {
      for (String key : List.of("schema", "rows")) {
        if (c.hasPath(key)) {
          problems.add(
              ConfigProblems.badValue(
                  shownAt + "." + key,
                  c.getValue(key).origin(),
                  key,
                  "left out: only connectors of type memory take schema and rows"));
        }
      }
    }
    return new ConnectorSpec(
        name,
        t,
        path,
        table,
        url,
        options,
        saveMode,
        partitionBy,
        keys,
        ConfigProblems.where(block.origin()));
  }

  private static void requireLocation(
      ConnectorType t,
      String at,
      ConfigOrigin origin,
      Optional<String> path,
      Optional<String> table,
      Optional<String> url,
      Map<String, String> options,
      List<Problem> problems) {
    switch (t) {
      case CSV, JSON, PARQUET -> {
        if (path.isEmpty()) {
          problems.add(
              ConfigProblems.missingKey(
                  at + ".path", "the location of the " + t.label() + " files", origin));
        }
      }
      case DELTA -> {
        if (path.isEmpty() == table.isEmpty()) {
          problems.add(
              path.isEmpty()
                  ? ConfigProblems.missingKey(
                      at + ".path", "a path or a table (one of them)", origin)
                  : ConfigProblems.badValue(
                      at, origin, "both path and table", "a path or a table, not both"));
        }
      }
      case TABLE -> {
        if (table.isEmpty()) {
          problems.add(ConfigProblems.missingKey(at + ".table", "a catalog table name", origin));
        }
      }
      case JDBC -> {
        if (url.isEmpty() && !options.containsKey("url")) {
          problems.add(ConfigProblems.missingKey(at + ".url", "a JDBC URL", origin));
        }
        rejectSql(at + ".table", origin, table.orElse(null), problems);
        rejectSql(at + ".options.dbtable", origin, options.get("dbtable"), problems);
        if (table.isEmpty() && !options.containsKey("dbtable") && !options.containsKey("query")) {
          problems.add(
              ConfigProblems.missingKey(
                  at + ".table", "a database table (or options.dbtable / options.query)", origin));
        }
      }
      case MEMORY -> {
        // schema and rows are read with the rows themselves (MemoryRows)
      }
      default -> throw new IllegalStateException("unhandled connector type " + t);
    }
  }

  /**
   * Spark's JDBC source splices a table name into SQL text; a name with a statement separator or a
   * comment marker is rejected. Raw SQL is an explicit opt-in: {@code options.query}.
   */
  private static void rejectSql(
      String key, ConfigOrigin origin, String name, List<Problem> problems) {
    if (name == null) {
      return;
    }
    for (String marker : SQL_MARKERS) {
      if (name.contains(marker)) {
        problems.add(
            new Problem(
                dev.forgeline.core.error.ErrorId.BAD_CONFIG_VALUE,
                "The key [" + key + "] holds SQL, not a table name.",
                "key [" + key + "] at " + ConfigProblems.where(origin),
                List.of("found: [" + name + "]", "contains: [" + marker + "]"),
                "give a table name (schema.table), or, to run your own SQL on purpose, put it in"
                    + " options.query instead of table."));
        return;
      }
    }
  }

  private static Optional<String> string(Config c, String key, String at, List<Problem> problems) {
    if (!c.hasPath(key)) {
      return Optional.empty();
    }
    ConfigValue v = c.getValue(key);
    if (v.valueType() == ConfigValueType.OBJECT || v.valueType() == ConfigValueType.LIST) {
      problems.add(ConfigProblems.wrongType(at + "." + key, v.origin(), type(v), "a string"));
      return Optional.empty();
    }
    return Optional.of(String.valueOf(v.unwrapped()));
  }

  private static Map<String, String> options(Config c, String at, List<Problem> problems) {
    Map<String, String> options = new LinkedHashMap<>();
    if (!c.hasPath("options")) {
      return options;
    }
    ConfigValue v = c.getValue("options");
    if (v.valueType() != ConfigValueType.OBJECT) {
      problems.add(
          ConfigProblems.wrongType(
              at + ".options", v.origin(), type(v), "a block of Spark options { header = true }"));
      return options;
    }
    Config o = c.getConfig("options");
    for (var e : o.entrySet()) {
      ConfigValue ov = e.getValue();
      if (ov.valueType() == ConfigValueType.LIST || ov.valueType() == ConfigValueType.OBJECT) {
        problems.add(
            ConfigProblems.wrongType(
                at + ".options." + e.getKey(),
                ov.origin(),
                type(ov),
                "a string, number or boolean"));
      } else {
        options.put(e.getKey(), String.valueOf(ov.unwrapped()));
      }
    }
    return options;
  }

  private static String saveMode(Config c, String at, List<Problem> problems) {
    Optional<String> raw = string(c, "save-mode", at, problems);
    if (raw.isEmpty()) {
      return "errorifexists";
    }
    String mode = SAVE_MODES.get(raw.get().trim().toLowerCase(Locale.ROOT));
    if (mode == null) {
      problems.add(
          ConfigProblems.badValue(
              at + ".save-mode",
              c.getValue("save-mode").origin(),
              raw.get(),
              "one of [append, overwrite, error-if-exists, ignore]"));
      return "errorifexists";
    }
    return mode;
  }

  private static List<String> strings(Config c, String key, String at, List<Problem> problems) {
    if (!c.hasPath(key)) {
      return List.of();
    }
    ConfigValue v = c.getValue(key);
    if (v.valueType() != ConfigValueType.LIST) {
      problems.add(
          ConfigProblems.wrongType(
              at + "." + key, v.origin(), type(v), "a list of column names [a, b]"));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (ConfigValue item : c.getList(key)) {
      if (item.valueType() == ConfigValueType.OBJECT || item.valueType() == ConfigValueType.LIST) {
        problems.add(
            ConfigProblems.wrongType(
                at + "." + key, item.origin(), type(item), "a list of column names [a, b]"));
      } else {
        out.add(String.valueOf(item.unwrapped()));
      }
    }
    return out;
  }

  private static String type(ConfigValue v) {
    return v.valueType().name().toLowerCase(Locale.ROOT);
  }
}
