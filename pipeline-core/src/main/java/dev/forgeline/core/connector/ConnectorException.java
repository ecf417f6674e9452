package dev.forgeline.core.connector;

import dev.forgeline.core.config.Secrets;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.Suggestions;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.SparkThrowable;

/**
 * A connector could not be found, or could not read, write or merge. The message names the
 * connector, its type, where it was declared and the config key to change; secrets are redacted
 * from the message and from every cause's message.
 *
 * @since 0.1.0
 */
public final class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorId id;
  private final String connector;

  private ConnectorException(ErrorId id, String connector, String message, Throwable cause) {
    super(id + " " + message, cause);
    this.id = id;
    this.connector = connector;
  }

  /** The stable error id: {@link ErrorId#UNKNOWN_CONNECTOR} or {@link ErrorId#CONNECTOR_FAILED}. */
  public ErrorId id() {
    return id;
  }

  /** The connector's name. */
  public String connector() {
    return connector;
  }

  static ConnectorException unknown(String name, Collection<String> known) {
    return new ConnectorException(
        ErrorId.UNKNOWN_CONNECTOR,
        name,
        "No connector ["
            + name
            + "] is declared under "
            + ConnectorSpec.CONFIG_PATH
            + "."
            + " Declared: "
            + new TreeSet<>(known)
            + "."
            + Suggestions.hint(name, known)
            + " Declare it as "
            + ConnectorSpec.CONFIG_PATH
            + "."
            + name
            + " { type = ..., path = ... }.",
        null);
  }

  static ConnectorException failed(
      String action, ConnectorSpec spec, Secrets secrets, Throwable e) {
    Throwable scrubbed = secrets.scrub(e);
    String why =
        pathNotFound(e)
            ? "the path ["
                + spec.path().orElse(spec.table().orElse(""))
                + "] does not exist; check "
                + spec.configPath()
                + (spec.path().isPresent() ? ".path" : ".table")
            : firstLine(scrubbed);
    return new ConnectorException(
        ErrorId.CONNECTOR_FAILED,
        spec.name(),
        "Connector ["
            + spec.name()
            + "] ("
            + spec.type().label()
            + " "
            + spec.location(secrets)
            + ", declared at "
            + spec.origin()
            + ") cannot "
            + action
            + ": "
            + why,
        scrubbed);
  }

  static ConnectorException unsupported(ConnectorSpec spec, String what, String hint) {
    return new ConnectorException(
        ErrorId.CONNECTOR_FAILED,
        spec.name(),
        "Connector ["
            + spec.name()
            + "] ("
            + spec.type().label()
            + ", declared at "
            + spec.origin()
            + ") does not support "
            + what
            + "; "
            + hint,
        null);
  }

  static ConnectorException badKeys(
      ConnectorSpec spec, String side, List<String> missing, List<String> columns) {
    return new ConnectorException(
        ErrorId.CONNECTOR_FAILED,
        spec.name(),
        "Connector ["
            + spec.name()
            + "] (delta, declared at "
            + spec.origin()
            + ") cannot upsert: key "
            + missing
            + " is not a column of "
            + side
            + ". Found columns: "
            + columns
            + ". Nothing was written; set "
            + spec.configPath()
            + ".keys to columns present in both the target and the incoming data.",
        null);
  }

  private static boolean pathNotFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SparkThrowable st && "PATH_NOT_FOUND".equals(st.getCondition())) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage() == null ? "" : t.getMessage();
    // Spark's messages may open with a blank line: the reason is the first line with text.
    for (String line : m.split("\\R")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return t.getClass().getName();
  }
}
