/**
 * The {@code validation} benchmark: pipeline-validation's one-pass evaluation and quarantine split
 * on local Spark ({@link dev.forgeline.examples.bench.validation.ValidationBenchmark}).
 */
package dev.forgeline.examples.bench.validation;
