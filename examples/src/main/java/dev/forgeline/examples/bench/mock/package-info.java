/**
 * Helpers of the mock's parity audit and of the mock-vs-Spark benchmark: reflection over Spark's
 * abstract API ({@link dev.forgeline.examples.bench.mock.ApiSurface}), the map from {@code
 * functions} methods to SQL function names ({@link
 * dev.forgeline.examples.bench.mock.FunctionSurface}) and the sessions both compare ({@link
 * dev.forgeline.examples.bench.mock.Sessions}).
 */
package dev.forgeline.examples.bench.mock;
