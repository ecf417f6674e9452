package dev.forgeline.core.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the per-step log lines say, for each way a step can end. */
class StepLogTest {
  private static StepResult.Builder result(Status status) {
    Instant t = Instant.parse("2026-11-30T06:00:00Z");
    return StepResult.builder("Adults", "x.Adults", "silver", status)
        .start(t)
        .end(t.plusMillis(40));
  }

  @Test
  void aCachedStepNamesItsKeyNotANullReason() {
    assertThat(StepLog.line(result(Status.CACHED).cacheKey("c44263bc63419a9bb2812").build()))
        .isEqualTo("Factory [Adults] CACHED (key c44263bc6341)");
  }

  @Test
  void aStepServedFromItsTableSaysWhy() {
    assertThat(
            StepLog.line(
                result(Status.CACHED).reason("not selected: read from connector [t]").build()))
        .isEqualTo("Factory [Adults] CACHED: not selected: read from connector [t]");
  }

  @Test
  void successSkipAndFailureLines() {
    assertThat(StepLog.line(result(Status.SUCCESS).rowsWritten(7L).build()))
        .isEqualTo("Factory [Adults] SUCCESS in 40 ms, 7 rows written");
    assertThat(StepLog.line(result(Status.SKIPPED).reason("its condition is false").build()))
        .isEqualTo("Factory [Adults] SKIPPED: its condition is false");
    assertThat(StepLog.line(result(Status.FAILED).build()))
        .isEqualTo("Factory [Adults] FAILED after 40 ms");
  }
}
