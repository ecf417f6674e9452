package dev.forgeline.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSettingsTest {

  private static LogException refused(String hocon) {
    return assertThrows(
        LogException.class, () -> LogSettings.from(ConfigFactory.parseString(hocon)));
  }

  @Test
  void readsEveryKey() {
    LogSettings s =
        LogSettings.from(
                ConfigFactory.parseString(
                    "forgeline.log { path = \"/data/log\", partition-by = [run_date, pipeline],"
                        + " retention = 30 days, options { userMetadata = nightly } }"))
            .orElseThrow();
    assertEquals(LogTarget.path("/data/log"), s.target());
    assertEquals(List.of("run_date", "pipeline"), s.partitionBy());
    assertEquals(Duration.ofDays(30), s.retention());
    assertEquals(Map.of("userMetadata", "nightly"), s.options());
  }

  @Test
  void noLogSectionMeansNoLog() {
    assertTrue(LogSettings.from(ConfigFactory.parseString("forgeline.other = 1")).isEmpty());
  }

  @Test
  void refusesBadSettingsNamingTheKey() {
    assertTrue(
        refused("forgeline.log { table = a, path = b }")
            .getMessage()
            .contains("both a table and a path"));
    assertTrue(
        refused("forgeline.log { partition-by = run_date }").getMessage().contains("neither"));
    LogException col = refused("forgeline.log { table = a, partition-by = [day] }");
    assertEquals(WriterError.LOG_CONFIG, col.id());
    assertTrue(col.getMessage().contains("forgeline.log.partition-by was [day]"), col.getMessage());
    LogException opt = refused("forgeline.log { table = a, options { mode = overwrite } }");
    assertTrue(opt.getMessage().contains("forgeline.log.options.mode"), opt.getMessage());
    assertEquals(
        WriterError.LOG_RETENTION_TOO_SHORT,
        refused("forgeline.log { table = a, retention = 1 hour }").id());
    assertEquals(
        WriterError.LOG_TABLE_NAME, refused("forgeline.log { table = \"a; DROP TABLE b\" }").id());
  }

  @Test
  void builderOptionsSetTwiceFailAtOnce() {
    LogWriter.Builder b =
        LogWriter.builder(dev.forgeline.mock.MockSparkSession.create()).path("/x");
    LogException e = assertThrows(LogException.class, () -> b.table("t"));
    assertTrue(e.getMessage().contains("already set to: [path /x]"), e.getMessage());
    assertEquals(
        WriterError.LOG_CONFIG,
        assertThrows(
                LogException.class,
                () -> LogWriter.builder(dev.forgeline.mock.MockSparkSession.create()).build())
            .id());
  }

  @Test
  void deltaIntervalsAreRead() {
    assertEquals(Duration.ofDays(30), LogMaintenance.parseInterval("interval 30 days"));
    assertEquals(Duration.ofHours(200), LogMaintenance.parseInterval("200 hours"));
    assertEquals(Duration.ofDays(14), LogMaintenance.parseInterval("interval 2 weeks"));
    assertEquals(null, LogMaintenance.parseInterval("soon"));
  }
}
