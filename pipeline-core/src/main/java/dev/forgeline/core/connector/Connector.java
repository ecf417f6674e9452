package dev.forgeline.core.connector;

import dev.forgeline.core.config.Secrets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A named source or sink declared in HOCON, reading and writing with Spark's own DataFrameReader
 * and DataFrameWriter. Factories inject one by name:
 *
 * <pre>{@code
 * public final class IngestOrders implements Factory<Dataset<Row>> {
 *   @Inject @Named("orders-csv") Connector source;
 *   @Inject @Named("bronze-orders") Connector sink;
 *   private Dataset<Row> orders;
 *
 *   @Override public void read() { orders = source.read(); }
 *   @Override public void write() { sink.write(orders); }
 *   @Override public Dataset<Row> get() { return orders; }
 * }
 * }</pre>
 *
 * <p>Failures throw {@link ConnectorException} naming the connector and the key to change, with
 * secrets redacted. Thread-safe: it holds no state besides its spec.
 *
 * @since 0.1.0
 */
public final class Connector {
  private final ConnectorSpec spec;
  private final Supplier<SparkSession> spark;
  private final Secrets secrets;

  /** A connector for {@code spec} using the session {@code spark} supplies on first I/O. */
  public Connector(ConnectorSpec spec, Supplier<SparkSession> spark, Secrets secrets) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.spark = Objects.requireNonNull(spark, "spark");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** The declaration. */
  public ConnectorSpec spec() {
    return spec;
  }

  /** The connector's name. */
  public String name() {
    return spec.name();
  }

  /**
   * Reads the data. Path problems (a missing path) and connection problems (a JDBC URL that cannot
   * connect) surface here, as Spark resolves the source eagerly.
   *
   * @throws ConnectorException naming the connector when Spark cannot read it
   */
  public Dataset<Row> read() {
    try {
      SparkSession session = session();
      if (spec.type() == ConnectorType.TABLE
          || (spec.type() == ConnectorType.DELTA && spec.table().isPresent())) {
        return session.read().options(spec.options()).table(spec.table().orElseThrow());
      }
      DataFrameReader reader = session.read().format(spec.type().label()).options(jdbcOptions());
      return spec.path().isPresent() ? reader.load(spec.path().get()) : reader.load();
    } catch (Exception e) { // Spark's AnalysisException and JDBC's SQLException are checked
      throw ConnectorException.failed("read", spec, secrets, e);
    }
  }

  /**
   * Writes {@code data} with the connector's save mode, options and partition columns.
   *
   * @throws ConnectorException naming the connector when Spark cannot write it
   */
  public void write(Dataset<?> data) {
    Objects.requireNonNull(data, "data");
    try {
      DataFrameWriter<?> writer = data.write().mode(spec.saveMode()).options(jdbcOptions());
      if (!spec.partitionBy().isEmpty()) {
        writer = writer.partitionBy(spec.partitionBy().toArray(String[]::new));
      }
      if (spec.type() == ConnectorType.TABLE) {
        writer.saveAsTable(spec.table().orElseThrow());
      } else if (spec.type() == ConnectorType.DELTA && spec.table().isPresent()) {
        writer.format("delta").saveAsTable(spec.table().get());
      } else {
        writer = writer.format(spec.type().label());
        if (spec.path().isPresent()) {
          writer.save(spec.path().get());
        } else {
          writer.save();
        }
      }
      if (spec.type() == ConnectorType.DELTA) {
        DeltaCommits.record(session(), spec);
      }
    } catch (Exception e) { // Spark's AnalysisException and JDBC's SQLException are checked
      throw ConnectorException.failed("write", spec, secrets, e);
    }
  }

  /** A typed repository over this connector with a bean encoder for {@code type}. */
  public <T> Repository<T> repository(Class<T> type) {
    return new Repository<>(this, type);
  }

  SparkSession session() {
    SparkSession s = spark.get();
    if (s == null) {
      throw new IllegalStateException(
          "Connector ["
              + spec.name()
              + "] has no Spark session:"
              + " give the pipeline one with spark(...) or bind SparkSession in a module");
    }
    return s;
  }

  Secrets secrets() {
    return secrets;
  }

  private Map<String, String> jdbcOptions() {
    if (spec.type() != ConnectorType.JDBC) {
      return spec.options();
    }
    Map<String, String> o = new java.util.LinkedHashMap<>(spec.options());
    spec.url().ifPresent(u -> o.put("url", u));
    spec.table().ifPresent(t -> o.put("dbtable", t));
    return o;
  }

  /** The connector's one-line description; secrets masked. */
  @Override
  public String toString() {
    return "Connector[" + spec.describe(secrets) + "]";
  }
}
