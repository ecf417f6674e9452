package dev.forgeline.core.spi;

import dev.forgeline.core.report.ValidationResult;
import java.util.Optional;

/**
 * The running step's channel for facts that belong in its {@link
 * dev.forgeline.core.report.StepResult}: rows written, table versions, validation figures and
 * free-form metadata. Connectors, validation and factories record into it from the step's worker
 * thread; outside a step {@link #current()} is empty.
 *
 * <pre>{@code
 * StepContext.current().ifPresent(c -> c.putMetadata("source.file", path));
 * }</pre>
 *
 * @since 0.1.0
 */
public abstract class StepContext {
  private static final ThreadLocal<StepContext> CURRENT = new ThreadLocal<>();

  /** For the engine: subclasses live in Forgeline's own packages. */
  protected StepContext() {}

  /** The step running on this thread, if any. */
  public static Optional<StepContext> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Makes {@code context} current on this thread; null clears it. For the engine. */
  protected static void bind(StepContext context) {
    if (context == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(context);
    }
  }

  /** The step. */
  public abstract StepInfo step();

  /** Adds {@code rows} to the rows the step wrote. */
  public abstract void recordRowsWritten(long rows);

  /** Records that the step's write produced {@code version} of {@code table} (a path or name). */
  public abstract void recordTableVersion(String table, long version);

  /** Records the validation figures of the step's output (the latest call wins). */
  public abstract void recordValidation(ValidationResult result);

  /** Records a fact; a later value for the same key replaces the earlier one. */
  public abstract void putMetadata(String key, String value);
}
