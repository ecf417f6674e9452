package dev.forgeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, defect 8: under FAIL_FAST a step whose Spark tasks are busy (a slow read or function) is
 * cancelled with its tasks interrupted, not left running until their next record.
 */
class FailFastCancelTest {
  /** Counts down when a task of the slow step has started. */
  static final CountDownLatch TASK_STARTED = new CountDownLatch(1);

  /** Tasks of the slow step that were interrupted while they waited. */
  static final AtomicInteger TASKS_INTERRUPTED = new AtomicInteger();

  /** A step whose one Spark task blocks for a minute in an interruptible wait. */
  static final class SlowRead implements Factory<Long> {
    private final SparkSession spark = LocalSpark.session();
    private long count;

    @Override
    public void read() {
      // An RDD job, as a CSV read's schema inference runs one: Spark SQL's own executions ask
      // for interruption themselves (spark.sql.execution.interruptOnCancel), plain jobs do not.
      count =
          spark
              .range(0, 1, 1, 1)
              .javaRDD()
              .map(
                  id -> {
                    TASK_STARTED.countDown();
                    try {
                      Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                      TASKS_INTERRUPTED.incrementAndGet();
                      Thread.currentThread().interrupt();
                    }
                    return id;
                  })
              .count();
    }

    @Override
    public Long get() {
      return count;
    }
  }

  /** Fails once the slow step's task is running. */
  static final class FailsWhenTheReadRuns implements Factory<String> {
    @Override
    public void process() {
      try {
        assertThat(TASK_STARTED.await(2, TimeUnit.MINUTES)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("upstream system rejected the batch");
    }

    @Override
    public String get() {
      return "never";
    }
  }

  @Test
  void failFastInterruptsTheRunningTasksOfAReadingStep() throws Exception {
    PipelineReport report =
        Pipeline.builder("fail-fast-cancel")
            .spark(LocalSpark.session())
            .settings(
                ExecutionSettings.defaults()
                    .withMode(ExecutionMode.PARALLEL)
                    .withParallelism(2)
                    .withFailurePolicy(FailurePolicy.FAIL_FAST))
            .stage("s", s -> s.add(new SlowRead()).add(new FailsWhenTheReadRuns()))
            .build()
            .execute();

    assertThat(report.step("FailsWhenTheReadRuns").orElseThrow().status()).isEqualTo(Status.FAILED);
    assertThat(report.step("SlowRead").orElseThrow().status()).isEqualTo(Status.CANCELLED);
    // The task itself was interrupted: it does not sleep on after the run has ended.
    assertThat(waitForInterruptedTask()).isEqualTo(1);
  }

  /** The task's interruption reaches it shortly after the cancel; wait for it, bounded. */
  private static int waitForInterruptedTask() throws InterruptedException {
    for (int i = 0; i < 600 && TASKS_INTERRUPTED.get() == 0; i++) {
      Thread.sleep(100);
    }
    return TASKS_INTERRUPTED.get();
  }
}
