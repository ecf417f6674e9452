package dev.forgeline.examples.medallion;

import static org.apache.spark.sql.functions.current_timestamp;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import dev.forgeline.core.Factory;
import dev.forgeline.core.connector.Connector;
import dev.forgeline.core.connector.Connectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Copies one raw CSV source into its bronze Delta table, as is plus an ingest time. The pipeline
 * includes it three times through {@link BronzeTemplate}; each instance learns its source and
 * target connector names from its own Guice module.
 */
public final class BronzeIngest implements Factory<Dataset<Row>> {
  private final Connector source;
  private final Connector target;
  private Dataset<Row> raw;

  @Inject
  BronzeIngest(
      Connectors connectors,
      @Named("bronze.source") String source,
      @Named("bronze.target") String target) {
    this.source = connectors.get(source);
    this.target = connectors.get(target);
  }

  @Override
  public void read() {
    raw = source.read().withColumn("_ingested_at", current_timestamp());
  }

  @Override
  public void write() {
    target.write(raw);
  }

  @Override
  public Dataset<Row> get() {
    return target.read();
  }
}
