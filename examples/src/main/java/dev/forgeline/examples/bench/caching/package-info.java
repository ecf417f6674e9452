/**
 * The result cache benchmark ({@code examples/bench caching}): the medallion pipeline on local
 * Spark with Delta, first run, cached rerun, rerun after touching one input, and the same work
 * written as one plain sequential Spark program. Entry point: {@link
 * dev.forgeline.examples.bench.caching.CachingBenchmark}.
 */
package dev.forgeline.examples.bench.caching;
