package dev.forgeline.mock.engine;

import dev.forgeline.mock.MockHeapExhaustedException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs the memory-hungry steps of joins and sorts so that a too large input fails with {@link
 * MockHeapExhaustedException} naming the operation and the row count, not with a bare {@link
 * OutOfMemoryError}. Two checks: before the work, an estimate of its working set against the whole
 * heap (an input that could never fit fails at once, with nothing allocated); during the work, an
 * {@link OutOfMemoryError} is caught once the work's own structures are unreachable and rethrown as
 * the named error.
 *
 * <p>Tests inject a smaller heap limit for the current thread with {@link #withLimit}, so the
 * estimate path is tested without filling the shared test JVM's heap.
 */
public final class HeapGuard {
  private static final ThreadLocal<Long> LIMIT = new ThreadLocal<>();

  private HeapGuard() {}

  /**
   * Runs {@code work}, an operation over {@code rows} input rows whose working set is about {@code
   * bytesPerRow} per row.
   */
  public static <T> T run(String operation, long rows, long bytesPerRow, Supplier<T> work) {
    long limit = limit();
    long estimate = rows * bytesPerRow;
    if (estimate > limit) {
      throw new MockHeapExhaustedException(
          operation,
          rows,
          limit,
          String.format(
              Locale.ROOT,
              "its working set alone needs about %,d MB (%d bytes per row)",
              estimate >> 20,
              bytesPerRow),
          null);
    }
    try {
      return work.get();
    } catch (OutOfMemoryError e) {
      throw new MockHeapExhaustedException(
          operation, rows, limit, "the heap ran out (" + e.getMessage() + ")", e);
    }
  }

  /** Runs {@code body} on this thread with the heap limit set to {@code bytes}. */
  static <T> T withLimit(long bytes, Supplier<T> body) {
    Long old = LIMIT.get();
    LIMIT.set(bytes);
    try {
      return body.get();
    } finally {
      if (old == null) {
        LIMIT.remove();
      } else {
        LIMIT.set(old);
      }
    }
  }

  private static long limit() {
    Long injected = LIMIT.get();
    return injected != null ? injected : Runtime.getRuntime().maxMemory();
  }
}
