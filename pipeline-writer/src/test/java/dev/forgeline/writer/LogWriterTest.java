package dev.forgeline.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The writer on local Spark with real Delta: the contract, and what needs Delta's catalog. */
class LogWriterTest extends LogWriterContract {

  @Override
  WriterBackend backend() {
    return WriterBackend.SPARK;
  }

  private Dataset<Row> read(String path) {
    return spark.read().format("delta").load(path);
  }

  @Test
  void aCatalogTableIsCreatedAndWrittenByName() {
    String name = "default.forgeline_run_log_" + Long.toHexString(System.nanoTime());
    LogWriter w = LogWriter.builder(spark).table(name).build();
    w.write(Reports.successful("named", "shop", Reports.T0, 2));
    w.write(Reports.successful("named", "shop", Reports.T0, 2));
    assertEquals(3, spark.read().table(name).count());
    assertEquals(1, w.reader().lastRuns(5).count());
  }

  @Test
  void aRelativePathIsResolvedAgainstTheWorkingDirectory() {
    // Delta alone would take "target/..." for a table identifier and refuse it.
    Path absolute = Path.of(WriterSpark.freshPath("relative"));
    String relative = Path.of("").toAbsolutePath().relativize(absolute).toString();
    LogWriter w = LogWriter.builder(spark).path(relative).build();
    w.write(Reports.successful("relative", "shop", Reports.T0, 1));
    assertEquals(2, read(absolute.toString()).count());
    assertEquals(1, w.reader().lastRuns(1).count());
  }

  @Test
  void tableNamesWithSqlOrIllegalCharactersAreRejected() {
    for (String bad :
        List.of("log; DROP TABLE x", "a.b.c.d", "", "`log`", "log--", "1log", "a..b")) {
      LogException e = assertThrows(LogException.class, () -> LogTarget.table(bad), bad);
      assertEquals(WriterError.LOG_TABLE_NAME, e.id());
      assertTrue(e.getMessage().contains("[" + bad + "]"), e.getMessage());
    }
    assertFalse(LogTarget.table("cat.ops.run_log").quotedTable().contains("cat.ops"));
    assertEquals("`cat`.`ops`.`run_log`", LogTarget.table("cat.ops.run_log").quotedTable());
  }
}
