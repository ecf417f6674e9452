/**
 * The getting-started pipeline of docs/getting-started.md: three factories over an in-memory
 * dataset, runnable on embedded local Spark ({@link dev.forgeline.examples.demo.DemoPipeline#main})
 * and, unchanged, on the mock backend in tests.
 */
package dev.forgeline.examples.demo;
