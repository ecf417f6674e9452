package dev.forgeline.core.internal.exec;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark job tags of a run, so the Spark UI shows which factory ran which job and a fail-fast
 * run can cancel exactly its own jobs. Tags are set on the worker thread for the length of a step.
 */
final class SparkTags {
  private final SparkSession spark;
  private final String pipelineTag;
  private final String runTag;

  SparkTags(SparkSession spark, String pipeline, String runId) {
    this.spark = spark;
    this.pipelineTag = clean("forgeline-pipeline-" + pipeline);
    this.runTag = clean("forgeline-run-" + runId);
  }

  /** The tags of one step: pipeline, run and factory. */
  List<String> forStep(String factoryId) {
    return List.of(pipelineTag, runTag, clean(runTag + "-factory-" + factoryId));
  }

  void add(List<String> tags) {
    if (spark != null) {
      tags.forEach(spark::addTag);
    }
  }

  void remove(List<String> tags) {
    if (spark != null) {
      tags.forEach(spark::removeTag);
    }
  }

  /** Cancels every Spark job of this run that is still running. */
  void cancelRun() {
    if (spark != null) {
      spark.interruptTag(runTag);
    }
  }

  /** Cancels the Spark jobs of one step. */
  void cancelStep(String factoryId) {
    if (spark != null) {
      spark.interruptTag(forStep(factoryId).get(2));
    }
  }

  String runTag() {
    return runTag;
  }

  /** Spark rejects empty tags and commas in tags. */
  private static String clean(String tag) {
    return tag.replace(',', '_');
  }
}
