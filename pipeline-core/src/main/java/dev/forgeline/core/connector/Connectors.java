package dev.forgeline.core.connector;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import dev.forgeline.core.config.Secrets;
import dev.forgeline.core.error.ConfigurationException;
import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Every connector declared under {@code forgeline.connectors}, by name: the entry point of this
 * package. {@code ConfigModule} binds it in Guice, and each connector as {@code @Named(name)
 * Connector}.
 *
 * <pre>{@code
 * Connectors connectors = Connectors.fromConfig(config, () -> spark);
 * Dataset<Row> orders = connectors.get("orders").read();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Connectors {
  private final Map<String, Connector> byName;

  private Connectors(Map<String, Connector> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /**
   * The connectors of {@code config}; the session is asked for on first I/O, not here.
   *
   * @throws ConfigurationException listing every connector that is not valid
   */
  public static Connectors fromConfig(Config config, Supplier<SparkSession> spark) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(spark, "spark");
    List<Problem> problems = new ArrayList<>();
    Map<String, ConnectorSpec> specs = ConnectorSpec.readAll(config, problems);
    Secrets secrets = Secrets.of(config);
    Map<String, Connector> byName = new LinkedHashMap<>();
    for (ConnectorSpec spec : specs.values()) {
      if (spec.type() == ConnectorType.MEMORY) {
        String at = ConnectorSpec.CONFIG_PATH + "." + ConfigUtil.quoteString(spec.name());
        MemoryRows rows = MemoryRows.read(config.getConfig(at), spec.configPath(), problems);
        byName.put(spec.name(), new Connector(spec, spark, secrets, rows));
      } else {
        byName.put(spec.name(), new Connector(spec, spark, secrets));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return new Connectors(byName);
  }

  /**
   * A copy where connector {@code name} reads what {@code source} returns for the session instead
   * of its declared data; writes and everything else stay as declared. Tests use it to feed a
   * factory without touching files or databases.
   *
   * @throws ConnectorException when no connector {@code name} is declared
   */
  public Connectors withSource(String name, Function<SparkSession, Dataset<Row>> source) {
    Objects.requireNonNull(source, "source");
    Connector old = get(name);
    Map<String, Connector> copy = new LinkedHashMap<>(byName);
    copy.put(name, old.withSource(source));
    return new Connectors(copy);
  }

  /**
   * The connector called {@code name}.
   *
   * @throws ConnectorException listing the declared names (and close ones) when there is none
   */
  public Connector get(String name) {
    Objects.requireNonNull(name, "name");
    Connector c = byName.get(name);
    if (c == null) {
      throw ConnectorException.unknown(name, byName.keySet());
    }
    return c;
  }

  /** The declared names, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }

  /** One line per connector, secrets masked. */
  public List<String> describe() {
    return byName.values().stream().map(c -> c.spec().describe(c.secrets())).toList();
  }
}
