/**
 * Schema contracts: {@link dev.forgeline.validation.contract.SchemaContract} lists the expected
 * columns, types and nullability of a Dataset, compares a schema strictly or relaxed into a
 * readable {@link dev.forgeline.validation.contract.SchemaDiff}, is inferred from data with
 * suggested rules, and is saved to and loaded from JSON or HOCON files. The entry points are {@code
 * SchemaContract.infer}, {@code SchemaContract.of} and {@code SchemaContract.load}.
 */
package dev.forgeline.validation.contract;
