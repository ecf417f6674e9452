/**
 * Connectors declared in HOCON by name (csv, json, parquet, delta, jdbc, catalog table) and the
 * typed {@link dev.forgeline.core.connector.Repository} over them. {@link
 * dev.forgeline.core.connector.Connectors} is the entry point: a registry built from {@code
 * forgeline.connectors}, bound in Guice by {@code ConfigModule} so factories inject a connector
 * with {@code @Named("orders") Connector}. Spark's DataFrameReader and DataFrameWriter do the I/O.
 */
package dev.forgeline.core.connector;
