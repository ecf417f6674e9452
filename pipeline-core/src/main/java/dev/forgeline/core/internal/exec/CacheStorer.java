package dev.forgeline.core.internal.exec;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * The thread that writes a run's disk-cache copies while the run goes on, so storing a result does
 * not hold back the steps that consume it. Only on classic Spark: on the mock, stores stay on the
 * step's thread, so tests see them in order. Its jobs carry the run's tags, so cancelling the run
 * cancels them too; the run waits for every store before it ends, so a process that exits after the
 * run leaves no entry half written (and a half-written entry is never read anyway).
 */
final class CacheStorer {
  private CacheStorer() {}

  /** Starts the thread and hands it to the run's cache, or returns null when there is none. */
  static ThreadPoolExecutor start(RunContext ctx, SparkSession spark, String pipeline) {
    if (ctx.cache == null || !(spark instanceof org.apache.spark.sql.classic.SparkSession)) {
      return null;
    }
    ThreadPoolExecutor storer =
        new ThreadPoolExecutor(
            1,
            1,
            0L,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            new NamedThreadFactory(pipeline + "-cache"));
    // Started now, while the coordinating thread holds no tag of this run (Spark's job tags are
    // inheritable thread-locals).
    storer.prestartAllCoreThreads();
    List<String> tags = ctx.tags.forRun();
    ctx.cache.storeInBackground(
        task ->
            storer.execute(
                () -> {
                  ctx.tags.add(tags);
                  try {
                    task.run();
                  } finally {
                    ctx.tags.remove(tags);
                  }
                }));
    return storer;
  }

  /** Waits for the stores still running, then ends the thread. */
  static void finish(RunContext ctx, ThreadPoolExecutor storer) {
    if (storer == null) {
      return;
    }
    ctx.cache.awaitStores();
    storer.shutdown();
  }
}
