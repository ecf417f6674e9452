package dev.forgeline.core.internal.exec;

import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.report.ValidationResult;
import dev.forgeline.core.spi.StepContext;
import dev.forgeline.core.spi.StepInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The facts recorded during one attempt of a step; bound to the worker thread while it runs. */
final class StepFacts extends StepContext {
  private final StepInfo step;
  private Long rowsWritten;
  private final Map<String, Long> tableVersions = new LinkedHashMap<>();
  private ValidationResult validation;
  private final Map<String, String> metadata = new LinkedHashMap<>();

  StepFacts(StepInfo step) {
    this.step = step;
  }

  /** Makes this the current step context of the calling thread. */
  void bindToThread() {
    bind(this);
  }

  /** Clears the calling thread's step context. */
  static void unbindFromThread() {
    bind(null);
  }

  @Override
  public StepInfo step() {
    return step;
  }

  @Override
  public synchronized void recordRowsWritten(long rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows written was [" + rows + "] but must be >= 0");
    }
    rowsWritten = rowsWritten == null ? rows : rowsWritten + rows;
  }

  @Override
  public synchronized void recordTableVersion(String table, long version) {
    tableVersions.put(Objects.requireNonNull(table, "table"), version);
  }

  @Override
  public synchronized void recordValidation(ValidationResult result) {
    validation = Objects.requireNonNull(result, "result");
  }

  @Override
  public synchronized void putMetadata(String key, String value) {
    metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
  }

  /** The Delta table versions this attempt's writes committed, by table path or name. */
  synchronized Map<String, Long> tableVersions() {
    return Map.copyOf(tableVersions);
  }

  /** Starts a new attempt: facts of a failed attempt do not carry over. */
  synchronized void reset() {
    rowsWritten = null;
    tableVersions.clear();
    validation = null;
    metadata.clear();
  }

  /** Copies the facts into {@code b}. */
  synchronized StepResult.Builder fill(StepResult.Builder b) {
    return b.rowsWritten(rowsWritten)
        .tableVersions(tableVersions)
        .validation(validation)
        .metadata(metadata);
  }
}
