package dev.forgeline.writer;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.core.ExecutionSettings;
import dev.forgeline.core.Factory;
import dev.forgeline.core.FailurePolicy;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.spi.PipelineListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The LogWriter attached to real pipeline runs, on each backend ({@link LogWriterListenerTest} on
 * local Spark with Delta, {@link LogWriterListenerOnMockTest} on the mock).
 */
abstract class LogWriterListenerContract {
  final SparkSession spark = backend().session();

  abstract WriterBackend backend();

  static final class Ok implements Factory<String> {
    @Override
    public String get() {
      return "ok";
    }
  }

  static final class Broken implements Factory<Integer> {
    @Override
    public void process() {
      throw new IllegalStateException("no data today");
    }

    @Override
    public Integer get() {
      return 1;
    }
  }

  /** A listener that fails at the end of every run, registered before the LogWriter. */
  static final class Throwing implements PipelineListener {
    @Override
    public void onRunEnd(PipelineReport report) {
      throw new IllegalStateException("dashboard down");
    }
  }

  private static Pipeline.Builder pipeline(String name, PipelineListener... listeners) {
    Pipeline.Builder b =
        Pipeline.builder(name)
            .settings(ExecutionSettings.defaults().withFailurePolicy(FailurePolicy.CONTINUE));
    for (PipelineListener l : listeners) {
      b.listener(l);
    }
    return b;
  }

  @Test
  void writesEveryRunFailedOnesIncludedEvenAfterAnotherListenerThrew() {
    String path = WriterSpark.freshPath("listener");
    LogWriter log = LogWriter.builder(spark).path(path).build();

    PipelineReport ok =
        pipeline("listened", new Throwing(), log)
            .stage("s", s -> s.add(Ok.class))
            .build()
            .execute();
    PipelineReport failed =
        pipeline("listened", new Throwing(), log)
            .stage("s", s -> s.add(Ok.class).add(Broken.class))
            .build()
            .execute();

    assertEquals(Status.SUCCESS, ok.status());
    assertEquals(Status.FAILED, failed.status());
    assertTrue(ok.metadata().containsKey("listener.failed." + Throwing.class.getName()));
    assertTrue(
        ok.metadata().keySet().stream().noneMatch(k -> k.endsWith(LogWriter.class.getName())),
        ok.metadata().toString());
    Dataset<Row> runs =
        spark.read().format("delta").load(path).filter(col("row_kind").equalTo("RUN"));
    List<Row> rows = runs.orderBy("run_start").collectAsList();
    assertEquals(
        List.of(ok.runId(), failed.runId()), rows.stream().map(r -> r.getAs("run_id")).toList());
    assertEquals("FAILED", rows.get(1).getAs("run_status"));
    Row broken =
        spark.read().format("delta").load(path).filter(col("factory_id").equalTo("Broken")).first();
    assertEquals("no data today", broken.getAs("error_message"));
    assertEquals("PROCESS", broken.getAs("error_phase"));
  }

  /** A factory of the docs' snippet. */
  static final class Revenue implements Factory<Long> {
    @Override
    public Long get() {
      return 42L;
    }
  }

  @Test
  void theDocsSnippetWritesOneRunOnce() {
    String path = WriterSpark.freshPath("snippet");
    // --- docs/writer.md snippet start ---
    LogWriter log = LogWriter.builder(spark).path(path).build();
    PipelineReport report =
        Pipeline.builder("sales")
            .listener(log) // writes the report at the end of every run, failed runs included
            .stage("gold", s -> s.add(Revenue.class))
            .build()
            .execute();
    log.write(report); // by hand: writing the same report again adds nothing
    Dataset<Row> last = log.reader().lastRuns("sales", 5);
    // --- docs/writer.md snippet end ---
    assertEquals(1, last.count());
    assertEquals(2, log.reader().log().count());
    String docs = Docs.blocks("writer.md", "java").get(0);
    assertTrue(docs.contains("Pipeline.builder(\"sales\")"), docs);
    assertTrue(docs.contains("log.write(report);"), docs);
  }

  @Test
  void aFailureToWriteIsRecordedInTheReportAndNeverChangesTheRunsResult() throws Exception {
    Path notDelta = Path.of(WriterSpark.freshPath("listener-bad"));
    Files.createDirectories(notDelta);
    Files.writeString(notDelta.resolve("notes.txt"), "not a table");
    LogWriter log = LogWriter.builder(spark).path(notDelta.toString()).build();

    PipelineReport report =
        pipeline("unlogged", log).stage("s", s -> s.add(Ok.class)).build().execute();

    assertEquals(Status.SUCCESS, report.status());
    String failure = report.metadata().get("listener.failed." + LogWriter.class.getName());
    assertTrue(
        failure != null && failure.contains("[Forgeline/LogNotDelta]"), String.valueOf(failure));
    try (var files = Files.list(notDelta)) {
      assertEquals(List.of(notDelta.resolve("notes.txt")), files.toList());
    }
  }
}
