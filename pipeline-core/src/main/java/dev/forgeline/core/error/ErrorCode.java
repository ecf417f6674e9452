package dev.forgeline.core.error;

import java.util.Locale;

/**
 * A stable error identifier, printed as {@code [Namespace/Label]}: the contract each module's error
 * ids implement, so the writer, validation and user modules add ids without editing core.
 *
 * <p>Ids never change meaning: match on {@link #label()} (or the enum constant) rather than on
 * message text. Register a module's ids with an {@link ErrorCatalog} so docs/errors.md can be
 * checked against them.
 *
 * <pre>{@code
 * public enum WriterError implements ErrorCode {
 *   LOG_TABLE_INCOMPATIBLE("LogTableIncompatible", "The log table's schema cannot take the rows.");
 *   ...
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface ErrorCode {
  /** The short name, unique across every module, for example {@code MissingDelivery}. */
  String label();

  /** What the id means, in one sentence; listed in docs/errors.md. */
  String description();

  /** The namespace printed before the label; {@code Forgeline} unless a user module says else. */
  default String namespace() {
    return "Forgeline";
  }

  /** The anchor of this id's section in docs/errors.md, for example {@code missingdelivery}. */
  default String docsAnchor() {
    return label().toLowerCase(Locale.ROOT);
  }

  /** The printed form, for example {@code [Forgeline/MissingDelivery]}. */
  default String tag() {
    return "[" + namespace() + "/" + label() + "]";
  }
}
