/**
 * The medallion example: CSV files ingested to bronze Delta tables, cleaned and joined into a
 * silver table, aggregated into gold tables, with several factories per stage running in parallel.
 * {@link dev.forgeline.examples.medallion.MedallionPipeline} is the definition (for spark-submit);
 * {@link dev.forgeline.examples.medallion.MedallionMain} runs it on embedded Spark.
 */
package dev.forgeline.examples.medallion;
