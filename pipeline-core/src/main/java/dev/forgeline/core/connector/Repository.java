package dev.forgeline.core.connector;

import dev.forgeline.core.internal.cache.TableReads;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Typed access to the data of one {@link Connector}, with Spark's bean encoder: columns map to the
 * bean's properties by name.
 *
 * <pre>{@code
 * Repository<CustomerTotal> totals = connectors.get("gold-customer-totals")
 *     .repository(CustomerTotal.class);
 * totals.upsert(todays);                                  // MERGE on the connector's keys
 * Dataset<CustomerTotal> big = totals.findBy(col("revenue").gt(1000));
 * }</pre>
 *
 * @param <T> a JavaBean class with a public no-argument constructor and getters and setters
 * @since 0.1.0
 */
public final class Repository<T> {
  private final Connector connector;
  private final Class<T> type;
  private final Encoder<T> encoder;

  Repository(Connector connector, Class<T> type) {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.type = Objects.requireNonNull(type, "type");
    this.encoder = Encoders.bean(type);
  }

  /** The bean encoder. */
  public Encoder<T> encoder() {
    return encoder;
  }

  /** Every row, typed. */
  public Dataset<T> findAll() {
    Dataset<Row> rows = connector.read();
    Dataset<T> typed = rows.as(encoder);
    String table = TableReads.deltaPathOf(rows);
    if (table != null) {
      TableReads.deltaRead(typed, table);
    }
    return typed;
  }

  /** The rows matching {@code condition}, typed. */
  public Dataset<T> findBy(Column condition) {
    Objects.requireNonNull(condition, "condition");
    return connector.read().filter(condition).as(encoder);
  }

  /** Writes {@code data} with the connector's save mode. */
  public void save(Dataset<T> data) {
    connector.write(data);
  }

  /**
   * Merges {@code data} into a Delta connector on its {@code keys}: matching rows are updated,
   * others inserted, in one Delta commit. Creates the table when it does not exist yet.
   *
   * @throws ConnectorException when the connector is not Delta, declares no keys, or the merge
   *     fails
   */
  public void upsert(Dataset<T> data) {
    Objects.requireNonNull(data, "data");
    ConnectorSpec spec = connector.spec();
    if (spec.type() != ConnectorType.DELTA) {
      throw ConnectorException.unsupported(
          spec, "upsert", "upserts need type = delta; use save(...) for " + spec.type().label());
    }
    if (spec.keys().isEmpty()) {
      throw ConnectorException.unsupported(
          spec, "upsert without key columns", "declare keys = [col, ...] in " + spec.configPath());
    }
    try {
      String hook = BackendUpsert.hook(connector.session());
      if (hook != null) {
        BackendUpsert.upsert(hook, connector.session(), spec, data.toDF());
      } else {
        DeltaMerge.upsert(connector.session(), spec, data.toDF());
      }
      DeltaCommits.record(connector.session(), spec);
    } catch (NoClassDefFoundError e) {
      throw ConnectorException.failed(
          "upsert (is delta-spark io.delta:delta-spark_2.13 on the" + " classpath?)",
          spec,
          connector.secrets(),
          e);
    } catch (ConnectorException e) {
      throw e;
    } catch (Exception e) { // Spark's AnalysisException and JDBC's SQLException are checked
      throw ConnectorException.failed("upsert", spec, connector.secrets(), e);
    }
  }

  @Override
  public String toString() {
    return "Repository[" + type.getSimpleName() + " over " + connector.name() + "]";
  }
}
