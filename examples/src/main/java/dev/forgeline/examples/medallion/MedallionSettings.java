package dev.forgeline.examples.medallion;

/**
 * The example's own settings, bound from the {@code medallion} block.
 *
 * @param inputDir where the sample CSV files are
 * @param outputDir where the Delta tables and reports go
 */
public record MedallionSettings(String inputDir, String outputDir) {}
