package dev.forgeline.core.internal.exec;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark job tags of a run, so the Spark UI shows which factory ran which job and a fail-fast
 * run can cancel exactly its own jobs. Tags are set on the worker thread for the length of a step.
 */
final class SparkTags {
  private static final Logger LOG = LoggerFactory.getLogger(SparkTags.class);
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

  /** Removes the tags; never throws (it runs in cleanup). */
  void remove(List<String> tags) {
    if (spark == null) {
      return;
    }
    for (String tag : tags) {
      try {
        spark.removeTag(tag);
      } catch (Exception e) { // Scala code may throw checked exceptions undeclared
        LOG.warn("Could not remove Spark job tag [{}]", tag, e);
      }
    }
  }

  /** Cancels every Spark job of this run that is still running. */
  void cancelRun() {
    cancel(runTag);
  }

  /** Cancels the Spark jobs of one step. */
  void cancelStep(String factoryId) {
    cancel(forStep(factoryId).get(2));
  }

  /**
   * Classic Spark resolves {@code interruptTag} through the calling thread's own tags, so the tag
   * is held by this thread for the length of the call. Engine-owned worker threads are all started
   * before the first call (see {@code Scheduler}), so none inherits it.
   */
  private void cancel(String tag) {
    if (spark == null) {
      return;
    }
    // Classic Spark waits for the cancellation with an interruptible wait: an interrupted worker
    // would fail here instead of cancelling, so the flag is held back for the call.
    boolean interrupted = Thread.interrupted();
    try {
      spark.addTag(tag);
      try {
        spark.interruptTag(tag);
      } finally {
        spark.removeTag(tag);
      }
    } catch (Exception e) { // Scala code may throw checked exceptions undeclared
      LOG.warn("Could not cancel the Spark jobs tagged [{}]", tag, e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Spark rejects empty tags and commas in tags. */
  private static String clean(String tag) {
    return tag.replace(',', '_');
  }
}
