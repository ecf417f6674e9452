package dev.forgeline.core.internal.exec;

import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark job tags of a run, so the Spark UI shows which factory ran which job and a fail-fast
 * run can cancel exactly its own jobs. Tags are set on the worker thread for the length of a step.
 *
 * <p>A session's tags reach only Spark SQL's executions. On classic Spark the same tags are also
 * set as {@link SparkContext} job tags, so plain jobs a step starts (a CSV read's schema inference,
 * an RDD action) are tagged and cancelled too, and their task threads are interrupted on cancel.
 */
final class SparkTags {
  private static final Logger LOG = LoggerFactory.getLogger(SparkTags.class);

  /** The Spark conf that turns interrupting cancelled tasks off. */
  static final String INTERRUPT_ON_CANCEL_CONF = "spark.forgeline.interruptOnCancel";

  /** Spark's own job property (SparkContext.SPARK_JOB_INTERRUPT_ON_CANCEL). */
  private static final String JOB_INTERRUPT_ON_CANCEL = "spark.job.interruptOnCancel";

  private final SparkSession spark;
  private final SparkContext context;
  private final boolean interrupt;
  private final String pipelineTag;
  private final String runTag;

  SparkTags(SparkSession spark, String pipeline, String runId) {
    this.spark = spark;
    this.context = classicContext(spark);
    this.interrupt =
        context != null && Boolean.parseBoolean(spark.conf().get(INTERRUPT_ON_CANCEL_CONF, "true"));
    this.pipelineTag = clean("forgeline-pipeline-" + pipeline);
    this.runTag = clean("forgeline-run-" + runId);
  }

  /** Classic Spark's context; null for the mock and Spark Connect, which have none to tag. */
  private static SparkContext classicContext(SparkSession spark) {
    if (spark instanceof org.apache.spark.sql.classic.SparkSession classic) {
      try {
        return classic.sparkContext();
      } catch (RuntimeException e) {
        LOG.warn("No SparkContext to tag jobs with; only Spark SQL's executions are tagged", e);
      }
    }
    return null;
  }

  /** The tags of work that belongs to the run but to no step (the cache's background stores). */
  List<String> forRun() {
    return List.of(pipelineTag, runTag);
  }

  /** The tags of one step: pipeline, run and factory. */
  List<String> forStep(String factoryId) {
    return List.of(pipelineTag, runTag, clean(runTag + "-factory-" + factoryId));
  }

  /**
   * Tags the calling thread's jobs. Spark kills a cancelled job's tasks only at their next record
   * unless the job asks for their threads to be interrupted, so a task blocked in a read or a slow
   * function would run on after a fail-fast stop: the job property is set too, unless {@code
   * spark.forgeline.interruptOnCancel=false} (Spark's default is off because old HDFS clients took
   * an interrupt as a dead node).
   */
  void add(List<String> tags) {
    if (spark == null) {
      return;
    }
    tags.forEach(spark::addTag);
    if (context != null) {
      tags.forEach(context::addJobTag);
      if (interrupt) {
        context.setLocalProperty(JOB_INTERRUPT_ON_CANCEL, "true");
      }
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
        if (context != null) {
          context.removeJobTag(tag);
        }
      } catch (Exception e) { // Scala code may throw checked exceptions undeclared
        LOG.warn("Could not remove Spark job tag [{}]", tag, e);
      }
    }
    if (context != null && interrupt) {
      context.setLocalProperty(JOB_INTERRUPT_ON_CANCEL, null);
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
   * before the first call (see {@code Scheduler}), so none inherits it. Jobs outside Spark SQL
   * carry the tag as a job tag of the context and are cancelled through it.
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
      if (context != null) {
        context.cancelJobsWithTag(tag, "Forgeline stopped the step or the run");
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
