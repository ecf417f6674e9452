package dev.forgeline.core.connector;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of connector: file formats read and written at a path, Delta at a path or as a table,
 * JDBC, a table of the session's catalog, and rows in memory for tests.
 *
 * @since 0.1.0
 */
public enum ConnectorType {
  /** CSV files at a path. */
  CSV("csv"),
  /** JSON lines at a path. */
  JSON("json"),
  /** Parquet files at a path. */
  PARQUET("parquet"),
  /** A Delta table at a path or in the catalog; supports upserts. */
  DELTA("delta"),
  /** A table or query of a JDBC database. */
  JDBC("jdbc"),
  /** A table of the session's catalog, in whatever format the catalog knows. */
  TABLE("table"),
  /**
   * Rows held in memory: declared in HOCON ({@code schema} and {@code rows}) or given by a test;
   * writes replace or append to them. For tests and examples, not for data of any size.
   */
  MEMORY("memory");

  private final String label;

  ConnectorType(String label) {
    this.label = label;
  }

  /** The name used in HOCON and as Spark's format, for example {@code parquet}. */
  public String label() {
    return label;
  }

  /** The type named {@code label}, ignoring case. */
  public static Optional<ConnectorType> of(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.label.equals(l)).findFirst();
  }

  /** Every label, for error messages. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(ConnectorType::label).toList();
  }
}
