package dev.forgeline.mock.kit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * What one backend produced for one kit case: a table, a text, or a failure.
 *
 * @since 0.1.0
 */
public sealed interface Outcome {

  /** A one-line summary for reports, for example {@code table(3 columns, 5 rows)}. */
  String summary();

  /**
   * Collected rows with their schema.
   *
   * @param schema the frame's schema, never null
   * @param rows the collected rows, never null
   * @param ordered whether the program orders its rows, so order is compared
   */
  record Table(StructType schema, List<Row> rows, boolean ordered) implements Outcome {
    /** Copies the rows; rejects null schema or rows. */
    public Table {
      Objects.requireNonNull(schema, "schema");
      rows = List.copyOf(rows);
    }

    @Override
    public String summary() {
      return "table(" + schema.fields().length + " columns, " + rows.size() + " rows)";
    }
  }

  /**
   * A text the program printed or returned, such as {@code show()} output.
   *
   * @param text the text, never null
   */
  record Text(String text) implements Outcome {
    /** Rejects a null text. */
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String summary() {
      return "text(" + text.lines().count() + " lines)";
    }
  }

  /**
   * An exception thrown while building or observing the frame.
   *
   * @param type the public exception class name (Spark-internal subclasses are mapped to their
   *     public parent, e.g. {@code ExtendedAnalysisException} to {@code AnalysisException})
   * @param condition Spark's error condition, or null when the exception carries none
   * @param parameters the message parameters, never null
   * @param message the exception message, never null
   */
  record Failure(String type, String condition, Map<String, String> parameters, String message)
      implements Outcome {
    /** Copies the parameters; rejects a null type. */
    public Failure {
      Objects.requireNonNull(type, "type");
      parameters = Map.copyOf(parameters);
      message = message == null ? "" : message;
    }

    @Override
    public String summary() {
      return "failure(" + type + (condition == null ? "" : " [" + condition + "]") + ")";
    }
  }
}
