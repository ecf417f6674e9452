/**
 * An in-memory implementation of Spark 4's abstract {@code SparkSession} and {@code Dataset} for
 * fast tests. The entry point is {@link dev.forgeline.mock.MockSparkSession#builder()}; {@link
 * dev.forgeline.mock.MockCapabilities} and the {@link dev.forgeline.mock.Unsupported} annotation
 * say what the mock implements; {@link dev.forgeline.mock.MockHeapExhaustedException} is raised
 * when a join or sort does not fit in the heap. Everything else in this package is package-private.
 *
 * @since 0.1.0
 */
package dev.forgeline.mock;
