package dev.forgeline.validation.contract;

import java.util.List;

/**
 * How a schema differs from a contract, in a readable form: one line per difference.
 *
 * @param contract the contract's name
 * @param mode the mode compared in
 * @param differences each difference, in contract column order then extra columns
 * @since 0.1.0
 */
public record SchemaDiff(String contract, ContractMode mode, List<Difference> differences) {

  /** Copies the list. */
  public SchemaDiff {
    differences = List.copyOf(differences);
  }

  /** What kind of difference. */
  public enum Kind {
    /** An expected column is absent. */
    MISSING,
    /** A column the contract does not list (strict mode only). */
    EXTRA,
    /** A column has another type (strict), or one that does not widen safely (relaxed). */
    TYPE,
    /** A column is nullable where the contract says not null (strict mode only). */
    NULLABILITY
  }

  /**
   * One difference.
   *
   * @param kind the kind
   * @param column the column
   * @param expected what the contract says; empty for an extra column
   * @param actual what the schema has; empty for a missing column
   */
  public record Difference(Kind kind, String column, String expected, String actual) {
    /** The difference as one line. */
    @Override
    public String toString() {
      return switch (kind) {
        case MISSING -> "- " + column + ": missing, expected " + expected;
        case EXTRA -> "+ " + column + ": " + actual + ", not in the contract";
        case TYPE -> "~ " + column + ": " + actual + ", expected " + expected;
        case NULLABILITY -> "~ " + column + ": nullable, expected not null";
      };
    }
  }

  /** Whether the schema satisfies the contract. */
  public boolean matches() {
    return differences.isEmpty();
  }

  /** A heading and one line per difference. */
  @Override
  public String toString() {
    if (differences.isEmpty()) {
      return "schema matches contract ["
          + contract
          + "] ("
          + mode.name().toLowerCase(java.util.Locale.ROOT)
          + ")";
    }
    StringBuilder b = new StringBuilder();
    b.append("schema differs from contract [").append(contract).append("] (");
    b.append(mode.name().toLowerCase(java.util.Locale.ROOT)).append("): ");
    b.append(differences.size()).append(differences.size() == 1 ? " difference" : " differences");
    for (Difference d : differences) {
      b.append("\n  ").append(d);
    }
    return b.toString();
  }
}
