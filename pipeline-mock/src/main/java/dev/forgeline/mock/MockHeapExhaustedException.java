package dev.forgeline.mock;

import java.util.Locale;

/**
 * Raised by the mock backend when a join or sort does not fit in the JVM heap, instead of a bare
 * {@link OutOfMemoryError} from deep inside the engine. The mock holds every row of a query on the
 * heap; it is meant for test data up to about a million rows (see docs/mock.md).
 *
 * <p>The message reads {@code [MOCK_HEAP_EXHAUSTED] sort of 2,000,000 input rows does not fit in
 * the heap (max 64 MB): ...} followed by a hint. When the heap really ran out, the {@link
 * OutOfMemoryError} is the cause.
 *
 * @since 0.1.0
 */
public final class MockHeapExhaustedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The stable id that opens the message. */
  public static final String ERROR_ID = "MOCK_HEAP_EXHAUSTED";

  private final String operation;
  private final long rows;
  private final long heapMaxBytes;

  /**
   * Creates the error.
   *
   * @param operation the operation that ran out, e.g. {@code "inner join (build side)"}; not null
   * @param rows the input row count of that operation
   * @param heapMaxBytes the heap limit it ran against
   * @param found what was found: the estimate that exceeded the heap, or that the heap ran out
   * @param cause the {@link OutOfMemoryError}, or null when an estimate failed first
   */
  public MockHeapExhaustedException(
      String operation, long rows, long heapMaxBytes, String found, Throwable cause) {
    super(message(operation, rows, heapMaxBytes, found), cause);
    this.operation = operation;
    this.rows = rows;
    this.heapMaxBytes = heapMaxBytes;
  }

  private static String message(String operation, long rows, long heapMaxBytes, String found) {
    return String.format(
        Locale.ROOT,
        "[%s] %s of %,d input rows does not fit in the heap (max %,d MB): %s. Hint: the mock keeps"
            + " every row in memory and is meant for test data up to about a million rows; raise"
            + " the test JVM's -Xmx, use a smaller fixture, or run this test on a local"
            + " SparkSession, which spills to disk.",
        ERROR_ID,
        operation,
        rows,
        heapMaxBytes >> 20,
        found);
  }

  /**
   * The operation that ran out of heap.
   *
   * @return e.g. {@code "sort"} or {@code "left join (build side)"}; never null
   */
  public String operation() {
    return operation;
  }

  /**
   * The input row count of the operation.
   *
   * @return a count of rows
   */
  public long rows() {
    return rows;
  }

  /**
   * The heap limit the operation ran against, in bytes.
   *
   * @return the limit
   */
  public long heapMaxBytes() {
    return heapMaxBytes;
  }
}
