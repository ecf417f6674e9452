package dev.forgeline.core.connector;

import dev.forgeline.core.config.Secrets;
import dev.forgeline.core.internal.cache.TableReads;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
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
  private final Function<SparkSession, Dataset<Row>> source;
  private final AtomicReference<MemoryRows> memory;

  /** A connector for {@code spec} using the session {@code spark} supplies on first I/O. */
  public Connector(ConnectorSpec spec, Supplier<SparkSession> spark, Secrets secrets) {
    this(spec, spark, secrets, null, null);
  }

  /** A memory connector holding {@code rows} until a write replaces or extends them. */
  Connector(ConnectorSpec spec, Supplier<SparkSession> spark, Secrets secrets, MemoryRows rows) {
    this(spec, spark, secrets, null, new AtomicReference<>(rows));
  }

  private Connector(
      ConnectorSpec spec,
      Supplier<SparkSession> spark,
      Secrets secrets,
      Function<SparkSession, Dataset<Row>> source,
      AtomicReference<MemoryRows> memory) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.spark = Objects.requireNonNull(spark, "spark");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.source = source;
    this.memory = memory;
  }

  /**
   * A copy that reads what {@code source} returns for the session instead of the declared data;
   * writes stay as declared. See {@link Connectors#withSource}.
   */
  public Connector withSource(Function<SparkSession, Dataset<Row>> source) {
    return new Connector(spec, spark, secrets, Objects.requireNonNull(source, "source"), memory);
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
      if (source != null) {
        return Objects.requireNonNull(
            source.apply(session), "the source given for connector [" + spec.name() + "]");
      }
      if (memory != null) {
        MemoryRows rows = memory.get();
        return session.createDataFrame(rows.rows(), rows.schema());
      }
      if (spec.type() == ConnectorType.TABLE
          || (spec.type() == ConnectorType.DELTA && spec.table().isPresent())) {
        return session.read().options(spec.options()).table(spec.table().orElseThrow());
      }
      DataFrameReader reader = session.read().format(spec.type().label()).options(jdbcOptions());
      if (spec.path().isEmpty()) {
        return reader.load();
      }
      Dataset<Row> rows = reader.load(spec.path().get());
      if (spec.type() == ConnectorType.DELTA && spec.options().isEmpty()) {
        TableReads.deltaRead(rows, spec.path().get());
      }
      return rows;
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
    if (memory != null) {
      writeToMemory(data);
      return;
    }
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
        if (spec.path().isPresent()
            && spec.options().isEmpty()
            && "overwrite".equalsIgnoreCase(spec.saveMode())) {
          TableReads.deltaOverwrite(data, spec.path().get());
        }
      }
    } catch (Exception e) { // Spark's AnalysisException and JDBC's SQLException are checked
      throw ConnectorException.failed("write", spec, secrets, e);
    }
  }

  private void writeToMemory(Dataset<?> data) {
    Dataset<Row> df = data.toDF();
    MemoryRows incoming = new MemoryRows(df.schema(), List.copyOf(df.collectAsList()));
    memory.updateAndGet(
        old ->
            switch (spec.saveMode()) {
              case "append" -> {
                if (!old.rows().isEmpty() && !old.schema().equals(incoming.schema())) {
                  throw ConnectorException.unsupported(
                      spec,
                      "appending rows of schema ["
                          + incoming.schema().simpleString()
                          + "] to rows of schema ["
                          + old.schema().simpleString()
                          + "]",
                      "write rows of the same schema, or use save-mode = overwrite");
                }
                List<Row> all = new java.util.ArrayList<>(old.rows());
                all.addAll(incoming.rows());
                yield new MemoryRows(incoming.schema(), List.copyOf(all));
              }
              case "ignore" -> old.rows().isEmpty() ? incoming : old;
              case "errorifexists" -> {
                if (!old.rows().isEmpty()) {
                  throw ConnectorException.unsupported(
                      spec,
                      "writing over its "
                          + old.rows().size()
                          + " rows with save-mode errorifexists",
                      "set save-mode = overwrite or append");
                }
                yield incoming;
              }
              default -> incoming;
            });
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
