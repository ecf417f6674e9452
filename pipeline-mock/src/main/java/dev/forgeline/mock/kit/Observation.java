package dev.forgeline.mock.kit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a kit case looks at the frame its program built: collect rows, print it, count it.
 *
 * <p>Observing is where lazy backends run the program, so runtime errors surface here.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Observation {

  /**
   * Observes the frame.
   *
   * @param frame the frame the program built, never null
   * @return the outcome, never null
   */
  Outcome observe(Dataset<Row> frame);

  /** Collects the rows, compared as a multiset because the program does not order them. */
  static Observation rows() {
    return frame -> new Outcome.Table(frame.schema(), frame.collectAsList(), false);
  }

  /** Collects the rows, compared in order because the program orders them. */
  static Observation orderedRows() {
    return frame -> new Outcome.Table(frame.schema(), frame.collectAsList(), true);
  }

  /** Captures the text {@code show(numRows, truncate, vertical)} prints. */
  static Observation show(int numRows, int truncate, boolean vertical) {
    return frame ->
        new Outcome.Text(ConsoleCapture.capture(() -> frame.show(numRows, truncate, vertical)));
  }

  /**
   * Renders a value the program's action returns as text, for actions that return no rows ({@code
   * count}, {@code columns}, {@code isEmpty} ...).
   *
   * @param action the action, never null; its result is rendered with {@code String.valueOf}, lists
   *     and arrays element by element
   */
  static Observation action(Function<Dataset<Row>, ?> action) {
    Objects.requireNonNull(action, "action");
    return frame -> new Outcome.Text(render(action.apply(frame)));
  }

  private static String render(Object value) {
    if (value instanceof Object[] array) {
      return render(Arrays.asList(array));
    } else if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder();
      for (Object item : list) {
        sb.append(item instanceof Row r ? Values.row(r) : Values.value(item)).append('\n');
      }
      return sb.toString();
    } else if (value instanceof Row r) {
      return Values.row(r);
    }
    return Values.value(value);
  }
}
