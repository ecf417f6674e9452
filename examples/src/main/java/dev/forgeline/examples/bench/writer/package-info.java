/**
 * The run log benchmark ({@code examples/bench writer}): LogWriter against a plain Delta append,
 * small reports, concurrent writers and replays. Entry point: {@link
 * dev.forgeline.examples.bench.writer.WriterBenchmark}.
 */
package dev.forgeline.examples.bench.writer;
