package dev.forgeline.validation.contract;

/**
 * How strictly a schema must match its contract.
 *
 * @since 0.1.0
 */
public enum ContractMode {
  /**
   * No extra columns, exact types, and a nullable column where the contract says not null fails.
   */
  STRICT,
  /**
   * Extra columns allowed, a type that widens safely to the expected one accepted (int to bigint,
   * float to double, date to timestamp, a decimal that fits), nullability flags not compared (a
   * not-null column is enforced on the data by the contract's not-null rules instead).
   */
  RELAXED
}
