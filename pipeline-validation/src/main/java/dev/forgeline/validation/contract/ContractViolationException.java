package dev.forgeline.validation.contract;

import dev.forgeline.core.error.Problem;
import dev.forgeline.validation.ValidationError;
import dev.forgeline.validation.internal.Messages;
import java.util.List;

/**
 * Thrown when data does not satisfy its schema contract; the message is the readable diff.
 *
 * @since 0.1.0
 */
public final class ContractViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SchemaDiff diff;

  /** Creates the exception for a diff with at least one difference. */
  public ContractViolationException(SchemaDiff diff) {
    super(Messages.render("Schema contract violated", List.of(problem(diff))));
    this.diff = diff;
  }

  /** The differences found. */
  public SchemaDiff diff() {
    return diff;
  }

  private static Problem problem(SchemaDiff diff) {
    if (diff.matches()) {
      throw new IllegalArgumentException("a violation needs at least one difference");
    }
    return new Problem(
        ValidationError.CONTRACT_VIOLATED,
        "the schema does not satisfy contract ["
            + diff.contract()
            + "] ("
            + diff.mode().name().toLowerCase(java.util.Locale.ROOT)
            + ")",
        "contract [" + diff.contract() + "]",
        diff.differences().stream().map(Object::toString).toList(),
        diff.mode() == ContractMode.STRICT
            ? "Fix the data, update the contract, or compare in relaxed mode."
            : "Fix the data or update the contract.");
  }
}
